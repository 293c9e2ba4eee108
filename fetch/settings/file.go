// Package settings reads qostop's config file: top-level defaults for the
// screens' flags and one profile per Zoom account, merged under the
// command line and the environment (flag > environment > profile > file
// defaults > built-in), with the client secret read from a command, a
// variable or, in a private file, the file itself.
//
// It lives in fetch because it is IO: it reads a file and runs the
// secret's command. It imports no Charm library: theme names arrive as
// Options.Themes.
package settings

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/pelletier/go-toml/v2"
)

// Environment variables of the config file and the profile.
const (
	EnvConfig  = "QOSTOP_CONFIG"
	EnvProfile = "QOSTOP_PROFILE"
)

// EnvHelp describes those variables, for a command's help.
const EnvHelp = `  QOSTOP_CONFIG
        the config file (as --config; default $XDG_CONFIG_HOME/qostop/config.toml)
  QOSTOP_PROFILE
        the config file's profile to use (as --profile; default its default_profile)
`

// maxFile bounds the config file: a hand-written one is a few KB.
const maxFile = 1 << 20

// values are what both the file's top level and a profile may set: the
// defaults of the screens' flags. A nil pointer is "not set".
type values struct {
	Theme     *string `toml:"theme"`
	ASCII     *bool   `toml:"ascii"`
	UTC       *bool   `toml:"utc"`
	Redact    *bool   `toml:"redact"`
	Interval  *string `toml:"interval"`
	Timeout   *string `toml:"timeout"`
	Budget    *int64  `toml:"budget"`
	Window    *string `toml:"window"`
	Notify    *string `toml:"notify"`
	NotifyCmd *string `toml:"notify_cmd"`
	// Subscription is the account's QSS subscription ID (--subscription),
	// for --push qss.
	Subscription *string           `toml:"subscription"`
	Thresholds   map[string]string `toml:"thresholds"`
}

// profile is one Zoom account: [profiles.NAME].
type profile struct {
	values
	AccountID           string  `toml:"account_id"`
	ClientID            string  `toml:"client_id"`
	ClientSecret        string  `toml:"client_secret"`
	ClientSecretCommand string  `toml:"client_secret_command"`
	ClientSecretEnv     string  `toml:"client_secret_env"`
	ClientSecretTimeout *string `toml:"client_secret_timeout"`
	APIURL              string  `toml:"api_url"`
	OAuthURL            string  `toml:"oauth_url"`
	Gov                 *bool   `toml:"gov"`
	Accent              string  `toml:"accent"`
}

// document is the whole file.
type document struct {
	values
	DefaultProfile string             `toml:"default_profile"`
	Profiles       map[string]profile `toml:"profiles"`
}

// Options say where to look for the file and what its values may be.
type Options struct {
	// Path is --config; "" looks at QOSTOP_CONFIG, then the XDG place.
	Path string
	// Getenv reads the environment (os.Getenv outside tests).
	Getenv func(string) string
	// Themes are the names the theme key accepts.
	Themes []string
}

// File is a config file read and checked. The zero File (no file) sets
// nothing.
type File struct {
	Path  string // "" when there is no file
	Where string // why this path: "--config", QOSTOP_CONFIG or the XDG place
	// looked is where the file was looked for, when there is none.
	looked string
	doc    document
	lines  map[string]int // key path -> line
}

// Locate is the config file's path and why: --config, then QOSTOP_CONFIG,
// then $XDG_CONFIG_HOME/qostop/config.toml (~/.config/qostop/ without it).
// named says the user gave the path, so its absence is an error.
func Locate(flag string, getenv func(string) string) (path, why string, named bool, err error) {
	switch {
	case flag != "":
		return flag, "--config", true, nil
	case getenv(EnvConfig) != "":
		return getenv(EnvConfig), EnvConfig, true, nil
	}
	if d := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "qostop", "config.toml"), "$XDG_CONFIG_HOME", false, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", "", false, fmt.Errorf("no place for the config file: set XDG_CONFIG_HOME or HOME, or give --config (%w)", err)
	}
	return filepath.Join(home, ".config", "qostop", "config.toml"), "~/.config", false, nil
}

// Load reads and checks the config file. A file at the default place that
// does not exist is no error: every setting keeps its built-in default.
func Load(o Options) (*File, error) {
	path, why, named, err := Locate(o.Path, o.Getenv)
	if err != nil {
		return nil, err
	}
	data, mode, err := read(path)
	if errors.Is(err, fs.ErrNotExist) && !named {
		return &File{Where: why, looked: path}, nil
	}
	if err != nil {
		return nil, err
	}
	f := &File{Path: path, Where: why}
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f.doc); err != nil {
		return nil, decodeError(path, err)
	}
	f.lines = keyLines(data)
	if err := f.check(o.Themes, mode); err != nil {
		return nil, err
	}
	return f, nil
}

// read returns the file's content and permissions. A symlink is followed
// (dotfile managers link config files), but what it leads to must be a
// regular file of at most maxFile bytes.
func read(path string) ([]byte, fs.FileMode, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("config file: %w", err)
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, 0, fmt.Errorf("config file: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, 0, fmt.Errorf("config file %s is not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(file, maxFile+1))
	if err != nil {
		return nil, 0, fmt.Errorf("config file: %w", err)
	}
	if len(data) > maxFile {
		return nil, 0, fmt.Errorf("config file %s is over %d bytes: not a config file", path, maxFile)
	}
	return data, st.Mode().Perm(), nil
}

// private reports whether only the owner can read a file of this mode.
// Windows has no such bits: its ACLs are left to the user.
func private(mode fs.FileMode) bool {
	return runtime.GOOS == "windows" || mode&0o077 == 0
}
