package sim

import (
	"encoding/base64"
	"fmt"
)

// maxExtraMeetings keeps a careless option from building a huge cast.
const maxExtraMeetings = 1000

// ExtraMeetingID is the numeric ID of extra meeting i (0-based), as
// Options.ExtraMeetings creates them: "81000000001", "81000000002", …
func ExtraMeetingID(i int) string { return fmt.Sprintf("81%09d", i+1) }

// extraMeetings builds Options.ExtraMeetings live meetings of three
// participants each, so an account-wide poller (the exporter) can be
// tested against many meetings at once.
func (s *Server) extraMeetings() []*meeting {
	n := min(max(s.opts.ExtraMeetings, 0), maxExtraMeetings)
	out := make([]*meeting, 0, n)
	for i := range n {
		id := ExtraMeetingID(i)
		base := 16790000 + 10*i
		host := person(fmt.Sprint(base), fmt.Sprintf("Host %d", i+1), "Mac", "Wired", "London (GB)", RoleRegular)
		m := &meeting{id: id, uuid: base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("extra-%010d", i+1))),
			topic: fmt.Sprintf("Team sync %d", i+1), host: host.name, hostEmail: host.email,
			t0: s.t0, every: s.opts.SampleEvery, share: noShare}
		m.members = []*member{host,
			person(fmt.Sprint(base+1), fmt.Sprintf("Guest %d-a", i+1), "Windows", "Wifi", "Paris (FR)", RoleRegular),
			person(fmt.Sprint(base+2), fmt.Sprintf("Guest %d-b", i+1), "iOS", "Cellular", "Tokyo (JP)", RoleRegular)}
		for _, p := range m.members {
			p.key = hashKey(m.id, p.userID)
			p.prof = s.profileOf(p)
		}
		out = append(out, m)
	}
	return out
}
