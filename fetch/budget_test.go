package fetch_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

var budgetStart = time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)

func openBudget(t *testing.T, dir string, cap int, now func() time.Time) *fetch.Budget {
	t.Helper()
	b, err := fetch.OpenBudget(fetch.BudgetOptions{Dir: dir, Cap: cap, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Two runs of qostop, one after the other, add up in the day's count,
// and a new UTC day starts from zero. Every request is real HTTP.
func TestBudgetRunsAddUp(t *testing.T) {
	rig := simtest.StartAt(t, budgetStart, sim.Options{})
	dir := filepath.Join(t.TempDir(), "qostop")
	for run := 1; run <= 2; run++ {
		b := openBudget(t, dir, 0, rig.Clock.Now)
		c := rig.Client(t, func(c *fetch.Config) { c.Now, c.Budget = rig.Clock.Now, b })
		for range 3 {
			if _, err := c.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live); err != nil {
				t.Fatal(err)
			}
		}
		if st := b.Status(); st.Used != 3*run || st.Mine != 3 {
			t.Fatalf("run %d: used %d, mine %d; want %d and 3", run, st.Used, st.Mine, 3*run)
		}
	}
	if got := rig.Sim.Stats().APIRequests(); got != 6 {
		t.Fatalf("the server counted %d requests, the budget 6", got)
	}
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("state directory: %v %v, want 0700", fi.Mode(), err)
	}
	for _, f := range []string{"requests.json", "requests.lock"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, want 0600", f, err)
		}
	}
	rig.Clock.Set(budgetStart.Add(12 * time.Hour)) // 00:00 UTC
	if st := openBudget(t, dir, 0, rig.Clock.Now).Status(); st.Used != 0 || st.Day != "2026-03-10" {
		t.Errorf("the next day starts at %d on %s", st.Used, st.Day)
	}
}

// Processes counting at the same time lose no request: the count is
// read and written under a lock.
func TestBudgetTwoProcesses(t *testing.T) {
	if dir := os.Getenv("QOSTOP_BUDGET_CHILD"); dir != "" {
		b := openBudget(t, dir, 0, nil)
		for range 200 {
			if err := fetch.TakeForTest(b); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBudgetTwoProcesses$", "-test.count=1")
			cmd.Env = append(os.Environ(), "QOSTOP_BUDGET_CHILD="+dir)
			if out, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("%v: %s", err, out)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if st := openBudget(t, dir, 0, nil).Status(); st.Used != 400 {
		t.Fatalf("two processes of 200 requests each counted %d", st.Used)
	}
}

// Past --budget no request leaves, and the error says whose limit it is
// and when it ends.
func TestBudgetCapRefuses(t *testing.T) {
	rig := simtest.StartAt(t, budgetStart, sim.Options{})
	b := openBudget(t, t.TempDir(), 5, rig.Clock.Now)
	c := rig.Client(t, func(c *fetch.Config) { c.Now, c.Budget = rig.Clock.Now, b })
	ctx := context.Background()
	for range 5 {
		if _, err := c.ParticipantQoS(ctx, sim.DemoMeetingID, sim.DemoParticipantID, model.Live); err != nil {
			t.Fatal(err)
		}
	}
	_, err := c.ParticipantQoS(ctx, sim.DemoMeetingID, sim.DemoParticipantID, model.Live)
	var ae *fetch.APIError
	if !errors.As(err, &ae) || ae.Kind != fetch.RateLimited || !ae.RetryAt.Equal(budgetStart.Add(12*time.Hour)) {
		t.Fatalf("past the cap: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "--budget") || !strings.Contains(msg, "00:00 UTC") {
		t.Errorf("the refusal does not say what to do: %s", msg)
	}
	if got := rig.Sim.Stats().APIRequests(); got != 5 {
		t.Errorf("the server got %d requests under a budget of 5", got)
	}
}

// The account's own quota, when Zoom sends it, is what is left if it is
// smaller than qostop's share.
func TestBudgetReadsAccountQuota(t *testing.T) {
	rig := simtest.StartAt(t, budgetStart, sim.Options{DailyLimit: 100})
	b := openBudget(t, t.TempDir(), 1000, rig.Clock.Now)
	c := rig.Client(t, func(c *fetch.Config) { c.Now, c.Budget = rig.Clock.Now, b })
	if _, err := c.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live); err != nil {
		t.Fatal(err)
	}
	st := b.Status()
	if !st.AccountKnown || st.AccountLimit != 100 || st.AccountRemaining != 99 || st.Left() != 99 {
		t.Fatalf("account quota: %+v, left %d", st, st.Left())
	}
	gap, why := b.Spacing()
	if want := 12 * time.Hour / 99; gap != want || !strings.Contains(why, "account: 99 of 100 left") {
		t.Errorf("spacing %v %q, want %v and the account's figures", gap, why, want)
	}
}

func TestBudgetSpacing(t *testing.T) {
	now := budgetStart // 12 hours before 00:00 UTC
	clock := func() time.Time { return now }
	for _, tc := range []struct {
		name     string
		cap, use int
		poll     int // requests per poll
		wantGap  time.Duration
		reason   string
	}{
		{"no cap", 0, 10, 1, 0, ""},
		{"half the day, half the budget", 100, 50, 1, 12 * time.Hour / 50, "request budget: 50 left today (50 of --budget 100 used), one request per 14m24s"},
		{"a poll of five requests waits five gaps", 1000, 280, 5, 5 * 12 * time.Hour / 720, "request budget: 720 left today (280 of --budget 1000 used), one request per 1m0s"},
		{"spent", 10, 10, 1, 12 * time.Hour, "request budget spent (10 of --budget 10 used): polling resumes at 00:00 UTC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := openBudget(t, t.TempDir(), tc.cap, clock)
			for range tc.use {
				if err := fetch.TakeForTest(b); err != nil {
					t.Fatal(err)
				}
			}
			cadence := model.Next{At: now.Add(time.Second), Reason: "next sample due"}
			got := b.Delay(cadence, now, tc.poll)
			wantAt := now.Add(max(tc.wantGap, time.Second))
			wantWhy := cmp.Or(tc.reason, "next sample due")
			if !got.At.Equal(wantAt) || got.Reason != wantWhy {
				t.Errorf("next %v %q, want %v %q", got.At.Sub(now), got.Reason, wantAt.Sub(now), wantWhy)
			}
		})
	}
}

// A program without a budget can call it all the same.
func TestNilBudget(t *testing.T) {
	var b *fetch.Budget
	n := model.Next{At: budgetStart, Reason: "cadence"}
	if got := b.Delay(n, budgetStart, 3); got != n || b.Status().Left() != -1 {
		t.Errorf("a nil budget changed the poll (%+v) or knows a limit (%d)", got, b.Status().Left())
	}
}

func TestStateDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/var/tmp/xdg")
	if d, _ := fetch.StateDir(); d != "/var/tmp/xdg/qostop" {
		t.Errorf("with XDG_STATE_HOME: %s", d)
	}
	t.Setenv("XDG_STATE_HOME", "relative/path") // the spec says ignore it
	t.Setenv("HOME", "/home/oncall")
	if d, _ := fetch.StateDir(); d != "/home/oncall/.local/state/qostop" {
		t.Errorf("fallback: %s", d)
	}
	if _, err := fetch.OpenBudget(fetch.BudgetOptions{Dir: t.TempDir(), Cap: -1}); err == nil {
		t.Error("a negative budget was accepted")
	}
}
