package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/settings"
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
