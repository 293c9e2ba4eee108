package settings

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"os/exec"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/spf13/pflag"
)

// Print writes the effective settings of a command with flags fs, one a
// line with where each came from. The secret is never printed, nor run:
// only where it comes from.
func (r *Resolved) Print(w io.Writer, fs *pflag.FlagSet, getenv func(string) string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v, from string) { fmt.Fprintf(tw, "%s\t%s\t%s\n", k, v, from) }
	f := r.File
	if f.Path == "" {
		row("config file", "(none)", "no "+f.looked)
	} else {
		row("config file", f.Path, f.Where)
	}
	if r.Profile == "" {
		row("profile", "(none)", "built-in")
	} else {
		row("profile", r.Profile, r.ProfileFrom)
	}
	if r.Accent != "" {
		row("accent", r.Accent, r.where(true, "accent"))
	}
	for _, a := range r.accountRows(fs, getenv) {
		row(a[0], a[1], a[2])
	}
	for _, key := range flagKeys {
		if fl := fs.Lookup(key); fl != nil {
			row(key, fl.Value.String(), r.origins[key])
		}
	}
	if fl := fs.Lookup("thresholds"); fl != nil {
		th, err := model.ParseThresholds(model.DefaultThresholds(), fl.Value.String())
		if err != nil {
			return err
		}
		for i, m := range metricNames() {
			b := th[i]
			row("thresholds."+m, fmt.Sprintf("%g:%g", b.Warn, b.Critical), cmp.Or(r.origins["thresholds."+m], "built-in"))
		}
	}
	return tw.Flush()
}

// accountRows are the account's settings by the precedence
// fetch.ConfigFromEnv applies: flag, environment, profile, built-in.
func (r *Resolved) accountRows(fs *pflag.FlagSet, getenv func(string) string) [][3]string {
	a := r.Account
	flag := func(name string) string {
		if fl := fs.Lookup(name); fl != nil && fl.Changed {
			return fl.Value.String()
		}
		return ""
	}
	gov := flag("gov") == "true" || a.Gov
	pick := func(key, fromFlag, env, profile, builtin, gov string) [3]string {
		switch {
		case fromFlag != "":
			return [3]string{key, fromFlag, "--" + strings.ReplaceAll(key, "_", "-")}
		case env != "" && getenv(env) != "":
			return [3]string{key, getenv(env), env}
		case profile != "":
			return [3]string{key, profile, r.where(true, key)}
		case gov != "":
			return [3]string{key, gov, "built-in (gov)"}
		}
		return [3]string{key, builtin, "built-in"}
	}
	govAPI, govOAuth := "", ""
	if gov {
		govAPI, govOAuth = fetch.GovAPIURL, fetch.GovOAuthURL
	}
	rows := [][3]string{
		pick("api_url", flag("api-url"), fetch.EnvAPIURL, a.APIURL, fetch.DefaultAPIURL, govAPI),
		pick("oauth_url", flag("oauth-url"), fetch.EnvOAuthURL, a.OAuthURL, fetch.DefaultOAuthURL, govOAuth),
		pick("account_id", "", fetch.EnvAccountID, a.AccountID, "(not set)", ""),
		pick("client_id", "", fetch.EnvClientID, a.ClientID, "(not set)", ""),
	}
	secret := [3]string{"client_secret", "(not set)", "built-in"}
	switch {
	case getenv(fetch.EnvClientSecret) != "":
		secret = [3]string{"client_secret", "(set, hidden)", fetch.EnvClientSecret}
	case r.secret != "":
		secret = [3]string{"client_secret", "(" + r.secret + ")", "profile " + r.Profile}
	}
	return append(rows, secret)
}

// Check is 'qostop config check': the file loaded, its secret commands'
// programs found, and one line on out.
func Check(out io.Writer, o Options) error {
	f, err := Load(o)
	if err == nil {
		err = f.Programs()
	}
	if err == nil {
		_, err = fmt.Fprintln(out, f.Summary())
	}
	return err
}

// Programs finds the secret commands whose program is not on PATH, for
// 'qostop config check': a typo there would otherwise show only when a
// token is first needed. Nothing is run.
func (f *File) Programs() error {
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(f.doc.Profiles)) {
		argv, err := splitCommand(f.doc.Profiles[name].ClientSecretCommand)
		if err != nil {
			continue // no command, or one Load refused already
		}
		if _, err := exec.LookPath(argv[0]); err != nil {
			errs = append(errs, fmt.Errorf("%s: %q is not a program qostop can find (PATH is searched; or give its full path)",
				f.at("profiles", name, "client_secret_command"), argv[0]))
		}
	}
	return errors.Join(errs...)
}

// Summary is one line on the file checked: where it is and its profiles.
func (f *File) Summary() string {
	if f.Path == "" {
		return "no config file at " + f.looked + ": qostop's built-in settings apply; 'qostop config init' writes one"
	}
	names := slices.Sorted(maps.Keys(f.doc.Profiles))
	s := fmt.Sprintf("%s: ok, %d %s", f.Path, len(names), map[bool]string{true: "profile", false: "profiles"}[len(names) == 1])
	if len(names) > 0 {
		s += ": " + strings.Join(names, ", ")
	}
	if f.doc.DefaultProfile != "" {
		s += " (default " + f.doc.DefaultProfile + ")"
	}
	return s
}
