package sim

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// The meetings, fixed whatever the seed so tests and the demo can name them.
const (
	// DemoMeetingID is the "Incident bridge", the meeting `qostop demo` watches.
	DemoMeetingID   = "85012345678"
	DemoMeetingUUID = "qT7vXq2bR0eJx4mZs9LkPw=="
	// DemoParticipantID is Alice Chen, whose call degrades and recovers
	// every 20 samples: a latency climb, a loss burst, a Wi-Fi drop.
	DemoParticipantID = "16778241"

	// ReviewMeetingUUID contains "//", so it must be encoded twice in a path.
	ReviewMeetingID   = "83098765432"
	ReviewMeetingUUID = "Zp3a//Kx7QeW1nV2sT5yBg=="

	// AllHandsMeetingID has 42 participants, for paging.
	AllHandsMeetingID   = "89900112233"
	AllHandsMeetingUUID = "c9RfTn4yQ3u8WkzL1mE+Aw=="

	// EndedMeetingID is over: type=past only. Its UUID begins with "/".
	EndedMeetingID   = "87766554433"
	EndedMeetingUUID = "/Gm5hQ2wT8eKp1xR7vYzNw=="
)

// Participants of the demo meeting that each exercise one thing.
const (
	SharerParticipantID   = "16778242" // shares the screen on and off
	RoomParticipantID     = "16778243" // room system through a Cloud Room Connector
	WebParticipantID      = "16778244" // web client through the gateway (RWG)
	LeaverParticipantID   = "16778245" // leaves six samples after the server starts
	ExternalParticipantID = "16778246" // no name, no email
	VideoOffParticipantID = "16778247" // camera off: no video_input
	HostileParticipantID  = "16778248" // only with Options.Hostile
)

// Role says what a participant is in the cast to exercise.
type Role string

// The roles; most participants are RoleRegular.
const (
	RoleRegular   Role = "regular"
	RoleDegrading Role = "degrading"
	RoleSharer    Role = "sharer"
	RoleRoom      Role = "room-connector"
	RoleWeb       Role = "web-client"
	RoleLeaver    Role = "leaver"
	RoleExternal  Role = "external"
	RoleVideoOff  Role = "video-off"
	RoleHostile   Role = "hostile"
)

// MeetingInfo describes a meeting of the cast for tests and the demo.
type MeetingInfo struct {
	ID           string // numeric meeting ID, as a path takes it
	UUID         string
	Topic        string
	Live         bool
	Participants []ParticipantInfo
}

// ParticipantInfo describes one participant. UserName is what Zoom
// sends, hostile bytes included.
type ParticipantInfo struct {
	UserID   string
	UserName string
	Role     Role
}

// Meetings lists the meetings of the cast (not its webinars), whether or
// not each participant has joined yet.
func (s *Server) Meetings() []MeetingInfo { return s.infos(false) }

func (s *Server) infos(webinars bool) []MeetingInfo {
	var out []MeetingInfo
	for _, m := range s.meetings {
		if m.webinar != webinars {
			continue
		}
		mi := MeetingInfo{ID: m.id, UUID: m.uuid, Topic: m.topic, Live: !m.over(s.now())}
		for _, p := range m.members {
			mi.Participants = append(mi.Participants, ParticipantInfo{
				UserID: p.userID, UserName: raw(p.name), Role: p.role,
			})
		}
		out = append(out, mi)
	}
	return out
}

func raw(s string) string { return strings.ReplaceAll(s, badUTF8Sentinel, badUTF8) }

// cast builds the four meetings. Identities are fixed; the seed only
// shapes each member's numbers.
func (s *Server) cast() []*meeting {
	pre := s.opts.PreHistory
	live := func(id, uuid, topic string, host *member) *meeting {
		return &meeting{id: id, uuid: uuid, topic: topic, host: host.name, hostEmail: host.email,
			t0: s.t0, every: s.opts.SampleEvery}
	}
	crowd := crowd()

	alice := person("16778241", "Alice Chen", "Mac", "Wifi", "Oakland (US)", RoleDegrading)
	bob := person("16778242", "Bob Okafor", "Windows", "Wired", "Chicago (US)", RoleSharer)
	room := person("16778243", "Conference Room 4B", "H.323/SIP", "Wired", "Seattle (US)", RoleRoom)
	dana := person("16778244", "Dana Reyes", "Web", "Wired", "Denver (US)", RoleWeb)
	erik := person("16778245", "Erik Lund", "iOS", "Cellular", "Stockholm (SE)", RoleLeaver)
	guest := person("16778246", "", "Windows", "Wifi", "Toronto (CA)", RoleExternal)
	farah := person("16778247", "Farah Haddad", "Linux", "Wired", "Amman (JO)", RoleVideoOff)
	alice.hd = true // so her fall back to 640*360 in the fade shows
	erik.leaveK = pre + 6
	farah.video = false
	demo := live(DemoMeetingID, DemoMeetingUUID, "Incident bridge", bob)
	demo.members = []*member{alice, bob, room, dana, erik, guest, farah}
	if s.opts.Hostile {
		demo.members = append(demo.members, hostile())
	}
	if e := s.opts.EndAfter; e > 0 {
		demo.lastK = pre + int(e/s.opts.SampleEvery)
		demo.endAt = demo.end()
	}
	// Bob shares for 12 samples in 24, from 8 samples before the server
	// starts until 4 after, so a watcher sees the share stop and restart.
	demo.share = func(k int) (*member, bool) {
		ph := mod(k-pre+8, 24)
		if ph >= 12 {
			return nil, false
		}
		return bob, ph == 0
	}

	grace := person("16779265", "Grace Park", "Mac", "Wifi", "Seoul (KR)", RoleRegular)
	hiro := person("16779266", "Hiro Tanaka", "Linux", "Wired", "Osaka (JP)", RoleRegular)
	ines := person("16779267", "Inês Duarte", "Android", "Cellular", "Lisbon (PT)", RoleVideoOff)
	ines.video = false
	review := live(ReviewMeetingID, ReviewMeetingUUID, "Design review", grace)
	review.members = []*member{grace, hiro, ines}
	review.share = noShare

	presenter := crowd[0]
	allHands := live(AllHandsMeetingID, AllHandsMeetingUUID, "Company all-hands", presenter)
	allHands.members = crowd
	allHands.share = func(k int) (*member, bool) { return presenter, k == 0 }

	ended := &meeting{id: EndedMeetingID, uuid: EndedMeetingUUID, topic: "Weekly ops sync",
		every: time.Minute, ended: true, lastK: 44,
		t0: s.t0.Add(time.Duration(pre) * s.opts.SampleEvery).Truncate(time.Minute).Add(-3 * time.Hour)}
	jonas := person("16782337", "Jonas Weber", "Windows", "Wired", "Berlin (DE)", RoleSharer)
	ended.members = []*member{jonas,
		person("16782338", "Kavya Rao", "Mac", "Wifi", "Bengaluru (IN)", RoleRegular),
		person("16782339", "Liam O'Brien", "iOS", "Wifi", "Dublin (IE)", RoleRegular),
		person("16782340", "Mei Lin", "Windows", "Wired", "Singapore (SG)", RoleRegular)}
	ended.host, ended.hostEmail = jonas.name, jonas.email
	ended.share = func(k int) (*member, bool) {
		if k < 10 || k > 25 {
			return nil, false
		}
		return jonas, k == 10
	}

	meetings := append([]*meeting{demo, review, allHands, ended}, s.webinars()...)
	for _, m := range meetings {
		for _, p := range m.members {
			p.key = hashKey(m.id, p.userID)
			p.prof = s.profileOf(p)
		}
	}
	return meetings
}

func noShare(int) (*member, bool) { return nil, false }

func mod(a, n int) int { return ((a % n) + n) % n }

// crowd is the all-hands: a presenter and 41 others, most with cameras
// off, a few joining late.
func crowd() []*member {
	first := []string{"Aaron", "Beatriz", "Chidi", "Daria", "Emeka", "Fatima", "Goran",
		"Hana", "Ibrahim", "Julia", "Kenji", "Leila", "Mateo", "Nadia"}
	last := []string{"Adeyemi", "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer",
		"García", "Horvat", "Ivanova"}
	devices := []string{"Windows", "Mac", "iOS", "Windows", "Android", "Mac", "Linux"}
	networks := []string{"Wired", "Wifi", "Wifi", "Cellular", "Wired", "Wifi"}
	cities := []string{"London (GB)", "New York (US)", "São Paulo (BR)", "Lagos (NG)",
		"Tokyo (JP)", "Paris (FR)", "Sydney (AU)", "Zagreb (HR)"}
	ms := []*member{person("16781313", "Morgan Blake", "Mac", "Wired", "New York (US)", RoleSharer)}
	for i := range 41 {
		name, role := first[i%len(first)]+" "+last[i%len(last)], RoleRegular
		if i == 29 {
			name, role = "", RoleExternal
		}
		p := person(fmt.Sprint(16781314+i), name, devices[i%len(devices)],
			networks[i%len(networks)], cities[i%len(cities)], role)
		p.video = i%3 == 0
		if i%10 == 9 {
			p.joinK = 1 + i%3
		}
		ms = append(ms, p)
	}
	return ms
}

// hostile is a participant whose text fields try to take over the
// terminal: retitle the window (OSC 0), clear the screen (CSI 2J), write
// the clipboard (OSC 52), reverse the text (U+202E) and break UTF-8.
func hostile() *member {
	p := person(HostileParticipantID,
		"Mallory\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cm0gLXJmIH4K\x07\u202eexe.txt"+badUTF8Sentinel,
		"Windows", "Wired", "\x1b[31mNowhere\x1b[0m\r\u202e(RU)"+badUTF8Sentinel, RoleHostile)
	p.pcName = "\x1b[H\x1b[J\x1b]0;root@prod\x07"
	p.email = "mallory@example.invalid"
	return p
}

type deviceInfo struct{ os, osVersion, client, version, mic, speaker, camera string }

var devices = map[string]deviceInfo{
	"Mac": {"Mac", "14.5", "Zoom Workplace", "6.1.1.36333",
		"MacBook Pro Microphone", "MacBook Pro Speakers", "FaceTime HD Camera"},
	"Windows": {"Windows", "11", "Zoom Workplace", "6.1.0.35886",
		"Microphone (Jabra Evolve2 65)", "Speakers (Jabra Evolve2 65)", "Integrated Webcam"},
	"iOS":     {"iOS", "17.5", "Zoom Workplace", "6.1.0.19934", "iPhone Microphone", "iPhone Speaker", "Front Camera"},
	"Android": {"Android", "14", "Zoom Workplace", "6.1.0.21545", "Android Microphone", "Android Speaker", "Front Camera"},
	"Linux": {"Linux", "Ubuntu 24.04", "Zoom Workplace", "6.1.0.198",
		"Built-in Audio Analog Stereo", "Built-in Audio Analog Stereo", "HD Webcam C615"},
	"Web": {"Windows", "10", "Web client", "6.1.0",
		"Default - Microphone (Realtek Audio)", "Default - Speakers (Realtek Audio)", "HD Webcam"},
	"H.323/SIP": {},
}

// person fills in the fields a real client would report for its device.
func person(userID, name, device, network, location string, role Role) *member {
	d := devices[device]
	n := hashKey(userID)
	p := &member{userID: userID, name: name, role: role, device: device,
		client: d.client, os: d.os, osVersion: d.osVersion, version: d.version,
		mic: d.mic, speaker: d.speaker, camera: d.camera,
		network: network, location: location, dataCenter: dataCenter(location),
		ip:         fmt.Sprintf("203.0.113.%d", 2+n%250),
		internalIP: fmt.Sprintf("10.%d.%d.%d", n>>8%250, n>>16%250, 2+n>>24%250),
		domain:     "example.com", video: true, hd: n%2 == 0, leaveK: -1}
	if name != "" && role != RoleExternal {
		p.email = strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(name, " ", "."), "'", "")) + "@example.com"
		p.pcName = strings.ToUpper(strings.Fields(name)[0]) + "-" + strings.ToUpper(device)
		var b [16]byte
		binary.BigEndian.PutUint64(b[:], n)
		binary.BigEndian.PutUint64(b[8:], hashKey(name))
		p.id = base64.RawURLEncoding.EncodeToString(b[:])[:22]
	}
	if role == RoleExternal {
		p.domain = ""
	}
	switch device {
	case "H.323/SIP":
		p.path, p.pcName, p.domain, p.internalIP = viaCRC, "", "", ""
	case "Web":
		p.path = viaRWG
	}
	return p
}

func dataCenter(location string) string {
	switch {
	case strings.HasSuffix(location, "(US)"), strings.HasSuffix(location, "(CA)"):
		return "United States (SC Top)"
	case strings.HasSuffix(location, "(JP)"), strings.HasSuffix(location, "(KR)"),
		strings.HasSuffix(location, "(SG)"), strings.HasSuffix(location, "(AU)"),
		strings.HasSuffix(location, "(IN)"):
		return "Japan (TY)"
	case strings.HasSuffix(location, "(BR)"):
		return "Brazil (SP)"
	}
	return "Germany (FR)"
}
