package settings

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Template is what 'qostop config init' writes: every key, commented out,
// with what it does. Its own test decodes it uncommented.
const Template = `# qostop's config file. Precedence: a flag on the command line, then the
# environment (ZOOM_*), then the profile in use, then the defaults at the
# top of this file, then qostop's own. 'qostop config' shows what is in
# effect and where each value came from; 'qostop config check' checks it.

# The profile used when neither --profile nor QOSTOP_PROFILE names one.
# default_profile = "work"

# Defaults for every screen (and snapshot, and the exporter where they apply).
# theme = "auto"        # auto, dark, light, high-contrast
# ascii = false         # ASCII-only sparklines, charts and borders
# utc = false           # times in UTC rather than local time
# redact = false        # start with names, emails and addresses hidden
# interval = "10s"      # time between polls
# timeout = "10s"       # time limit for each HTTP request
# budget = 0            # qostop's cap of API requests per UTC day (0: none)
# window = "30m"        # time the watch screen shows (unset: fitted to the call)
# notify = "desktop"    # when someone turns critical: off, bell, desktop
# notify_cmd = ""       # a command given each alert as JSON on stdin (no shell)
#
# [thresholds]          # warn:critical, as --thresholds
# latency = "150:300"
# jitter = "30:60"
# loss = "1:5"

# One profile per Zoom account (a Server-to-Server OAuth app with the
# Dashboard scopes). It may set any default above too.
# [profiles.work]
# account_id = "..."
# client_id = "..."
# The secret, one of three ways:
# client_secret_command = "op read op://Work/Zoom/credential"  # run without a shell, at each token request
# client_secret_env = "WORK_ZOOM_SECRET"                       # an environment variable to read it from
# client_secret = "..."   # only if no one else can read this file (chmod 600)
# client_secret_timeout = "30s"
# gov = false             # Zoom for Government (zoomgov.com)
# api_url = "https://api.zoom.us/v2"
# oauth_url = "https://zoom.us/oauth/token"
# accent = "#5f87ff"      # the header's colour for this account
# budget = 20000
# subscription = "..."    # the account's QoS push (QSS) subscription ID, for --push qss
`

// WriteTemplate writes Template where the config file is looked for
// (Locate), for 'qostop config init', and says where on out.
func WriteTemplate(out io.Writer, flag string, getenv func(string) string) error {
	path, _, _, err := Locate(flag, getenv)
	if err == nil {
		err = Init(path)
	}
	if err == nil {
		_, err = fmt.Fprintf(out, "wrote %s: edit it, then run 'qostop config check'\n", path)
	}
	return err
}

// Init writes Template to path, creating its directory (0700). It never
// replaces a file, nor writes through a symlink: O_EXCL refuses both.
func Init(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("config init: %w", err)
	}
	file, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("config init: %s exists already: edit it, or move it away first", path)
	}
	if err != nil {
		return fmt.Errorf("config init: %w", err)
	}
	if _, err := file.WriteString(Template); err != nil {
		file.Close()
		return fmt.Errorf("config init: %w", err)
	}
	return file.Close()
}
