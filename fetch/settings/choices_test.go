package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// Choices are kept per profile in the state directory and come back on
// the next run; the theme kept wins over the file's, not over --theme.
func TestRememberedChoicesPerProfile(t *testing.T) {
	state := t.TempDir()
	var warn strings.Builder
	r, fs := resolve(t, nil, nil, "client-b") // the file says theme = "light"
	ch, save := r.Remembered(fs, state, themes, &warn)
	if ch != (model.Choices{}) || warn.Len() > 0 {
		t.Fatalf("first run: %+v, warned %q; want nothing and no warning", ch, warn.String())
	}
	kept := model.Choices{Theme: "high-contrast", Window: time.Hour, Sort: model.Sort{Column: model.SortName, Reverse: true}}
	if err := save(kept); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(state, "choices-client-b.json")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("choices file: %v, %v; want choices-client-b.json, 0600", st, err)
	}

	r, fs = resolve(t, nil, nil, "client-b")
	if ch, _ = r.Remembered(fs, state, themes, &warn); ch != kept || fs.Lookup("theme").Value.String() != "high-contrast" ||
		!strings.HasPrefix(r.origins["theme"], "remembered (") {
		t.Errorf("next run: %+v, theme %s from %q; want what was kept", ch, fs.Lookup("theme").Value, r.origins["theme"])
	}
	if fs.Lookup("window").Value.String() != "1h0m0s" || !strings.HasPrefix(r.origins["window"], "remembered (") {
		t.Errorf("next run: window %s from %q; want the remembered 1h", fs.Lookup("window").Value, r.origins["window"])
	}
	r, fs = resolve(t, []string{"--window", "15m"}, nil, "client-b")
	if r.Remembered(fs, state, themes, &warn); fs.Lookup("window").Value.String() != "15m0s" {
		t.Errorf("--window 15m lost to the remembered window")
	}
	r, fs = resolve(t, []string{"--theme", "dark"}, nil, "client-b")
	if r.Remembered(fs, state, themes, &warn); fs.Lookup("theme").Value.String() != "dark" {
		t.Errorf("--theme dark lost to the remembered theme")
	}
	r, fs = resolve(t, nil, nil, "work") // another profile keeps its own
	if ch, _ = r.Remembered(fs, state, themes, &warn); ch != (model.Choices{}) {
		t.Errorf("profile work got client-b's choices: %+v", ch)
	}
}

// A choices file that is not qostop's (a FIFO, garbage, a window qostop
// does not offer) is said once and the screens start from the defaults;
// the next choice replaces it.
func TestRememberedChoicesUnusableFile(t *testing.T) {
	for name, body := range map[string]string{"garbage": `{"theme":`, "odd window": `{"window":7000000000,"theme":"pink"}`} {
		t.Run(name, func(t *testing.T) {
			state := t.TempDir()
			if err := os.WriteFile(filepath.Join(state, "choices-work.json"), []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			var warn strings.Builder
			r, fs := resolve(t, nil, nil, "work")
			ch, save := r.Remembered(fs, state, themes, &warn)
			if ch != (model.Choices{}) || fs.Lookup("theme").Value.String() != "dark" {
				t.Errorf("%+v, theme %s: want the defaults and the profile's theme", ch, fs.Lookup("theme").Value)
			}
			if name == "garbage" && !strings.Contains(warn.String(), "holds no choices qostop can read") {
				t.Errorf("warned %q", warn.String())
			}
			if err := save(model.Choices{Theme: "light"}); err != nil {
				t.Errorf("the next choice was not kept: %v", err)
			}
		})
	}
}
