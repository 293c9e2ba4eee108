package model

// Redacted stands in for a text that redaction hid. A field Zoom left
// empty stays empty: there was nothing to hide, and "" keeps saying
// "Zoom did not say".
const Redacted = "[redacted]"

// Redact returns p without what names a person or their machine: user
// name, email, IP address, MAC address, PC name and location. It is for
// sharing a terminal or a snapshot during a call (--redact, key R).
// Identifiers that only Zoom can resolve (user ID, participant ID) stay,
// so the screen still says which participant it shows, and so do the
// device, network and data center, which QoS trouble is read from.
func Redact(p Participant) Participant {
	for _, f := range []*string{&p.UserName, &p.Email, &p.IPAddress, &p.MACAddr, &p.PCName, &p.Location} {
		*f = redact(*f)
	}
	return p
}

// RedactMeeting returns m without its host's name and email.
func RedactMeeting(m Meeting) Meeting {
	m.Host, m.Email = redact(m.Host), redact(m.Email)
	return m
}

func redact(s string) string {
	if s == "" {
		return ""
	}
	return Redacted
}
