package sim

import (
	"time"
)

// wireQoSParticipant is a participant as the two QoS endpoints send it.
// leave_time is always present, "" while they are still in the meeting:
// one of the two ways Zoom says "not yet" (the list endpoint omits it).
type wireQoSParticipant struct {
	ID                  string       `json:"id"`
	UserID              string       `json:"user_id"`
	UserName            string       `json:"user_name"`
	Email               string       `json:"email"`
	Device              string       `json:"device"`
	Client              string       `json:"client"`
	OS                  string       `json:"os"`
	OSVersion           string       `json:"os_version"`
	IPAddress           string       `json:"ip_address"`
	InternalIPAddresses []string     `json:"internal_ip_addresses,omitempty"`
	Location            string       `json:"location"`
	NetworkType         string       `json:"network_type"`
	DataCenter          string       `json:"data_center"`
	FullDataCenter      string       `json:"full_data_center"`
	ConnectionType      string       `json:"connection_type"`
	JoinTime            string       `json:"join_time"`
	LeaveTime           string       `json:"leave_time"`
	PCName              string       `json:"pc_name"`
	Domain              string       `json:"domain"`
	MACAddr             string       `json:"mac_addr"`
	HarddiskID          string       `json:"harddisk_id"`
	Version             string       `json:"version"`
	Microphone          string       `json:"microphone"`
	Speaker             string       `json:"speaker"`
	Camera              string       `json:"camera"`
	Health              string       `json:"health"`
	IssueList           []string     `json:"issue_list,omitempty"`
	UserQoS             []wireSample `json:"user_qos"`
}

// wireParticipant is a row of /participants, which carries no samples but
// Zoom's one-word quality verdicts.
type wireParticipant struct {
	ID                  string   `json:"id"`
	UserID              string   `json:"user_id"`
	UserName            string   `json:"user_name"`
	Device              string   `json:"device"`
	IPAddress           string   `json:"ip_address"`
	InternalIPAddresses []string `json:"internal_ip_addresses,omitempty"`
	Location            string   `json:"location"`
	NetworkType         string   `json:"network_type"`
	Microphone          string   `json:"microphone"`
	Speaker             string   `json:"speaker"`
	Camera              string   `json:"camera"`
	DataCenter          string   `json:"data_center"`
	FullDataCenter      string   `json:"full_data_center"`
	ConnectionType      string   `json:"connection_type"`
	JoinTime            string   `json:"join_time"`
	LeaveTime           string   `json:"leave_time,omitempty"`
	ShareApplication    bool     `json:"share_application"`
	ShareDesktop        bool     `json:"share_desktop"`
	ShareWhiteboard     bool     `json:"share_whiteboard"`
	Recording           bool     `json:"recording"`
	PCName              string   `json:"pc_name"`
	Domain              string   `json:"domain"`
	MACAddr             string   `json:"mac_addr"`
	HarddiskID          string   `json:"harddisk_id"`
	Version             string   `json:"version"`
	Email               string   `json:"email"`
	AudioQuality        string   `json:"audio_quality"`
	VideoQuality        string   `json:"video_quality"`
	ScreenShareQuality  string   `json:"screen_share_quality"`
	Status              string   `json:"status"`
	OS                  string   `json:"os"`
	OSVersion           string   `json:"os_version"`
	Health              string   `json:"health"`
	IssueList           []string `json:"issue_list,omitempty"`
}

// connection is how media travels; room systems come in over TCP.
func (p *member) connection() string {
	if p.path == viaCRC {
		return "TCP"
	}
	return "UDP"
}

func (p *member) internalIPs() []string {
	if p.internalIP == "" {
		return nil
	}
	return []string{p.internalIP}
}

// latest is p's newest sample at now and whether there is one.
func (s *Server) latest(m *meeting, p *member, now time.Time) (sampleVals, bool) {
	lo, hi := m.samples(p, now, 1)
	if hi < lo {
		return sampleVals{}, false
	}
	return s.values(m, p, hi), true
}

// health is the verdict on p's newest sample: the participant-level
// health and issue_list describe the call as it is now.
func (s *Server) health(m *meeting, p *member, now time.Time) (string, []string) {
	if p.replayed() {
		return p.health, p.issues // as Zoom last said, when it was recorded
	}
	v, ok := s.latest(m, p, now)
	if !ok {
		return "", nil
	}
	if issues := v.degraded(); len(issues) > 0 {
		return "Warning", issues
	}
	return "Good", nil
}

func (s *Server) qosParticipant(m *meeting, p *member, now time.Time) wireQoSParticipant {
	health, issues := s.health(m, p, now)
	w := wireQoSParticipant{
		ID: p.id, UserID: p.userID, UserName: p.name, Email: p.email,
		Device: p.device, Client: p.client, OS: p.os, OSVersion: p.osVersion,
		IPAddress: p.ip, InternalIPAddresses: p.internalIPs(), Location: p.location,
		NetworkType: p.network, DataCenter: p.dataCenter, FullDataCenter: p.dataCenter + ";",
		ConnectionType: p.connection(), JoinTime: stamp(m.joinTime(p)),
		LeaveTime: stamp(m.leaveTime(p, now)), PCName: p.pcName, Domain: p.domain,
		Version: p.version, Microphone: p.mic, Speaker: p.speaker, Camera: p.camera,
		Health: health, IssueList: issues, UserQoS: []wireSample{},
	}
	if !p.video {
		w.Camera = ""
	}
	last := s.opts.ServeLast
	lo, hi := m.samples(p, now, last)
	for k := lo; k <= hi; k++ {
		if p.replayed() {
			w.UserQoS = append(w.UserQoS, replayWire(p.recorded[k]))
			continue
		}
		w.UserQoS = append(w.UserQoS, s.wireSampleOf(m, p, s.values(m, p, k)))
	}
	return w
}

// quality is the Dashboard's one-word verdict on a stream.
func quality(sv *streamVals) string {
	switch {
	case sv == nil:
		return ""
	case sv.avgLoss > 5 || sv.latency > 300:
		return "bad"
	case sv.avgLoss > 2 || sv.latency > 150:
		return "poor"
	case sv.avgLoss > 1 || sv.latency > 100:
		return "fair"
	}
	return "good"
}

func (s *Server) listParticipant(m *meeting, p *member, now time.Time) wireParticipant {
	health, issues := s.health(m, p, now)
	w := wireParticipant{
		ID: p.id, UserID: p.userID, UserName: p.name, Device: p.device, IPAddress: p.ip,
		InternalIPAddresses: p.internalIPs(), Location: p.location, NetworkType: p.network,
		Microphone: p.mic, Speaker: p.speaker, Camera: p.camera, DataCenter: p.dataCenter,
		FullDataCenter: p.dataCenter + ";", ConnectionType: p.connection(),
		JoinTime: stamp(m.joinTime(p)), LeaveTime: stamp(m.leaveTime(p, now)),
		PCName: p.pcName, Domain: p.domain, Version: p.version, Email: p.email,
		Status: "in_meeting", // Zoom's enum has no "left"; leave_time says it
		OS:     p.os, OSVersion: p.osVersion, Health: health, IssueList: issues,
	}
	if !p.video {
		w.Camera = ""
	}
	if p.replayed() {
		w.AudioQuality, w.VideoQuality, w.ScreenShareQuality, w.ShareDesktop = m.replayQuality(p, now)
	} else if v, ok := s.latest(m, p, now); ok {
		w.AudioQuality = quality(v.audioSend)
		w.VideoQuality = quality(v.videoSend)
		w.ScreenShareQuality = quality(v.shareSend)
		w.ShareDesktop = v.shareSend != nil
	}
	return w
}
