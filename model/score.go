package model

// Zoom's QoS push (QSS) adds its own verdict on each kind of media to a
// sample: audio_quality, video_quality and as_quality items, each a
// one-word quality and a quality_score. The REST API has no such field,
// so a polled sample holds none; a missing score is absent, never 0.

// Score is Zoom's verdict on one kind of media in one sample: Label is
// its word for it ("good", "poor", cleaned), Value its score as sent
// (Zoom documents no scale, so none is assumed).
type Score struct {
	Label string
	Value Value
}

// Empty reports whether Zoom said nothing.
func (s Score) Empty() bool { return s.Label == "" && !s.Value.OK }

// Scores are Zoom's verdicts on a sample's audio, video and screen share.
type Scores struct {
	Audio, Video, Share Score
}

// Empty reports whether the sample carries no score at all.
func (s Scores) Empty() bool { return s.Audio.Empty() && s.Video.Empty() && s.Share.Empty() }

// Origin is how a sample reached qostop.
type Origin uint8

// A sample is polled from the Dashboard API unless Zoom pushed it.
const (
	ViaPoll Origin = iota
	ViaPush
)

// String is the word the screens use.
func (o Origin) String() string {
	if o == ViaPush {
		return "push"
	}
	return "poll"
}
