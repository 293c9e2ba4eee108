package fetch

import (
	"bufio"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

var sampleBase = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// writeSamples writes n samples, one a minute from sampleBase, each with
// its minute number as the audio latency so a test can tell which were
// kept. order permutes the indexes.
func writeSamples(w *bufio.Writer, n int, order func(int) int) {
	for i := range n {
		if i > 0 {
			w.WriteByte(',')
		}
		j := order(i)
		fmt.Fprintf(w, `{"date_time":"%s","audio_input":{"latency":"%d ms"}}`,
			sampleBase.Add(time.Duration(j)*time.Minute).Format(time.RFC3339), j)
	}
}

// A participant answer with more samples than a history holds keeps the
// newest DefaultHistoryCap, oldest first, whatever order they came in,
// so what one answer costs in memory is bounded by the answer, not by
// its samples (whole-process peaks are measured with a real binary, not
// asserted here).
func TestSamplesBeyondHistoryDroppedWhileDecoding(t *testing.T) {
	const n = 50_000
	for name, order := range map[string]func(int) int{
		"oldest first": func(i int) int { return i },
		"newest first": func(i int) int { return n - 1 - i },
		"shuffled":     func(i int) int { return (i * 7919) % n }, // 7919 is prime to n: a permutation
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				bw := bufio.NewWriter(w)
				bw.WriteString(`{"user_id":"7","user_qos":[`)
				writeSamples(bw, n, order)
				bw.WriteString(`]}`)
				bw.Flush()
			})
			c := f.client()
			p, err := c.ParticipantQoS(bg, "1", "7", model.Live)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Samples) != model.DefaultHistoryCap {
				t.Fatalf("%d samples kept, want %d", len(p.Samples), model.DefaultHistoryCap)
			}
			for i, s := range p.Samples {
				j := n - model.DefaultHistoryCap + i
				st, _ := s.Stream(model.StreamKey{Media: model.Audio, Dir: model.Send})
				if !s.Time.Equal(sampleBase.Add(time.Duration(j)*time.Minute)) || st.LatencyMS.V != float64(j) {
					t.Fatalf("sample %d is minute %v (latency %v), want minute %d", i, s.Time, st.LatencyMS, j)
				}
			}
		})
	}
}

// The 2018 schema's single-object user_qos and repeated times still
// decode after the streaming rewrite; a participant page's samples are
// bounded the same way.
func TestPageSamplesBounded(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		bw := bufio.NewWriter(w)
		bw.WriteString(`{"next_page_token":"","participants":[{"user_id":"1","user_qos":[`)
		writeSamples(bw, 3000, func(i int) int { return i })
		bw.WriteString(`]},7,null,[1,[2]],{"user_id":"2","user_qos":{"date_time":"2021-06-24T20:00:00Z","audio_input":{"latency":"5 ms"}}}]}`)
		bw.Flush()
	})
	ps, err := f.client().MeetingQoS(bg, "1", model.Live)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || len(ps[0].Samples) != model.DefaultHistoryCap || len(ps[1].Samples) != 1 {
		var lens []string
		for _, p := range ps {
			lens = append(lens, fmt.Sprint(p.UserID, ":", len(p.Samples)))
		}
		t.Fatalf("participants:samples %s, want 1:%d 2:1", strings.Join(lens, " "), model.DefaultHistoryCap)
	}
}
