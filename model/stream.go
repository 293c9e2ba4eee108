package model

// Media is what a stream carries.
type Media int

// The three media Zoom reports on.
const (
	Audio Media = iota
	Video
	Share
)

// Medias lists every medium in display order.
var Medias = []Media{Audio, Video, Share}

func (m Media) String() string {
	switch m {
	case Audio:
		return "audio"
	case Video:
		return "video"
	case Share:
		return "screen share"
	}
	return "unknown"
}

// wirePrefix is Zoom's key prefix for the medium.
func (m Media) wirePrefix() string {
	switch m {
	case Video:
		return "video"
	case Share:
		return "as"
	}
	return "audio"
}

// Direction is seen from the participant's client: Send is what it
// uploads (Zoom's *_input, *_device_from_*), Receive what it downloads
// (*_output, *_device_to_*).
type Direction int

// The two directions.
const (
	Send Direction = iota
	Receive
)

func (d Direction) String() string {
	if d == Receive {
		return "receive"
	}
	return "send"
}

// Path is the route a stream takes into Zoom.
type Path int

// Client is the Zoom client itself; CRC a Cloud Room Connector (H.323/SIP
// room system); RWG the web-client gateway.
const (
	Client Path = iota
	CRC
	RWG
)

// Paths lists every path in display order.
var Paths = []Path{Client, CRC, RWG}

func (p Path) String() string {
	switch p {
	case CRC:
		return "room connector"
	case RWG:
		return "web gateway"
	}
	return "client"
}

// StreamKey names one stream: a medium, a direction and a path.
type StreamKey struct {
	Media Media
	Dir   Direction
	Path  Path
}

// WireName is Zoom's JSON key for the stream, e.g. "audio_input",
// "as_output", "video_device_from_crc".
func (k StreamKey) WireName() string {
	p := k.Media.wirePrefix()
	switch k.Path {
	case CRC, RWG:
		suffix := "crc"
		if k.Path == RWG {
			suffix = "rwg"
		}
		if k.Dir == Send {
			return p + "_device_from_" + suffix
		}
		return p + "_device_to_" + suffix
	}
	if k.Dir == Send {
		return p + "_input"
	}
	return p + "_output"
}

func (k StreamKey) String() string {
	s := k.Media.String() + " " + k.Dir.String()
	if k.Path != Client {
		s += " (" + k.Path.String() + ")"
	}
	return s
}

// HasVideoFields reports whether the stream carries frame rate and
// resolution (video and screen share do; audio does not).
func (k StreamKey) HasVideoFields() bool { return k.Media != Audio }

// StreamKeys lists every stream Zoom reports, in display order: by path,
// then medium, then send before receive.
var StreamKeys = func() []StreamKey {
	var keys []StreamKey
	for _, p := range Paths {
		for _, m := range Medias {
			for _, d := range []Direction{Send, Receive} {
				keys = append(keys, StreamKey{Media: m, Dir: d, Path: p})
			}
		}
	}
	return keys
}()

// order is k's place in StreamKeys, computed rather than looked up.
func (k StreamKey) order() int {
	return (int(k.Path)*len(Medias)+int(k.Media))*2 + int(k.Dir)
}

// StreamKeyByWireName finds the key for one of Zoom's stream names.
func StreamKeyByWireName(name string) (StreamKey, bool) {
	for _, k := range StreamKeys {
		if k.WireName() == name {
			return k, true
		}
	}
	return StreamKey{}, false
}
