package main

// `qostop replay FILE`: the screens on a recording, with a clock the
// user pauses, speeds up and moves. No network, no credentials: it reads
// only the file.

import (
	"fmt"
	"strings"
	"time"

	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui"
	"github.com/qostop/qostop/ui/notify"
	"github.com/qostop/qostop/ui/replay"
	"github.com/spf13/cobra"
)

// replayHelp is the replay's keys and what it shows.
const replayHelp = `

FILE is a recording: what --record FILE wrote, or a file of the ring in
$XDG_STATE_HOME/qostop/recordings. The replay opens the recorded meeting's
overview (a participant's watch screen when it holds only one), with the
thresholds it was recorded with; each screen shows at a time of the
recording what it showed live then. A recording cut short (power loss, a
full disk) plays up to its cut, and the status bar says so.

Keys of the replay's clock, on every screen:
  space   pause or resume            > <     faster or slower (x1 x2 x5 x10 x30 x60)
  . ,     a minute on or back        } {     10 minutes on or back
  $ ^     the end or the start
The other keys are the screens' own (? lists them).`

func newReplayCmd() *cobra.Command {
	var f flags
	var speed int
	c := newCmd("replay [flags] FILE", "replay a recording on the screens: no network, no credentials", replayHelp, colourEnv, 1, 1,
		func(cmd *cobra.Command, pos []string) error {
			f.notify = string(notify.Off) // a replay judges past minutes: nobody to alert now
			cfg, err := f.check(cmd)
			if err != nil {
				return err
			}
			steps := strings.Trim(strings.ReplaceAll(fmt.Sprint(replay.Speeds), " ", ", "), "[]")
			i := indexOf(replay.Speeds, speed)
			if i < 0 {
				return usageError(cmd, "--speed %d: want one of %s", speed, steps)
			}
			rec, err := record.Load(pos[0])
			if err != nil {
				return usageErr{fmt.Sprintf("%v; replay takes a recording written by --record FILE "+
					"or the ring in $XDG_STATE_HOME/qostop/recordings", err)}
			}
			cfg = ui.ReplayConfig(cfg, rec, time.Now)
			cfg.Replay.Clock.Faster(i)
			return runUI(cmd.Context(), cmd, cfg, nil)
		})
	fs := c.Flags()
	fs.IntVar(&speed, "speed", 1, "start at this speed: 1, 2, 5, 10, 30 or 60 times real time (keys > <)")
	fs.DurationVar(&f.window, "window", 0, "time the watch screen's sparklines show, e.g. 15m (default: fitted to the call; keys [ ] a)")
	fs.StringVar(&f.theme, "theme", "auto", "colours: auto (dark or light, from the terminal's background), "+strings.Join(theme.Names, ", "))
	fs.BoolVar(&f.ascii, "ascii", false, "draw sparklines, charts and borders with ASCII only, for fonts without block glyphs or braille")
	fs.BoolVar(&f.redact, "redact", false, redactHelp+" (key R toggles)")
	fs.BoolVar(&f.utc, "utc", false, "show times in UTC rather than local time")
	complete(c, "theme", theme.Choices()...)
	return c
}

func indexOf(xs []int, x int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}
