package settings

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/spf13/pflag"
)

// flagKeys are the keys that default a flag of the same name ("_" for
// "-"). No environment variable sets these, so a flag on the command line
// wins, then the profile, then the file's top level.
var flagKeys = []string{"theme", "ascii", "utc", "redact", "interval", "timeout", "budget", "window", "notify", "notify_cmd", "subscription"}

// Resolved is the settings of one run: the profile in use, its account,
// and where each setting came from.
type Resolved struct {
	File        *File
	Profile     string // "" when none is in use
	ProfileFrom string // --profile, QOSTOP_PROFILE, default_profile, or "the only profile"
	// Accent is the profile's colour for the header (#rrggbb, #rgb or an
	// ANSI number); "" is the theme's own.
	Accent string
	// Account is the profile's Zoom account, under the command line and
	// the environment (fetch.Overrides.Profile).
	Account fetch.Account
	// Choices are what the screens were left at last time, and Remember
	// keeps them again (ui.Config's); zero and nil without Options.Remember.
	Choices  model.Choices
	Remember func(model.Choices) error
	noState  bool              // --no-state
	origins  map[string]string // key -> where its value came from
	secret   string            // how the profile gives the secret, for Print
}

// Apply is what a command takes from the config file (nothing for a
// command without --config): Load, Resolve and, unless --no-state, the
// choices remembered for the profile (warnings on warn).
func Apply(fs *pflag.FlagSet, fl Flags, themes []string, warn io.Writer) (*Resolved, error) {
	if fs.Lookup("config") == nil {
		return &Resolved{File: &File{}, origins: map[string]string{}}, nil
	}
	f, err := Load(Options{Path: fl.Config, Getenv: os.Getenv, Themes: themes})
	if err != nil {
		return nil, err
	}
	r, err := f.Resolve(fs, fl.Profile, os.Getenv)
	if err == nil {
		r.noState = fl.NoState
		if !fl.NoState {
			r.Choices, r.Remember = r.Remembered(fs, "", themes, warn)
		}
	}
	return r, err
}

// RecordTo is where the screens record (ui.Config.Record): the flag's
// file, else off when --no-state forbids the state directory's ring.
func (r *Resolved) RecordTo(flag, off string) string {
	if flag == "" && r.noState {
		return off
	}
	return flag
}

// Resolve picks the profile (--profile, then QOSTOP_PROFILE, then
// default_profile, then the file's only profile) and gives every flag of
// fs that the command line left alone the profile's value, else the
// file's top-level one. Thresholds merge per metric in the same order.
func (f *File) Resolve(fs *pflag.FlagSet, profileFlag string, getenv func(string) string) (*Resolved, error) {
	r := &Resolved{File: f, origins: map[string]string{}}
	name, from := profileFlag, "--profile"
	switch {
	case name != "":
	case getenv(EnvProfile) != "":
		name, from = getenv(EnvProfile), EnvProfile
	case f.doc.DefaultProfile != "":
		name, from = f.doc.DefaultProfile, "default_profile"
	case len(f.doc.Profiles) == 1:
		name, from = slices.Collect(maps.Keys(f.doc.Profiles))[0], "the only profile"
	}
	var p profile
	if name != "" {
		if f.Path == "" {
			return nil, fmt.Errorf("%s %s: there is no config file (%s); 'qostop config init' writes one", from, name, f.Where)
		}
		var ok bool
		if p, ok = f.doc.Profiles[name]; !ok {
			return nil, fmt.Errorf("%s %s: %w", from, name, f.unknownProfile(name))
		}
		r.Profile, r.ProfileFrom, r.Accent = name, from, p.Accent
	}
	for _, key := range flagKeys {
		if err := r.setFlag(fs, key, p.values, f.doc.values); err != nil {
			return nil, err
		}
	}
	if err := r.setThresholds(fs, p.values.Thresholds, f.doc.Thresholds); err != nil {
		return nil, err
	}
	return r, r.account(p, getenv)
}

// where names a value of the profile or of the top level for `qostop config`.
func (r *Resolved) where(inProfile bool, key ...string) string {
	f := r.File
	path := key
	if inProfile {
		path = append([]string{"profiles", r.Profile}, key...)
	}
	at := strings.Replace(f.at(path...), f.Path, filepath.Base(f.Path), 1)
	at, _, _ = strings.Cut(at, ": ")
	if inProfile {
		return "profile " + r.Profile + " (" + at + ")"
	}
	return at
}

func (r *Resolved) setFlag(fs *pflag.FlagSet, key string, p, top values) error {
	fl := fs.Lookup(strings.ReplaceAll(key, "_", "-"))
	if fl == nil {
		return nil
	}
	if fl.Changed {
		r.origins[key] = "--" + fl.Name
		return nil
	}
	v, inProfile := valueOf(p, key), true
	if v == "" {
		v, inProfile = valueOf(top, key), false
	}
	if v == "" {
		r.origins[key] = "built-in"
		return nil
	}
	if err := fl.Value.Set(v); err != nil { // a value only the flag can judge (--notify's modes)
		path := []string{key}
		if inProfile {
			path = []string{"profiles", r.Profile, key}
		}
		return fmt.Errorf("%s: %w", r.File.at(path...), err)
	}
	r.origins[key] = r.where(inProfile, key)
	return nil
}

// valueOf is a flag key's value as the flag's text, "" when unset.
func valueOf(v values, key string) string {
	p := map[string]any{"theme": v.Theme, "ascii": v.ASCII, "utc": v.UTC, "redact": v.Redact,
		"interval": v.Interval, "timeout": v.Timeout, "budget": v.Budget,
		"window": v.Window, "notify": v.Notify, "notify_cmd": v.NotifyCmd, "subscription": v.Subscription}[key]
	switch p := p.(type) {
	case *string:
		if p != nil {
			return *p
		}
	case *bool:
		if p != nil {
			return fmt.Sprint(*p)
		}
	case *int64:
		if p != nil {
			return fmt.Sprint(*p)
		}
	}
	return ""
}

// setThresholds writes the merged thresholds into --thresholds: the file's,
// then the profile's, then the command line's, the later winning per metric.
func (r *Resolved) setThresholds(fs *pflag.FlagSet, p, top map[string]string) error {
	fl := fs.Lookup("thresholds")
	if fl == nil {
		return nil
	}
	var spec []string
	for _, layer := range []struct {
		m         map[string]string
		inProfile bool
	}{{top, false}, {p, true}} {
		for _, m := range slices.Sorted(maps.Keys(layer.m)) {
			spec = append(spec, m+"="+layer.m[m])
			r.origins["thresholds."+m] = r.where(layer.inProfile, "thresholds", m)
		}
	}
	if fl.Changed {
		for _, item := range strings.Split(fl.Value.String(), ",") {
			if m, _, ok := strings.Cut(strings.TrimSpace(item), "="); ok {
				r.origins["thresholds."+strings.ToLower(strings.TrimSpace(m))] = "--thresholds"
			}
		}
		spec = append(spec, fl.Value.String())
	}
	if len(spec) == 0 {
		return nil
	}
	changed := fl.Changed
	err := fl.Value.Set(strings.Join(spec, ","))
	fl.Changed = changed
	return err
}

// account is the profile's Zoom account and its secret's source.
func (r *Resolved) account(p profile, getenv func(string) string) error {
	a := fetch.Account{APIURL: p.APIURL, OAuthURL: p.OAuthURL, Gov: p.Gov != nil && *p.Gov,
		AccountID: p.AccountID, ClientID: p.ClientID, ClientSecret: p.ClientSecret}
	switch {
	case p.ClientSecret != "":
		r.secret = "inline, in a private file"
	case p.ClientSecretEnv != "":
		a.ClientSecret = getenv(p.ClientSecretEnv)
		r.secret = "$" + p.ClientSecretEnv
		if a.ClientSecret == "" {
			r.secret += " (not set)"
		}
	case p.ClientSecretCommand != "":
		argv, err := splitCommand(p.ClientSecretCommand)
		if err != nil { // checked at load: not reached
			return err
		}
		timeout := DefaultSecretTimeout
		if p.ClientSecretTimeout != nil {
			timeout, _ = time.ParseDuration(*p.ClientSecretTimeout) // checked at load
		}
		a.Secret = commandSource{argv: argv, timeout: timeout,
			what: fmt.Sprintf("client_secret_command of profile %q", r.Profile)}
		r.secret = fmt.Sprintf("command %s, run at each token request", argv[0])
	}
	r.Account = a
	return nil
}
