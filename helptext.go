package main

import (
	"fmt"
	"runtime/debug"

	"github.com/qostop/qostop/fetch"
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

MEETING is the meeting's numeric ID, spaced or not ("850 1234 5678"), its
UUID, as 'qostop meetings' lists it, or a join link (https://…zoom.us/j/ID,
/s/ID, /wc/join/ID; /w/ID is a webinar). The link's password is never sent,
printed or logged. --webinar takes MEETING as a webinar.`

const participantHelp = `
PARTICIPANT is the participant's user_id, as 'qostop meeting MEETING' or
'qostop snapshot MEETING' lists it, a name ("alice chen", any case or
accents; a unique start will do) or an email Zoom shows. A name or email
costs one roster request; two people matching are listed with their IDs.`

// envHelp is what the commands that talk to Zoom read; colourEnv all the
// demo reads.
const envHelp, colourEnv = "\nEnvironment:\n" + fetch.EnvHelp + colourLine, "\nEnvironment:\n" + colourLine

const colourLine = "  NO_COLOR\n        set to anything to draw without colour\n"

// redactHelp says what --redact hides: model.Redact's fields.
const redactHelp = "hide user names, emails, IP and MAC addresses, PC names and locations, for sharing the screen"

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
