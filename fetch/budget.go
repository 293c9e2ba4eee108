package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/qostop/qostop/model"
)

// Zoom's Heavy and Resource-intensive calls share one daily cap per
// account (30,000 on Pro, 60,000 on Business), reset at 00:00 UTC, and
// every app on the account spends from it. A Budget counts what qostop
// itself spends, across every process of the user, so successive and
// simultaneous runs add up, and slows polling before qostop's share is
// gone.

// budgetLimit is the LimitType of a refusal by qostop's own budget.
const budgetLimit = "Budget"

// Budget counts API requests per UTC day in a state file shared by every
// qostop process of the user, and caps them. It is safe for concurrent
// use. Make one with OpenBudget and give it to Config.Budget.
type Budget struct {
	path, lock string
	cap        int
	now        func() time.Time

	mu   sync.Mutex
	day  string // UTC date of used
	used int    // today's requests of every process, as last read
	mine int    // today's requests of this process
	acct quota  // the account's quota as Zoom last told it (quota.go)
	err  error  // the state file's last failure; counting goes on in memory
	// retry is when the file is tried again after a failure: a stuck
	// lock would otherwise cost every request StateLockWait.
	retry time.Time
}

// budgetRetry is how long a Budget counts in memory after its file
// failed before trying it again.
const budgetRetry = time.Minute

// BudgetOptions configure OpenBudget.
type BudgetOptions struct {
	// Dir holds the state file; "" means StateDir().
	Dir string
	// Cap is qostop's own share of the account's daily requests; 0 means
	// no cap of its own (Zoom's still applies).
	Cap int
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Account is the Zoom account ID the requests are sent for: each
	// account has its own daily cap, so its own count. "" is one count
	// for all.
	Account string
	// InMemory counts this process's requests only, with no state file
	// (--no-state): nothing is read or written on disk.
	InMemory bool
}

// StateDir is where qostop keeps its state: $XDG_STATE_HOME/qostop, or
// ~/.local/state/qostop.
func StateDir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "qostop"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no state directory for the request budget: set XDG_STATE_HOME or HOME (%w)", err)
	}
	return filepath.Join(home, ".local", "state", "qostop"), nil
}

// OpenBudget creates the state directory (0700) if needed and reads
// today's count. A state file that cannot be used does not stop qostop:
// the Budget counts in memory and its Status().Err says why.
func OpenBudget(o BudgetOptions) (*Budget, error) {
	if o.Cap < 0 {
		return nil, fmt.Errorf("budget %d must not be negative (0 means no cap of qostop's own)", o.Cap)
	}
	b := &Budget{cap: o.Cap, now: o.Now}
	if b.now == nil {
		b.now = time.Now
	}
	if o.InMemory {
		return b, nil // no path: sync counts in memory
	}
	dir, err := o.Dir, error(nil)
	if dir == "" {
		dir, err = StateDir()
	}
	if err == nil {
		err = os.MkdirAll(dir, 0o700)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if err != nil {
		b.err = fmt.Errorf("no state directory for the request budget: %w", err)
		return b, nil
	}
	name := "requests"
	if o.Account != "" {
		name += "-" + accountFileName(o.Account)
	}
	b.path, b.lock = filepath.Join(dir, name+".json"), filepath.Join(dir, name+".lock")
	b.sync(0) // a failure is kept in b.err
	return b, nil
}

// accountFileName is an account ID fit for a file name: as it is when it
// is letters, digits, "-" and "_" (Zoom's are), else a hash of it.
func accountFileName(id string) string {
	if len(id) <= 64 && strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == "" {
		return id
	}
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:8])
}

// state is the file's content.
type state struct {
	Day      string `json:"day"` // UTC date
	Requests int    `json:"requests"`
}

// sync adds n requests to today's count in the file, unless that would
// pass the cap, and reads back every process's total, under the lock.
// ok is false when the cap refused them. On a file failure the count goes
// on in memory and the error is kept for Status.
func (b *Budget) sync(n int) (ok bool) {
	now := b.now()
	today := now.UTC().Format(time.DateOnly)
	if b.day != today {
		b.day, b.used, b.mine = today, 0, 0
	}
	fits := func(used int) bool { return n == 0 || b.cap == 0 || used+n <= b.cap }
	if b.path == "" || now.Before(b.retry) { // no directory, or the file failed a moment ago
		return b.inMemory(n, fits)
	}
	err := WithStateLock(b.lock, StateLockWait, func() error {
		st, err := readState(b.path)
		if err != nil {
			return err
		}
		if st.Day != today {
			st = state{Day: today}
		}
		b.used = max(st.Requests, b.mine)
		if !fits(b.used) {
			return nil
		}
		ok = true
		if n > 0 {
			st.Requests = b.used + n
			data, _ := json.Marshal(st)
			if err := WriteStateFile(b.path, data); err != nil {
				return fmt.Errorf("cannot write %s: %w", b.path, err)
			}
		}
		b.used += n
		b.mine += n
		return nil
	})
	if err != nil {
		b.err = fmt.Errorf("request budget state: %w", err)
		b.retry = now.Add(budgetRetry)
		return b.inMemory(n, fits)
	}
	b.err = nil
	return ok
}

// inMemory counts n requests without the file, when they fit.
func (b *Budget) inMemory(n int, fits func(int) bool) bool {
	ok := fits(b.used)
	if ok {
		b.used += n
		b.mine += n
	}
	return ok
}

// readState reads the day's count; a missing file is a day with none.
// A file qostop cannot read is an error, not a silent reset to 0.
func readState(path string) (state, error) {
	data, err := ReadStateFile(path, StateFileMax)
	if errors.Is(err, os.ErrNotExist) {
		return state{}, nil
	}
	if err != nil {
		return state{}, err
	}
	var st state
	if err := json.Unmarshal(data, &st); err != nil || st.Requests < 0 || st.Day == "" {
		return state{}, fmt.Errorf("%s holds no request count qostop can read: remove it to start the count afresh", path)
	}
	return st, nil
}

// take counts one request about to be sent, or refuses it when qostop's
// cap for today is reached.
func (b *Budget) take() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.sync(1) { // a file failure is kept in b.err
		return errBudgetSpent
	}
	return nil
}

var errBudgetSpent = errors.New("qostop's request budget for today is spent")

// refusal is the error a call gets instead of being sent when the cap is
// reached, or when Zoom said the account's quota is spent (quota.go),
// or nil.
func (b *Budget) refusal(op string) *APIError {
	if b == nil {
		return nil
	}
	st := b.Status()
	if e := st.accountRefusal(op, b.now()); e != nil {
		return e
	}
	if st.Cap == 0 || st.Used < st.Cap {
		return nil
	}
	return &APIError{Op: op, Kind: RateLimited, LimitType: budgetLimit, RetryAt: nextUTCDay(b.now())}
}

// BudgetStatus is a Budget's figures for a status bar or a metric.
type BudgetStatus struct {
	Day  string // UTC date the figures are for
	Used int    // today's requests of every qostop process
	Mine int    // of those, this process's
	Cap  int    // qostop's daily cap; 0 is none
	// AccountLimit and AccountRemaining are Zoom's X-RateLimit-Limit and
	// X-RateLimit-Remaining as its last good answer today said them, or 0
	// remaining while a Daily-limit refusal lasts; Known says whether any
	// is. AccountLimit 0 is unknown (absent or not a number), never a
	// limit of nothing.
	AccountLimit, AccountRemaining int
	AccountKnown                   bool
	// AccountUntil is when Zoom said the account's spent quota comes back
	// (a Daily-limit 429's Retry-After) while that refusal lasts; zero
	// otherwise.
	AccountUntil time.Time
	Err          error // the state file's last failure, if any
}

// Left is how many requests qostop may still send today, the smaller of
// its own cap and the account's remaining quota; -1 when neither is known.
func (s BudgetStatus) Left() int {
	left := -1
	if s.Cap > 0 {
		left = max(s.Cap-s.Used, 0)
	}
	if s.AccountKnown && (left < 0 || s.AccountRemaining < left) {
		left = s.AccountRemaining
	}
	return left
}

// Status returns today's figures; a nil Budget has none (Left is -1).
func (b *Budget) Status() BudgetStatus {
	if b == nil {
		return BudgetStatus{}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	today := b.now().UTC().Format(time.DateOnly)
	if b.day != today {
		b.day, b.used, b.mine = today, 0, 0
	}
	st := BudgetStatus{Day: b.day, Used: b.used, Mine: b.mine, Cap: b.cap, Err: b.err}
	b.acct.status(&st, b.now())
	return st
}

// Resume is when a spent budget (Left() == 0) lets requests go again,
// and that time in words ("00:00 UTC", "12:34:56 UTC"): the next 00:00
// UTC, when qostop's cap and the account's quota reset, or the end of
// Zoom's Daily-limit refusal (its Retry-After) when that is the later
// or the only limit.
func (s BudgetStatus) Resume(now time.Time) (time.Time, string) {
	at := nextUTCDay(now)
	capSpent := s.Cap > 0 && s.Used >= s.Cap
	if !s.AccountUntil.IsZero() && (!capSpent || s.AccountUntil.After(at)) {
		at = s.AccountUntil
	}
	if at.Equal(at.UTC().Truncate(24 * time.Hour)) {
		return at, "00:00 UTC"
	}
	return at, at.UTC().Format("15:04:05") + " UTC"
}

// Spacing is the least time between requests that makes what is left of
// today's budget last until 00:00 UTC, with the reason to show; zero and
// "" when nothing limits (or b is nil). When nothing is left it is the
// time until the budget resumes (BudgetStatus.Resume).
func (b *Budget) Spacing() (time.Duration, string) {
	if b == nil {
		return 0, ""
	}
	st := b.Status()
	left := st.Left()
	if left < 0 {
		return 0, ""
	}
	now := b.now()
	if left == 0 {
		until, words := st.Resume(now)
		return until.Sub(now), fmt.Sprintf("request budget spent (%s): polling resumes at %s", st.spent(), words)
	}
	rest := nextUTCDay(now).Sub(now)
	gap := rest / time.Duration(left)
	return gap, fmt.Sprintf("request budget: %d left today (%s), one request per %s", left, st.spent(), gap.Round(time.Second))
}

func (s BudgetStatus) spent() string {
	if s.AccountKnown && (s.Cap == 0 || s.AccountRemaining < s.Cap-s.Used) {
		if s.AccountLimit <= 0 {
			return fmt.Sprintf("account: %d left", s.AccountRemaining)
		}
		return fmt.Sprintf("account: %d of %d left", s.AccountRemaining, s.AccountLimit)
	}
	return fmt.Sprintf("%d of --budget %d used", s.Used, s.Cap)
}

// Delay postpones next, a poll that will send n requests, so that polls
// spaced like this one make today's budget last; last is when the
// previous poll was sent. A poll that fits is returned unchanged.
func (b *Budget) Delay(next model.Next, last time.Time, n int) model.Next {
	gap, why := b.Spacing()
	if gap == 0 {
		return next
	}
	if st := b.Status(); st.Left() == 0 {
		// Spent: the gap runs from now to when requests may go again;
		// counted from the last poll it would end early, to be refused.
		until, _ := st.Resume(b.now())
		return next.Later(until, why)
	}
	return next.Later(last.Add(gap*time.Duration(max(n, 1))), why)
}

func nextUTCDay(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour) }

// budgetMeter counts the requests that reach the wire against the
// budget and reads the account's quota from the answers.
type budgetMeter struct {
	base http.RoundTripper
	b    *Budget
}

func (m budgetMeter) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := m.b.take(); err != nil {
		if req.Body != nil {
			req.Body.Close() // a RoundTripper must close it, even on error
		}
		return nil, err
	}
	resp, err := m.base.RoundTrip(req)
	if err == nil {
		m.b.observe(resp.StatusCode, resp.Header)
	}
	return resp, err
}
