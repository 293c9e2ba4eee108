package sim

import (
	"encoding/base64"
	"fmt"
)

// Bounds that keep a careless --meetings or --people from building a cast
// that does not fit in memory: members are built at start (a few hundred
// bytes each), their samples never are (values.go computes each from the
// seed when it is served), so 1,000 meetings of 10 cost a few MB.
const (
	maxExtraMeetings   = 5000
	maxExtraPeople     = 1000
	maxExtraMembers    = 100_000
	defaultExtraPeople = 3
)

// ExtraMeetingID is the numeric ID of extra meeting i (0-based), as
// Options.ExtraMeetings creates them: "81000000001", "81000000002", …
func ExtraMeetingID(i int) string { return fmt.Sprintf("81%09d", i+1) }

// ExtraParticipantID is the user_id of participant j (0-based, the host
// first) of extra meeting i.
func ExtraParticipantID(i, j int) string { return fmt.Sprint(extraBase + maxExtraPeople*i + j) }

const extraBase = 20_000_000

// extraSize is how many extra meetings of how many people each the
// options ask for, within the bounds.
func (o Options) extraSize() (meetings, people int) {
	meetings = min(max(o.ExtraMeetings, 0), maxExtraMeetings)
	people = defaultExtraPeople
	if o.ExtraPeople > 0 {
		people = min(o.ExtraPeople, maxExtraPeople)
	}
	if meetings*people > maxExtraMembers {
		meetings = maxExtraMembers / people
	}
	return meetings, people
}

// Guests' devices and places cycle through these, so a large account
// has every kind of network and path.
var (
	extraDevices   = []string{"Windows", "iOS", "Mac", "Android", "Linux", "Web"}
	extraNetworks  = []string{"Wifi", "Cellular", "Wired", "Wifi", "Wired"}
	extraLocations = []string{"Paris (FR)", "Tokyo (JP)", "Denver (US)", "Lagos (NG)", "Sydney (AU)", "Toronto (CA)", "Seoul (KR)"}
)

// extraMeetings builds Options.ExtraMeetings live meetings of
// Options.ExtraPeople participants each (three by default), so an
// account-wide poller (the exporter) or a push consumer can be tested
// against a large account: `qostop sim --meetings 1000 --people 10`.
func (s *Server) extraMeetings() []*meeting {
	n, people := s.opts.extraSize()
	out := make([]*meeting, 0, n)
	for i := range n {
		id := ExtraMeetingID(i)
		host := person(ExtraParticipantID(i, 0), fmt.Sprintf("Host %d", i+1), "Mac", "Wired", "London (GB)", RoleRegular)
		m := &meeting{id: id, uuid: base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("extra-%010d", i+1))),
			topic: fmt.Sprintf("Team sync %d", i+1), host: host.name, hostEmail: host.email,
			t0: s.t0, every: s.opts.SampleEvery, share: noShare}
		m.members = make([]*member, 0, people)
		m.members = append(m.members, host)
		for j := 1; j < people; j++ {
			m.members = append(m.members, person(ExtraParticipantID(i, j), fmt.Sprintf("Guest %d-%d", i+1, j),
				extraDevices[(j-1)%len(extraDevices)], extraNetworks[(i+j)%len(extraNetworks)],
				extraLocations[(i+j)%len(extraLocations)], RoleRegular))
		}
		for _, p := range m.members {
			p.key = hashKey(m.id, p.userID)
			p.prof = s.profileOf(p)
		}
		out = append(out, m)
	}
	return out
}
