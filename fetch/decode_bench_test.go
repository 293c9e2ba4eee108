package fetch

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"
)

// One page of /participants/qos as a 300-person refresh gets 30 of: ten
// participants an hour into the call, 60 samples each of the example's
// six streams and CPU.
//
//	go test ./fetch -run '^$' -bench DecodeQoSPage -benchmem
func BenchmarkDecodeQoSPage(b *testing.B) {
	body := qosPage(b, 10, 60)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		ps, _, err := decodeParticipantPage(body, 0)
		if err != nil || len(ps) != 10 || len(ps[9].Samples) != 60 {
			b.Fatalf("%d participants, err %v", len(ps), err)
		}
	}
}

func qosPage(b *testing.B, people, samples int) []byte {
	raw, err := os.ReadFile("testdata/list-participants-qos.json")
	if err != nil {
		b.Fatal(err)
	}
	var page map[string]any
	if err := json.Unmarshal(raw, &page); err != nil {
		b.Fatal(err)
	}
	one := page["participants"].([]any)[0].(map[string]any)
	sample := one["user_qos"].([]any)[0].(map[string]any)
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	var ps []any
	for i := range people {
		p := map[string]any{}
		for k, v := range one {
			p[k] = v
		}
		p["user_id"], p["user_name"] = fmt.Sprint(16778241+i), fmt.Sprintf("Person %03d", i)
		var qos []any
		for m := range samples {
			s := map[string]any{}
			for k, v := range sample {
				s[k] = v
			}
			s["date_time"] = t0.Add(time.Duration(m) * time.Minute).Format(time.RFC3339)
			qos = append(qos, s)
		}
		p["user_qos"] = qos
		ps = append(ps, p)
	}
	page["participants"], page["next_page_token"] = ps, ""
	out, err := json.Marshal(page)
	if err != nil {
		b.Fatal(err)
	}
	return out
}
