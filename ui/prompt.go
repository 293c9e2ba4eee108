package ui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/report"
)

// The k9s-style prompt: ":" on any screen opens a line at the bottom
// where a command says where to go, without walking the screens:
//
//	:m <link or ID>   a meeting's overview (a join link, "850 1234 5678", a UUID)
//	:wb <link or ID>  a webinar's overview
//	:w <name>         watch someone in the meeting on screen (tab completes the name)
//	:rooms            the Zoom Rooms
//	:webinars         the meeting list, filtered to the webinars
//
// What a command cannot open is said in the help line's place, as t and
// y say what they did; nothing is sent for a reference that cannot be a
// meeting (model.ParseRef).

// prompt is the line being typed; the app holds one while it is open.
type prompt struct {
	text string
	// marker is the meeting a marker's note is typed for (M, marker.go);
	// "" for a command.
	marker string
}

// promptCommands are the commands tab completes.
var promptCommands = []string{"m ", "wb ", "w ", "rooms", "webinars"}

// promptKey types into the open prompt: enter runs it, esc closes it,
// tab completes a command or a name of the roster on screen.
func (a *app) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := a.prompt
	switch msg.String() {
	case "esc":
		a.prompt = nil
	case "enter":
		a.prompt = nil
		if p.marker != "" {
			return a.markCmd(p.marker, p.text)
		}
		return a.runPrompt(strings.TrimSpace(p.text))
	case "backspace":
		if r := []rune(p.text); len(r) > 0 {
			p.text = string(r[:len(r)-1])
		}
	case "tab":
		if p.marker == "" {
			p.text = a.complete(p.text)
		}
	default:
		if t := msg.Key().Text; t != "" && (p.marker == "" || len([]rune(p.text)) < model.MaxMarkerNote) {
			p.text += t
		}
	}
	return nil
}

// runPrompt opens what line asks for, or says why it cannot.
func (a *app) runPrompt(line string) tea.Cmd {
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch cmd {
	case "m", "meeting", "wb", "webinar":
		kind := model.KindMeeting
		if cmd == "wb" || cmd == "webinar" {
			kind = model.KindWebinar
		}
		ref, err := model.ParseRef(arg, kind)
		if err != nil {
			a.notice = err.Error()
			return nil
		}
		return a.push(newOverview(a.c, target{meetingID: ref.Key(), typ: model.Live, trail: []string{":" + cmd}}))
	case "w", "watch":
		ov := a.nearestOverview()
		if ov == nil {
			a.notice = ":w watches someone in the meeting on screen: open one first (:m ID)"
			return nil
		}
		p, err := model.FindParticipant(ov.people(), arg, ov.t.noun()+" "+ov.t.shownID())
		if err != nil {
			a.notice = err.Error()
			return nil
		}
		return a.push(ov.watchOf(p))
	case "rooms":
		return a.push(newRooms(a.c))
	case "webinars":
		m := newMeetings(a.c)
		m.setFilter("[webinar]")
		return a.push(m)
	case "":
		return nil
	}
	a.notice = "unknown command :" + report.Text(cmd) + "; want :m ID, :wb ID, :w NAME, :rooms or :webinars"
	return nil
}

// nearestOverview is the overview on top, or the one under the screens
// opened from it.
func (a *app) nearestOverview() *overviewModel {
	for _, s := range slices.Backward(a.stack) {
		if ov, ok := s.(*overviewModel); ok {
			return ov
		}
	}
	return nil
}

// people is the roster as participants, for :w.
func (m *overviewModel) people() []model.Participant {
	ps := make([]model.Participant, 0, len(m.roster.Members))
	for _, mb := range m.roster.Members {
		ps = append(ps, mb.P)
	}
	slices.SortFunc(ps, func(a, b model.Participant) int { return strings.Compare(a.UserName, b.UserName) })
	return ps
}

// complete finishes a command, or after "w " a name of the nearest
// overview's roster: the whole name when one fits, else what all those
// that fit share.
func (a *app) complete(text string) string {
	cmd, arg, spaced := strings.Cut(text, " ")
	var words []string
	prefix := ""
	switch {
	case !spaced:
		words, arg = promptCommands, cmd
	case cmd == "w" || cmd == "watch":
		if ov := a.nearestOverview(); ov != nil {
			for _, p := range ov.people() {
				if n := model.Sanitize(p.UserName); n != "" {
					words = append(words, n)
				}
			}
		}
		prefix = cmd + " "
	default:
		return text
	}
	var fit []string
	for _, w := range words {
		if strings.HasPrefix(strings.ToLower(w), strings.ToLower(arg)) {
			fit = append(fit, w)
		}
	}
	if len(fit) == 0 {
		return text
	}
	common := fit[0]
	for _, w := range fit[1:] {
		for !strings.HasPrefix(strings.ToLower(w), strings.ToLower(common)) {
			common = string([]rune(common)[:len([]rune(common))-1])
		}
	}
	if len([]rune(common)) < len([]rune(arg)) {
		return text
	}
	return prefix + common
}

// promptLine is the prompt as drawn in the help line's place.
func (a *app) promptLine() string {
	if a.prompt.marker != "" {
		// The end of a note too long for the line, where the typing is;
		// the hint goes first (noticeCut).
		const label = "marker note: "
		text := []rune(report.Text(a.prompt.text))
		if room := a.c.width - len(label) - 2; room > 1 && len(text) > room {
			text = append([]rune("…"), text[len(text)-room+1:]...)
		}
		return a.c.st.Accent.Render(label) + a.c.st.Text.Render(string(text)) + a.c.st.Muted.Render("█") + noticeCut +
			a.c.st.Muted.Render("  enter: drop it (empty: \""+model.DefaultMarkerNote+"\"), esc: none")
	}
	return a.c.st.Accent.Render(":") + a.c.st.Text.Render(report.Text(a.prompt.text)) + a.c.st.Muted.Render("█")
}
