package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/ui"
	"github.com/spf13/cobra"
)

// runUI runs the screens. cfg, now with its Source, is checked first:
// what is still wrong with it came from the flags.
func runUI(ctx context.Context, cmd *cobra.Command, cfg ui.Config) error {
	if err := cfg.Validate(); err != nil {
		return usageError(cmd, "%v", err)
	}
	// A terminal that cannot address the cursor (TERM dumb or unset, as in
	// Emacs shells or some CI logs) would show the screens as a mess of
	// escape sequences. Windows consoles set no TERM.
	if term := os.Getenv("TERM"); (term == "" && runtime.GOOS != "windows") || term == "dumb" {
		return fmt.Errorf("this terminal (TERM=%q) cannot move the cursor, which the live screens need; "+
			"for a printout, run 'qostop snapshot MEETING --format table'", term)
	}
	m, err := ui.New(cfg)
	if err != nil {
		return err
	}
	if os.Getenv("GOMAXPROCS") == "" { // the screens need one; each frame woke a second thread (docs/performance.md)
		runtime.GOMAXPROCS(1)
	}
	_, err = tea.NewProgram(m, tea.WithContext(ctx), tea.WithFPS(10)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted: a normal way out
	}
	return err
}
