package main

import (
	"fmt"
	"runtime/debug"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/settings"
	"github.com/spf13/cobra"
)

// The texts of qostop's help and version: the usage templates, what the
// IDs and the environment mean, and the version line.

// rootUsage lists the commands with their arguments (cobra's leaves
// those to each command's help).
const rootUsage = `Usage:{{range .Commands}}{{if .IsAvailableCommand}}
  qostop {{rpad .Use 39}} {{.Short}}{{end}}{{end}}
  qostop --version

'qostop' alone lists the live meetings and takes the flags of 'qostop meetings'.
Run 'qostop COMMAND --help' for a command's flags.
` + envHelp

// cmdUsage is cobra's usage template, which each command follows with
// the environment it reads.
var cmdUsage = (&cobra.Command{}).UsageTemplate()

const idHelp = `

MEETING is the meeting's numeric ID (85012345678) or its UUID, as 'qostop
meetings' lists it.`

const participantHelp = `
PARTICIPANT is the participant's user_id, as 'qostop meeting MEETING' or
'qostop snapshot MEETING' lists it.`

// envHelp is what the commands that talk to Zoom read; colourEnv all the
// demo reads.
const envHelp, colourEnv = "\nEnvironment:\n" + fetch.EnvHelp + settings.EnvHelp + colourLine, "\nEnvironment:\n" + colourLine

// settingsEnv is what `qostop config` reads.
const settingsEnv = "\nEnvironment:\n" + fetch.EnvHelp + settings.EnvHelp

// configHelp says what the config file holds and how it meets the flags.
const configHelp = `

The config file ($XDG_CONFIG_HOME/qostop/config.toml, or --config, or
$QOSTOP_CONFIG) holds defaults for the screens' flags and one profile per
Zoom account ([profiles.NAME]). A flag wins over the environment, which
wins over the profile, which wins over the file's defaults. Secrets are
never printed: only where they come from. 'qostop config init' writes a
commented file to start from; 'qostop config check' checks one.`

const colourLine = "  NO_COLOR\n        set to anything to draw without colour\n"

// redactHelp says what --redact hides: model.Redact's fields.
const redactHelp = "hide user names, emails, IP and MAC addresses, PC names and locations, for sharing the screen"

// recordHelp is --record's: where the screens record, and the ring's limits.
var recordHelp = fmt.Sprintf("record what is fetched to the new `FILE` (one meeting), or off; by default into a ring in "+
	"$XDG_STATE_HOME/qostop/recordings, at most %d MiB, %d MiB a file, %d days (the demo records only with FILE)",
	record.DefaultRingBytes>>20, record.DefaultRingFileBytes>>20, int(record.DefaultRingAge.Hours()/24))

// versionText is what --version and `qostop version` print: the module
// version, the commit (and whether the tree had uncommitted changes) and
// the Go release, as the build recorded them.
func versionText(info *debug.BuildInfo) string {
	vcs := map[string]string{}
	for _, s := range info.Settings {
		vcs[s.Key] = s.Value
	}
	commit := "commit unknown (built without VCS information)"
	if rev := vcs["vcs.revision"]; rev != "" {
		commit = "commit " + rev
		if t := vcs["vcs.time"]; t != "" {
			commit += " of " + t
		}
		if vcs["vcs.modified"] == "true" {
			commit += ", with uncommitted changes"
		}
	}
	return fmt.Sprintf("qostop %s, %s, %s", orDefault(info.Main.Version, "(devel)"), commit, info.GoVersion)
}
