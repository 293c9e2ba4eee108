package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
	"github.com/qostop/qostop/ui/replay"
)

// `qostop replay`: the screens run on a recording. Its Source answers as
// Zoom had answered by the replay clock's time, and the clock stands in
// for the wall clock (Config.Now) and for the timers (the polls wait on
// it), so every screen draws at a time what it drew live then, by the
// same code. The app adds the clock's keys and its place on the status
// bar; going back in time empties what the screens hold (rewinder).

// Replay is what the screens need to replay a recording.
type Replay struct {
	Clock *replay.Clock
	// Note is what the status bar says of the recording beside the
	// clock: "incomplete recording (cut at line 812)"; "" when whole.
	Note string
	// Markers are the recorded markers, oldest first: each is dropped
	// again as the clock passes its time.
	Markers []model.Marker
}

// ReplayConfig is cfg set to replay rec, whose clock reads the wall
// clock real: the recorded meeting's overview, or the watch screen of
// its participant when it holds only one, under the thresholds it was
// recorded with. It records nothing.
func ReplayConfig(cfg Config, rec model.Recording, real func() time.Time) Config {
	start := rec.First
	if len(rec.Said) > 0 { // from the first answer: before it, the screens had nothing to show
		start = rec.Last
		for _, ss := range rec.Said {
			if ss[0].At.Before(start) {
				start = ss[0].At
			}
		}
		// The whole of it: an answer's participants are written one after
		// another, microseconds apart.
		if whole := start.Add(time.Second).Truncate(time.Second); whole.Before(rec.Last) {
			start = whole
		}
	}
	clk := replay.NewClock(start, rec.Last, real)
	cfg.Source, cfg.Replay = replay.NewSource(rec, clk.Now), &Replay{Clock: clk}
	cfg.MeetingID, cfg.Type, cfg.Thresholds = rec.MeetingID, rec.Type, rec.Thresholds
	cfg.Topic, cfg.Record, cfg.Budget = rec.Meeting.Topic, RecordOff, nil
	if len(rec.Participants) == 1 {
		cfg.ParticipantID = cmp.Or(rec.Participants[0].UserID, rec.Participants[0].ID)
	}
	for _, e := range rec.Timeline {
		if e.Kind == model.RecMarker {
			cfg.Replay.Markers = append(cfg.Replay.Markers, model.Marker{At: e.At, Note: e.Text})
		}
	}
	slices.SortStableFunc(cfg.Replay.Markers, func(a, b model.Marker) int { return a.At.Compare(b.At) })
	if rec.Incomplete {
		cfg.Replay.Note = fmt.Sprintf("incomplete recording (cut at line %d)", rec.CutLine)
	}
	return cfg
}

// ReplayKeyMap is the replay clock's keys, which the app takes before
// the screen: none of them means anything on a screen (space pages a
// table down; pgdown and ctrl+f still do).
type ReplayKeyMap struct {
	Pause, Faster, Slower, Back, On, FarBack, FarOn, Start, End key.Binding
}

// DefaultReplayKeyMap is the replay's keys: [ and ] stay the window's,
// g and G the tables'.
func DefaultReplayKeyMap() ReplayKeyMap {
	return ReplayKeyMap{
		Pause:   key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause the replay")),
		Faster:  key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "faster")),
		Slower:  key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "slower")),
		Back:    key.NewBinding(key.WithKeys(","), key.WithHelp(",", "a minute back")),
		On:      key.NewBinding(key.WithKeys("."), key.WithHelp(".", "a minute on")),
		FarBack: key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "10 minutes back")),
		FarOn:   key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "10 minutes on")),
		Start:   key.NewBinding(key.WithKeys("^"), key.WithHelp("^", "the start")),
		End:     key.NewBinding(key.WithKeys("$"), key.WithHelp("$", "the end")),
	}
}

// replayKey moves the replay clock; ok is false for any other key, or
// when not replaying.
func (a *app) replayKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	r := a.c.cfg.Replay
	if r == nil {
		return nil, false
	}
	k, clk := a.c.rkeys, r.Clock
	jumps := []struct {
		b key.Binding
		d time.Duration
	}{{k.Back, -time.Minute}, {k.On, time.Minute}, {k.FarBack, -10 * time.Minute}, {k.FarOn, 10 * time.Minute}}
	for _, j := range jumps {
		if key.Matches(msg, j.b) {
			return a.replayed(clk.Jump(j.d)), true
		}
	}
	switch st := clk.State(); {
	case key.Matches(msg, k.Start):
		return a.replayed(clk.Seek(st.Start)), true
	case key.Matches(msg, k.End):
		return a.replayed(clk.Seek(st.End)), true
	case key.Matches(msg, k.Pause):
		clk.TogglePause()
	case key.Matches(msg, k.Faster):
		clk.Faster(1)
	case key.Matches(msg, k.Slower):
		clk.Faster(-1)
	default:
		return nil, false
	}
	a.c.clk.Now = a.c.cfg.Now()
	return nil, true
}

// replayed is what a move of the clock does to the screens: gone back,
// each empties what it holds; then every chain asks again at once, and
// an answer on its way, of the time before, is dropped as superseded.
func (a *app) replayed(back bool) tea.Cmd {
	a.c.clk.Now = a.c.cfg.Now()
	var cmds []tea.Cmd
	asked := map[*poll.Chain]bool{}
	for _, s := range a.stack {
		if r, ok := s.(rewinder); ok && back {
			r.rewind()
		}
	}
	a.replayMarkers(back)
	for _, s := range a.stack {
		if ch := s.chain(); !asked[ch] {
			asked[ch] = true
			ch.Inflight = false
			cmds = append(cmds, ch.Refresh())
		}
	}
	return tea.Batch(cmds...)
}

// replayHelp is the full help (?) with the replay clock's keys, when
// replaying.
func (c *common) replayHelp(full [][]key.Binding) [][]key.Binding {
	if c.cfg.Replay == nil {
		return full
	}
	k := c.rkeys
	return append(full, []key.Binding{k.Pause, k.Faster, k.Slower, k.End},
		[]key.Binding{k.On, k.Back, k.FarOn, k.FarBack}, []key.Binding{k.Start})
}

// replayMarkers drops the recorded markers the clock has passed, as the
// user dropped them live; gone back, it starts again from none.
func (a *app) replayMarkers(back bool) {
	r := a.c.cfg.Replay
	marks := a.c.marksOf(a.c.cfg.MeetingID)
	if back {
		marks.Rewind()
		a.replayedMarks = 0
	}
	was := a.replayedMarks
	for ; a.replayedMarks < len(r.Markers) && !r.Markers[a.replayedMarks].At.After(a.c.clk.Now); a.replayedMarks++ {
		marks.Add(r.Markers[a.replayedMarks])
	}
	if a.replayedMarks == was && !back {
		return
	}
	for _, s := range a.stack {
		if m, ok := s.(marked); ok {
			m.marked()
		}
	}
}

// rewinder is a screen that holds what it was told: the replay went
// back, so it forgets.
type rewinder interface{ rewind() }

func (m *watchModel) rewind() {
	m.feed.Rewind()
	m.rebuild()
}

func (m *overviewModel) rewind() {
	m.roster = model.Roster{Over: m.roster.Over}
	m.newest = time.Time{}
	clear(m.memo)
	m.refill()
}

// replayTickMsg moves the screens' clock on with the replay's, once a
// real second: the status bar's clock and the data's age.
type replayTickMsg struct{}

func replayTickCmd() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return replayTickMsg{} })
}

// replaying is si with the replay clock, when replaying: its time as the
// screens last read it (View reads no clock), its end, speed and pause.
func (c *common) replaying(si chrome.StatusInfo) chrome.StatusInfo {
	r := c.cfg.Replay
	if r == nil {
		return si
	}
	st := r.Clock.State()
	times := "×"
	if c.cfg.ASCII {
		times = "x"
	}
	at, end := c.clk.Now, st.End.In(c.clk.Now.Location())
	si.Replay = fmt.Sprintf("REPLAY %s%d %s / %s", times, st.Speed, at.Format("15:04:05"), end.Format("15:04:05"))
	switch {
	case st.Paused:
		si.Replay += ", paused"
	case !at.Before(end):
		si.Replay += ", at the end"
	}
	si.ReplayNote = r.Note
	if ansi.StringWidth(si.Replay+c.ss.Sep+r.Note)+2 > c.width {
		// Both must show, and the bar drops the last of them: say it short.
		si.ReplayNote = strings.Replace(r.Note, "incomplete recording", "incomplete", 1)
	}
	return si
}
