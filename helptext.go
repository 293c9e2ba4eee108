package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/settings"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/spf13/cobra"
)

// The texts of qostop's help and version: the usage templates, what the
// IDs and the environment mean, the version line, and the words for a
// mistyped command or a completion without a shell.

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
var recordHelp = fmt.Sprintf("record what is fetched, and the markers M drops, to the new `FILE` (one meeting), or off; by default into a ring in "+
	"$XDG_STATE_HOME/qostop/recordings, at most %d MiB, %d MiB a file, %d days (the demo records only with FILE, the meeting it then opens)",
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

// The usage errors that explain themselves: a mistyped command, IDs missing.

// unknownCommand is the root's check of its arguments: it takes none, so
// one is a mistyped command, or a meeting ID without 'meeting'.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	hint := ""
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		hint = fmt.Sprintf("; did you mean %q?", s[0])
	} else if strings.Trim(args[0], "0123456789") == "" {
		hint = "; to open a meeting by its ID, run 'qostop meeting " + args[0] + "'"
	}
	return usageError(cmd, "unknown command %q%s", args[0], hint)
}

// missingIDs says which IDs a command given only some of them, got,
// lacks, with an example of the whole command line and where to find
// the first one missing.
func missingIDs(cmd *cobra.Command, want string, got []string) error {
	ids := strings.Fields(strings.NewReplacer("[", "", "]", "").Replace(want)) // MEETING [PARTICIPANT]
	required := len(strings.Fields(strings.Split(want, "[")[0]))
	example := []string{sim.DemoMeetingID, sim.DemoParticipantID}[:required]
	var missing []string
	for _, id := range ids[len(got):required] {
		missing = append(missing, "a "+strings.ToLower(id)+" ID")
	}
	what := strings.Join(missing, " and ")
	where := "'qostop meetings' lists the meetings"
	if len(got) > 0 {
		what += " too"
		where = "'qostop meeting " + got[0] + "' lists who is in it"
	}
	return usageError(cmd, "%s needs %s: %s %s, e.g. '%s %s'; %s",
		cmd.Name(), what, cmd.CommandPath(), want, cmd.CommandPath(), strings.Join(example, " "), where)
}

// completionCmd makes cobra's `completion` command a usage error when
// given no shell or another one: by itself it prints help and exits 0.
func completionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	const shells = "bash, zsh, fish or powershell"
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		c.Short, c.Args = "print the shell completion script for "+shells, cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError(cmd, "unknown shell %q: want %s", args[0], shells)
			}
			return usageError(cmd, "want a shell: %s, e.g. 'source <(qostop completion bash)'", shells)
		}
	}
}
