package settings

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// check finds what decodes but is wrong, naming the file, line and key of
// each mistake.
func (f *File) check(themes []string, mode fs.FileMode) error {
	d := f.doc
	errs := f.checkValues(nil, d.values, themes)
	if d.DefaultProfile != "" {
		if _, ok := d.Profiles[d.DefaultProfile]; !ok {
			errs = append(errs, f.unknownProfile(d.DefaultProfile, "default_profile"))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(d.Profiles)) {
		p := d.Profiles[name]
		path := []string{"profiles", name}
		errs = append(errs, f.checkValues(path, p.values, themes)...)
		errs = append(errs, f.checkSecret(path, p, mode)...)
		if p.Accent != "" && !accentRE.MatchString(p.Accent) {
			errs = append(errs, fmt.Errorf("%s: %q: want a colour as #rrggbb, #rgb or an ANSI number 0 to 255",
				f.at(append(path, "accent")...), p.Accent))
		}
	}
	return errors.Join(errs...)
}

// accentRE is a colour Lip Gloss reads: hex, or an ANSI 256 index.
var accentRE = regexp.MustCompile(`^(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|[0-9]{1,2}|1[0-9]{2}|2[0-4][0-9]|25[0-5])$`)

func (f *File) unknownProfile(name string, key ...string) error {
	known := slices.Sorted(maps.Keys(f.doc.Profiles))
	msg := fmt.Sprintf("no profile %q", name)
	if s := closest(name, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else if len(known) > 0 {
		msg += " (profiles: " + strings.Join(known, ", ") + ")"
	} else {
		msg += ": the file has no [profiles.NAME] table"
	}
	if len(key) == 0 {
		return fmt.Errorf("%s: %s", f.Path, msg)
	}
	return fmt.Errorf("%s: %s", f.at(key...), msg)
}

// checkValues checks one level of defaults (the top, or a profile's).
func (f *File) checkValues(path []string, v values, themes []string) []error {
	key := func(k ...string) string { return f.at(append(slices.Clone(path), k...)...) }
	var errs []error
	if v.Theme != nil && !slices.Contains(themes, *v.Theme) {
		msg := fmt.Sprintf("%s: unknown theme %q: choose one of %s", key("theme"), *v.Theme, strings.Join(themes, ", "))
		if s := closest(*v.Theme, themes); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		errs = append(errs, errors.New(msg))
	}
	for _, d := range []struct {
		name string
		v    *string
	}{{"interval", v.Interval}, {"timeout", v.Timeout}, {"window", v.Window}} {
		if d.v == nil {
			continue
		}
		if _, err := positiveDuration(*d.v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", key(d.name), err))
		}
	}
	if v.Budget != nil && *v.Budget < 0 {
		errs = append(errs, fmt.Errorf("%s: %d: want 0 (no cap of qostop's own) or a number of requests per day", key("budget"), *v.Budget))
	}
	for _, m := range slices.Sorted(maps.Keys(v.Thresholds)) {
		if _, err := model.ParseThresholds(model.DefaultThresholds(), m+"="+v.Thresholds[m]); err != nil {
			msg := fmt.Sprintf("%s: %v", key("thresholds", m), err)
			if s := closest(m, metricNames()); s != "" && s != m {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			errs = append(errs, errors.New(msg))
		}
	}
	return errs
}

func metricNames() []string {
	var names []string
	for m := model.Metric(0); m.String() != "unknown"; m++ {
		names = append(names, m.String())
	}
	return names
}

func positiveDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q: want a positive duration, e.g. \"10s\"", s)
	}
	return d, nil
}

// checkSecret allows one source of the secret, and the secret itself only
// in a file no one else can read: group or others could copy it.
func (f *File) checkSecret(path []string, p profile, mode fs.FileMode) []error {
	key := func(k string) string { return f.at(append(slices.Clone(path), k)...) }
	var errs []error
	var set []string
	for _, s := range []struct{ key, v string }{{"client_secret", p.ClientSecret},
		{"client_secret_command", p.ClientSecretCommand}, {"client_secret_env", p.ClientSecretEnv}} {
		if s.v != "" {
			set = append(set, s.key)
		}
	}
	if len(set) > 1 {
		errs = append(errs, fmt.Errorf("%s: give one of %s, not several", key(set[1]), strings.Join(set, ", ")))
	}
	if p.ClientSecret != "" && !private(mode) {
		errs = append(errs, fmt.Errorf("%s: the file holds a client secret and others can read it (mode %04o): "+
			"run 'chmod 600 %s', or use client_secret_command", key("client_secret"), mode, f.Path))
	}
	if p.ClientSecretCommand != "" {
		if _, err := splitCommand(p.ClientSecretCommand); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", key("client_secret_command"), err))
		}
	}
	if p.ClientSecretTimeout != nil {
		if _, err := positiveDuration(*p.ClientSecretTimeout); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", key("client_secret_timeout"), err))
		}
	}
	if p.ClientSecretEnv != "" && strings.ContainsAny(p.ClientSecretEnv, "=\x00") {
		errs = append(errs, fmt.Errorf("%s: %s", key("client_secret_env"), "want the name of an environment variable"))
	}
	return errs
}
