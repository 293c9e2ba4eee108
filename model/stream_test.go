package model_test

import (
	"testing"

	"github.com/qostop/qostop/model"
)

func TestStreamKeyWireName(t *testing.T) {
	key := func(m model.Media, d model.Direction, p model.Path) model.StreamKey {
		return model.StreamKey{Media: m, Dir: d, Path: p}
	}
	cases := []struct {
		key   model.StreamKey
		wire  string
		label string
	}{
		{key(model.Audio, model.Send, model.Client), "audio_input", "audio send"},
		{key(model.Audio, model.Receive, model.Client), "audio_output", "audio receive"},
		{key(model.Video, model.Send, model.Client), "video_input", "video send"},
		{key(model.Video, model.Receive, model.Client), "video_output", "video receive"},
		{key(model.Share, model.Send, model.Client), "as_input", "screen share send"},
		{key(model.Share, model.Receive, model.Client), "as_output", "screen share receive"},
		{key(model.Audio, model.Send, model.CRC), "audio_device_from_crc", "audio send (room connector)"},
		{key(model.Audio, model.Receive, model.CRC), "audio_device_to_crc", "audio receive (room connector)"},
		{key(model.Video, model.Send, model.CRC), "video_device_from_crc", "video send (room connector)"},
		{key(model.Video, model.Receive, model.CRC), "video_device_to_crc", "video receive (room connector)"},
		{key(model.Share, model.Send, model.CRC), "as_device_from_crc", "screen share send (room connector)"},
		{key(model.Share, model.Receive, model.CRC), "as_device_to_crc", "screen share receive (room connector)"},
		{key(model.Audio, model.Send, model.RWG), "audio_device_from_rwg", "audio send (web gateway)"},
		{key(model.Audio, model.Receive, model.RWG), "audio_device_to_rwg", "audio receive (web gateway)"},
		{key(model.Video, model.Send, model.RWG), "video_device_from_rwg", "video send (web gateway)"},
		{key(model.Video, model.Receive, model.RWG), "video_device_to_rwg", "video receive (web gateway)"},
		{key(model.Share, model.Send, model.RWG), "as_device_from_rwg", "screen share send (web gateway)"},
		{key(model.Share, model.Receive, model.RWG), "as_device_to_rwg", "screen share receive (web gateway)"},
	}
	if len(model.StreamKeys) != len(cases) {
		t.Fatalf("StreamKeys has %d keys, want %d", len(model.StreamKeys), len(cases))
	}
	for i, tc := range cases {
		t.Run(tc.wire, func(t *testing.T) {
			if got := tc.key.WireName(); got != tc.wire {
				t.Errorf("WireName() = %q, want %q", got, tc.wire)
			}
			if got := tc.key.String(); got != tc.label {
				t.Errorf("String() = %q, want %q", got, tc.label)
			}
			// The table is in display order, which StreamKeys must keep.
			if model.StreamKeys[i] != tc.key {
				t.Errorf("StreamKeys[%d] = %v, want %v", i, model.StreamKeys[i], tc.key)
			}
			back, ok := model.StreamKeyByWireName(tc.wire)
			if !ok || back != tc.key {
				t.Errorf("StreamKeyByWireName(%q) = %v, %v, want %v, true", tc.wire, back, ok, tc.key)
			}
			if got, want := tc.key.HasVideoFields(), tc.key.Media != model.Audio; got != want {
				t.Errorf("HasVideoFields() = %v, want %v", got, want)
			}
		})
	}
}

func TestStreamKeyByWireNameUnknown(t *testing.T) {
	for _, name := range []string{"", "cpu_usage", "wifi_rssi", "AUDIO_INPUT", "audio_device_from_xyz", "screen_input"} {
		t.Run(name, func(t *testing.T) {
			if k, ok := model.StreamKeyByWireName(name); ok {
				t.Fatalf("StreamKeyByWireName(%q) = %v, true; want not found", name, k)
			}
		})
	}
}
