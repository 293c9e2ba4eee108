package fetch

import (
	"strconv"
)

// Caps on what one paged call collects, so memory stays bounded whatever
// the pages hold: a server handing out 13 MB pages of participants
// without end took qostop to 5 GB in two minutes, and the page limit
// alone allowed ~45 GB. Zoom's largest meetings hold 1,000 people; a day
// of samples for each of ten participants, Zoom's QoS page, is a few MB.
//
// What reading costs is the answer's size (readBody), twice when it
// comes without a Content-Length: TestMemoryBoundedWhateverZoomSends
// measures a 46 MiB page of 100,000 participants at 54 MiB allocated (100
// MiB unsized) and 2 MiB kept, as participants past the cap are skipped
// unread, and a 60 MB name at 60 MiB (121) and nothing kept, as every
// string is cut to maxString. What a call keeps is its samples, about
// 1.4 KB each in memory (model.Sample's map of streams) against 60 to
// 1,500 bytes of JSON: maxCollected of the densest answers holds 475,000
// samples, ~670 MB, and a day for 90 people (129,600 samples) ~190 MB.
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
