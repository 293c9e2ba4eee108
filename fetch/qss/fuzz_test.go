package qss

import (
	"testing"
	"unicode/utf8"
)

// FuzzParseEvent: no frame or event may panic the decoders, and what
// decodes holds what the screens rely on: text valid UTF-8 and capped,
// samples in time order and timed, every one tagged push.
func FuzzParseEvent(f *testing.F) {
	f.Add([]byte(itemTimes))
	f.Add([]byte(eventTimes))
	f.Add([]byte(`{"module":"message","content":"{\"event\":1}"}`))
	f.Add([]byte(`{"payload":{"object":{"participant":{"qos":[{"type":"as_quality","details":{"quality_score":"NaN"}}]}}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if fr, err := ParseFrame(b); err == nil && fr.Module != ModuleMessage && !utf8.Valid(fr.Content) {
			t.Errorf("frame content not UTF-8: %q", fr.Content)
		}
		e, err := ParseEvent(b)
		if err != nil {
			return
		}
		for _, s := range []string{e.Name, e.AccountID, e.MeetingID, e.MeetingUUID, e.Topic} {
			if !utf8.ValidString(s) || len(s) > maxText+len("…") {
				t.Errorf("text %q", s)
			}
		}
		ss := e.Participant.Samples
		for i, s := range ss {
			if s.Time.IsZero() || s.Via.String() != "push" || (i > 0 && s.Time.Before(ss[i-1].Time)) {
				t.Errorf("sample %d: %+v", i, s)
			}
			if len(s.Scores.Audio.Label) > maxLabel || !utf8.ValidString(s.Scores.Audio.Label) {
				t.Errorf("label %q", s.Scores.Audio.Label)
			}
		}
	})
}
