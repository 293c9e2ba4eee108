package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
)

// zoomLike is a Zoom-compatible server that is not the project's simulator:
// its own credentials, and the payloads (Zoom's documentation examples and
// hand-written quirky ones) served verbatim from fetch/testdata.
type zoomLike struct {
	*httptest.Server
	tokens, api atomic.Int64
}

func newZoomLike(t *testing.T) *zoomLike {
	t.Helper()
	z := &zoomLike{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		z.tokens.Add(1)
		id, secret, ok := r.BasicAuth()
		if !ok || id != "other-client" || secret != "other-secret" ||
			r.FormValue("grant_type") != "account_credentials" || r.FormValue("account_id") != "other-account" {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"access_token":"tok-123","token_type":"bearer","expires_in":3600}`))
	})
	serve := func(file string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			z.api.Add(1)
			if r.Header.Get("Authorization") != "Bearer tok-123" {
				w.WriteHeader(http.StatusUnauthorized)
				w.Write([]byte(`{"code":124,"message":"Invalid access token."}`))
				return
			}
			b, err := os.ReadFile("fetch/testdata/" + file)
			if err != nil {
				t.Errorf("fixture: %v", err)
			}
			w.Write(b)
		}
	}
	mux.HandleFunc("GET /v2/metrics/meetings/555000555/participants/16777001/qos", serve("participant-qos.json"))
	mux.HandleFunc("GET /v2/metrics/meetings/555000555/participants/16777002/qos", serve("quirky-participant.json"))
	mux.HandleFunc("GET /v2/metrics/meetings/555000555/participants/16777003/qos", serve("participant-2018.json"))
	mux.HandleFunc("GET /v2/metrics/meetings/555000555/participants/qos", serve("list-participants-qos.json"))
	z.Server = httptest.NewServer(mux)
	t.Cleanup(z.Close)
	t.Setenv("ZOOM_API_URL", z.URL+"/v2")
	t.Setenv("ZOOM_OAUTH_URL", z.URL+"/token")
	t.Setenv("ZOOM_ACCOUNT_ID", "other-account")
	t.Setenv("ZOOM_CLIENT_ID", "other-client")
	t.Setenv("ZOOM_CLIENT_SECRET", "other-secret")
	return z
}

// snapshotJSON runs `qostop snapshot args... --format json` (the flag
// after the IDs, as people type it) and decodes what it printed.
func snapshotJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(t.Context(), append(append([]string{"snapshot"}, args...), "--format", "json"), &out, &errb); err != nil {
		t.Fatalf("snapshot %v: %v\n%s", args, err, errb.String())
	}
	var v map[string]any
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	return v
}

// at walks a decoded JSON value by object keys and array indexes.
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, k)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no element %d", path, k)
			}
			v = a[k]
		}
	}
	return v
}

func TestSnapshotReproducesZoomsDocumentationPayload(t *testing.T) {
	newZoomLike(t)
	v := snapshotJSON(t, "555000555", "16777001")
	p := at(t, v, "participant")
	for k, want := range map[string]any{"user_name": "jchill", "user_id": "20161536", "health": "Warning",
		"device": "Phone", "data_center": "United States (SC Top)", "version": "5.9.1.2581"} {
		if got := at(t, p, k); got != want {
			t.Errorf("participant.%s = %v, want %v", k, got, want)
		}
	}
	if got := at(t, p, "issue_list"); !reflect.DeepEqual(got, []any{"audio"}) {
		t.Errorf("issue_list = %v", got)
	}
	s := at(t, v, "samples", 0)
	if got := at(t, s, "time"); got != "2022-03-01T10:16:00Z" {
		t.Errorf("time = %v, want the .NET form normalised to RFC 3339 UTC", got)
	}
	wantAudio := map[string]any{"bitrate_kbps": 27.15, "latency_ms": 126.0, "jitter_ms": 0.0, "avg_loss_pct": 0.03, "max_loss_pct": 0.4}
	for _, key := range []string{"audio_input", "audio_output", "audio_device_from_crc", "audio_device_to_rwg"} {
		if got := at(t, s, "streams", key); !reflect.DeepEqual(got, wantAudio) {
			t.Errorf("%s = %v, want %v", key, got, wantAudio)
		}
	}
	video := at(t, s, "streams", "video_input").(map[string]any)
	for k, want := range map[string]float64{"frame_rate_fps": 12, "width": 1280, "height": 720, "max_loss_pct": 0.4} {
		if video[k] != want {
			t.Errorf("video_input.%s = %v, want %v", k, video[k], want)
		}
	}
	if got := at(t, s, "streams", "video_device_from_crc", "max_loss_pct"); got != 0.03 {
		t.Errorf("video_device_from_crc max loss = %v, want 0.03", got)
	}
	if n := len(at(t, s, "streams").(map[string]any)); n != 18 {
		t.Errorf("%d streams, want all 18 of the example", n)
	}
	wantCPU := map[string]any{"zoom_min_pct": 0.0, "zoom_avg_pct": 0.0, "zoom_max_pct": 2.0, "system_max_pct": 11.0}
	if got := at(t, s, "cpu"); !reflect.DeepEqual(got, wantCPU) {
		t.Errorf("cpu = %v, want %v (0%% is a real zero)", got, wantCPU)
	}
	wantWiFi := map[string]any{"min_rssi_dbm": -35.0, "avg_rssi_dbm": -69.0, "max_rssi_dbm": -75.0}
	if got := at(t, s, "wifi"); !reflect.DeepEqual(got, wantWiFi) {
		t.Errorf("wifi = %v, want %v", got, wantWiFi)
	}
}

func TestSnapshotKeepsMissingValuesMissing(t *testing.T) {
	newZoomLike(t)
	v := snapshotJSON(t, "--type", "live", "555000555", "16777002")
	if got := at(t, v, "participant", "user_name"); got != "Mallory evil" {
		t.Errorf("user_name = %q, want the escape sequences and bidi override gone", got)
	}
	samples := at(t, v, "samples").([]any)
	var times []string
	for _, s := range samples {
		times = append(times, at(t, s, "time").(string))
	}
	if want := []string{"2021-06-24T20:00:00Z", "2021-06-24T20:01:00Z", "2021-06-24T20:02:00Z"}; !reflect.DeepEqual(times[len(times)-3:], want) {
		t.Errorf("times = %v, want the last three oldest first %v", times, want)
	}
	if got := at(t, samples[len(samples)-3], "streams", "audio_input", "bitrate_kbps"); got != 1200.0 {
		t.Errorf("1.2 Mbps = %v kbps, want 1200", got)
	}
	newest := samples[len(samples)-1]
	// "27.15kbps" without a space, "0ms" a real zero, "" and wrong types missing.
	if got, want := at(t, newest, "streams", "audio_input"), map[string]any{"bitrate_kbps": 27.15, "latency_ms": 0.0}; !reflect.DeepEqual(got, want) {
		t.Errorf("audio_input = %v, want %v and nothing else", got, want)
	}
	streams := at(t, newest, "streams").(map[string]any)
	if _, ok := streams["video_input"]; ok {
		t.Errorf("video_input with every value empty and 0*0 is shown: %v", streams["video_input"])
	}
	if got, want := streams["as_output"], map[string]any{"bitrate_kbps": 70.0}; !reflect.DeepEqual(got, want) {
		t.Errorf("as_output = %v, want %v (0*0 and \"\" fps missing)", got, want)
	}
	if got, want := at(t, newest, "cpu"), map[string]any{"zoom_min_pct": 1.0, "system_max_pct": 40.0}; !reflect.DeepEqual(got, want) {
		t.Errorf("cpu = %v, want %v", got, want)
	}
}

func TestSnapshot2018ObjectSchema(t *testing.T) {
	newZoomLike(t)
	v := snapshotJSON(t, "555000555", "16777003")
	if got := at(t, v, "samples", 0, "streams", "video_input", "max_loss_pct"); got != 4.9 {
		t.Errorf("video_input max loss = %v, want 4.9 from the single-object user_qos", got)
	}
}

func TestSnapshotWholeMeeting(t *testing.T) {
	z := newZoomLike(t)
	v := snapshotJSON(t, "555000555")
	if got := at(t, v, "meeting_id"); got != "555000555" {
		t.Errorf("meeting_id = %v", got)
	}
	share := at(t, v, "participants", 0, "samples", 0, "streams", "as_input")
	if want := map[string]any{"bitrate_kbps": 70.0, "latency_ms": 135.0, "jitter_ms": 8.0, "avg_loss_pct": 0.0, "max_loss_pct": 0.0}; !reflect.DeepEqual(share, want) {
		t.Errorf("as_input = %v, want %v (resolution 0*0 and frame rate \"\" left out)", share, want)
	}
	if z.tokens.Load() != 1 || z.api.Load() != 1 {
		t.Errorf("%d token and %d API requests, want 1 and 1", z.tokens.Load(), z.api.Load())
	}
}

func TestSnapshotSaysWhatFailed(t *testing.T) {
	newZoomLike(t)
	t.Setenv("ZOOM_CLIENT_SECRET", "wrong-secret")
	var out, errb bytes.Buffer
	err := run(t.Context(), []string{"snapshot", "555000555", "16777001"}, &out, &errb)
	if err == nil {
		t.Fatal("snapshot with a wrong secret succeeded")
	}
	msg := err.Error()
	if !strings.Contains(msg, "ZOOM_CLIENT_SECRET") || strings.Contains(msg, "wrong-secret") {
		t.Errorf("error should name the variable and never the secret: %s", msg)
	}
	if out.Len() != 0 {
		t.Errorf("printed output on failure: %s", out.String())
	}
}

// A meeting larger than the client's cap is printed all the same, the
// first 1000 participants, with the cut said on stderr: nothing fetched
// is lost to an error.
func TestSnapshotOfATruncatedMeetingPrintsWhatCame(t *testing.T) {
	pages := 0
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"access_token":"tok","token_type":"bearer","expires_in":3600}`))
	})
	mux.HandleFunc("GET /v2/metrics/meetings/777000777/participants/qos", func(w http.ResponseWriter, r *http.Request) {
		pages++ // a meeting without end: every page has a next one
		var ps []string
		for i := range 10 {
			ps = append(ps, fmt.Sprintf(`{"user_id":"u%d-%d","user_name":"p","user_qos":[]}`, pages, i))
		}
		fmt.Fprintf(w, `{"next_page_token":"p%d","page_size":10,"participants":[%s]}`, pages, strings.Join(ps, ","))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Setenv("ZOOM_API_URL", srv.URL+"/v2")
	t.Setenv("ZOOM_OAUTH_URL", srv.URL+"/token")
	t.Setenv("ZOOM_ACCOUNT_ID", "a")
	t.Setenv("ZOOM_CLIENT_ID", "b")
	t.Setenv("ZOOM_CLIENT_SECRET", "c")
	code, out, errs := runCLI(t, "snapshot", "777000777", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	if !strings.Contains(errs, "notice:") || !strings.Contains(errs, "more than 1000 participants; qostop shows the first 1000") {
		t.Errorf("stderr does not say the meeting was cut: %q", errs)
	}
	var v struct {
		Participants []json.RawMessage `json:"participants"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Participants) != 1000 {
		t.Errorf("printed %d participants (%v), want the first 1000", len(v.Participants), err)
	}
}
