package fetch

import (
	"fmt"
	"testing"

	"github.com/qostop/qostop/model"
)

// Every stream Zoom names lands on its own key: the struct's tags follow
// model.StreamKeys.
func TestEveryWireStreamLandsOnItsKey(t *testing.T) {
	for _, k := range model.StreamKeys {
		var it sampleItem
		body := fmt.Sprintf(`{"date_time":"2026-12-01T10:00:00Z",%q:{"latency":"7 ms"}}`, k.WireName())
		if err := it.UnmarshalJSON([]byte(body)); err != nil || !it.ok {
			t.Fatalf("%s: err %v ok %v", k.WireName(), err, it.ok)
		}
		if len(it.s.Streams) != 1 || it.s.Streams[k].LatencyMS != model.Some(7) {
			t.Errorf("%s: streams %v, want only %v with latency 7", k.WireName(), it.s.Streams, k)
		}
	}
}

// A value of the wrong JSON type loses only itself: the sample keeps its
// other streams, and each bad object is counted once.
func TestAWrongTypedObjectLosesOnlyItself(t *testing.T) {
	var it sampleItem
	body := `{"date_time":"2026-12-01T10:00:00Z","audio_input":"n/a","video_input":[1],"cpu_usage":5,
		"wifi_rssi":null,"audio_output":{"latency":"9 ms","jitter":3},"as_input":{}}`
	if err := it.UnmarshalJSON([]byte(body)); err != nil || !it.ok {
		t.Fatalf("err %v ok %v", err, it.ok)
	}
	out := model.StreamKey{Media: model.Audio, Dir: model.Receive}
	if len(it.s.Streams) != 1 || it.s.Streams[out].LatencyMS != model.Some(9) || it.s.Streams[out].JitterMS.OK {
		t.Errorf("streams %+v: want audio receive alone, latency 9, jitter missing", it.s.Streams)
	}
	if it.unparsed != 4 { // audio_input, video_input, cpu_usage, and the jitter sent as a number
		t.Errorf("unparsed %d, want 4", it.unparsed)
	}
	for _, item := range []string{`5`, `"x"`, `[]`, `null`, `{"audio_input":{}}`} {
		var it sampleItem
		if it.UnmarshalJSON([]byte(item)); it.ok || it.unparsed != 1 {
			t.Errorf("item %s: ok %v, unparsed %d; want no sample, counted once", item, it.ok, it.unparsed)
		}
	}
}
