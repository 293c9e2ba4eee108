package fetch

import (
	"strconv"
)

// Caps on what one paged call collects, so memory stays bounded (well
// under 200 MB) whatever the pages hold: a server handing out 13 MB pages
// of participants without end took qostop to 5 GB in two minutes, and
// the page limit alone allowed ~45 GB. Zoom's largest meetings hold 1,000
// people; a day of samples for each of ten participants, Zoom's QoS page,
// is a few MB.
const (
	maxParticipants = 1000
	maxCollected    = 32 << 20 // bytes of answers
)

// TruncatedError says a paged call stopped at a cap. The items returned
// with it are the first Shown and are good to show: a caller shows them,
// with this text as a notice, rather than treating the call as failed.
type TruncatedError struct {
	Op    string
	Shown int  // how many items came back
	Bytes bool // stopped by the size of the answers, not their count
	what  string
}

func (e *TruncatedError) Error() string {
	n := strconv.Itoa(e.Shown)
	s := "this meeting has more than " + n + " participants; qostop shows the first " + n
	switch {
	case e.what == "meetings":
		s = "more live meetings than fit in " + strconv.Itoa(maxCollected>>20) + " MiB of Zoom's answers; " +
			"qostop shows the first " + n
	case e.Bytes:
		s = "this meeting's participants fill more than " + strconv.Itoa(maxCollected>>20) + " MiB of Zoom's " +
			"answers; qostop shows the first " + n
	}
	if e.Op != "" {
		s = e.Op + ": " + s
	}
	return s
}
