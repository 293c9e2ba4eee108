package qss

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// group is the qos items of one event that share a time: the Dashboard
// sample they make (type -> details) and Zoom's scores.
type group struct {
	fields map[string]json.RawMessage
	scores model.Scores
}

// groups are an event's items by time as written (the item's date_time,
// or event_ts when it has none).
type groups struct {
	byTime   map[string]*group
	unparsed int
}

// add files one qos item under its time, noting on e which form of time
// and score it used. An item without a type or a time is counted and
// dropped, as the Dashboard's sample without a date_time is.
func (g *groups) add(e *Event, raw json.RawMessage) {
	var it wireItem
	if json.Unmarshal(raw, &it) != nil || it.Type.s == "" || it.Type.s == "date_time" {
		g.unparsed++
		return
	}
	key, ok := e.itemTime(it)
	if !ok {
		g.unparsed++
		return
	}
	gr := g.byTime[key]
	if gr == nil {
		if len(g.byTime) >= maxTimes {
			g.unparsed++
			return
		}
		gr = &group{fields: map[string]json.RawMessage{}}
		g.byTime[key] = gr
	}
	if sc := scoreOf(it.Type.s, &gr.scores); sc != nil {
		g.unparsed += readScore(e, it.Details, sc)
		return
	}
	gr.fields[it.Type.s] = it.Details
}

// itemTime is when an item was measured: its own date_time when it has
// one, else the event's event_ts to the second (the Dashboard's times are
// whole seconds).
func (e *Event) itemTime(it wireItem) (string, bool) {
	if t := strings.TrimSpace(it.DateTime.s); t != "" {
		e.Shape.ItemTimes++
		return t, true
	}
	if e.At.IsZero() {
		return "", false
	}
	e.Shape.EventTimes++
	return e.At.Truncate(time.Second).Format(time.RFC3339), true
}

// order is the groups' times as written, sorted; the samples are put in
// time order again once read.
func (g *groups) order() []string {
	keys := make([]string, 0, len(g.byTime))
	for k := range g.byTime {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// sample is the group as one user_qos item of the Dashboard's answer.
func (gr *group) sample(at string) map[string]json.RawMessage {
	m := make(map[string]json.RawMessage, len(gr.fields)+1)
	for k, v := range gr.fields {
		m[k] = v
	}
	t, _ := json.Marshal(at)
	m["date_time"] = t
	return m
}

// scoreOf is where a quality item's score goes, nil for other types.
func scoreOf(typ string, s *model.Scores) *model.Score {
	switch typ {
	case "audio_quality":
		return &s.Audio
	case "video_quality":
		return &s.Video
	case "as_quality":
		return &s.Share
	}
	return nil
}

// wireScore is a quality item's details: {quality, quality_score} flat,
// or (the other reading of Zoom's changelog) a quality object holding
// both.
type wireScore struct {
	Quality json.RawMessage `json:"quality"`
	Score   json.RawMessage `json:"quality_score"`
}

// maxLabel bounds Zoom's word for a quality ("good", "poor").
const maxLabel = 32

// readScore reads details into sc and returns how many of its values
// were present but not understood.
func readScore(e *Event, details json.RawMessage, sc *model.Score) (unparsed int) {
	var w wireScore
	if json.Unmarshal(details, &w) != nil {
		return 1
	}
	nested := false
	if q := strings.TrimSpace(string(w.Quality)); strings.HasPrefix(q, "{") {
		var in wireScore
		if json.Unmarshal(w.Quality, &in) != nil {
			return 1
		}
		w, nested = in, true
	}
	var label str
	_ = label.UnmarshalJSON(w.Quality)
	sc.Label = model.Clean(label.s)
	if len(sc.Label) > maxLabel {
		sc.Label = "" // a "word" this long is not Zoom's
		unparsed++
	}
	v, ok := scoreValue(w.Score)
	if !ok {
		unparsed++
	}
	sc.Value = v
	if !sc.Empty() {
		if nested {
			e.Shape.ScoresNested++
		} else {
			e.Shape.ScoresFlat++
		}
	}
	return unparsed
}

// scoreValue reads quality_score, a number or a string holding one;
// ok is false for one present but not a finite number.
func scoreValue(raw json.RawMessage) (model.Value, bool) {
	var s str
	_ = s.UnmarshalJSON(raw)
	t := strings.TrimSpace(s.s)
	if t == "" {
		r := strings.TrimSpace(string(raw))
		return model.None, r == "" || r == "null" || r == `""`
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return model.None, false
	}
	return model.Some(f), true
}
