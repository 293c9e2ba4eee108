package fetch_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// Zoom's daily cap is per account: the requests sent for one account do
// not spend another's budget, and a cap reached on one leaves the other
// open. Every request is real HTTP.
func TestBudgetPerAccount(t *testing.T) {
	rig := simtest.StartAt(t, budgetStart, sim.Options{})
	dir := filepath.Join(t.TempDir(), "qostop")
	open := func(account string) *fetch.Budget {
		b, err := fetch.OpenBudget(fetch.BudgetOptions{Dir: dir, Cap: 2, Now: rig.Clock.Now, Account: account})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	work := open("work-acct")
	c := rig.Client(t, func(c *fetch.Config) { c.Now, c.Budget = rig.Clock.Now, work })
	for range 2 {
		if _, err := c.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live); err == nil {
		t.Fatal("the third request passed a cap of 2")
	}
	if st := open("work-acct").Status(); st.Used != 2 {
		t.Errorf("work's count read again: %d, want 2", st.Used)
	}
	other := open("other/acct") // not a file name as it is: hashed
	if st := other.Status(); st.Used != 0 {
		t.Errorf("another account starts at %d, want 0", st.Used)
	}
	c2 := rig.Client(t, func(c *fetch.Config) { c.Now, c.Budget = rig.Clock.Now, other })
	if _, err := c2.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live); err != nil {
		t.Errorf("another account's request refused: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "requests-*.json")); len(m) != 2 {
		t.Errorf("state files %v, want one per account", m)
	}
}

// --no-state counts in memory: the cap still holds within the process,
// and nothing is written.
func TestBudgetInMemory(t *testing.T) {
	rig := simtest.StartAt(t, budgetStart, sim.Options{})
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	b, err := fetch.OpenBudget(fetch.BudgetOptions{Cap: 1, Now: rig.Clock.Now, Account: "a", InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	c := rig.Client(t, func(c *fetch.Config) { c.Now, c.Budget = rig.Clock.Now, b })
	if _, err := c.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live); err != nil {
		t.Fatal(err)
	}
	if _, err := c.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live); err == nil {
		t.Error("the second request passed a cap of 1")
	}
	if st := b.Status(); st.Used != 1 || st.Err != nil {
		t.Errorf("status %+v, want 1 used and no error", st)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*", "*")); len(m) != 0 {
		t.Errorf("files written: %v", m)
	}
}
