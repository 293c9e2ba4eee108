package chrome

import (
	"cmp"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// HeaderInfo is who and what the watch screen is about.
type HeaderInfo struct {
	Participant      model.Participant
	MeetingID, Topic string
	Trail            []string       // screens that led here; the topic is the last
	Badge            Badge          // LIVE, PAST, ENDED, NOT FOUND...: what Zoom said last
	Loc              *time.Location // where times are shown; nil is UTC
}

// Header draws one to three lines, each cut to width:
//
//	name, the badge (LIVE, PAST, ENDED, NOT FOUND...), when they left, Zoom's health and issue list
//	device, client and version, OS, network type, location, data center
//	meeting topic and ID, or the breadcrumbs that led here and the ID
//
// Lines with nothing to say are left out. Every text from Zoom passes
// through model.Sanitize: a display name can carry escape sequences.
func Header(h HeaderInfo, st theme.Styles, width int) string {
	if width <= 0 {
		return ""
	}
	sep := st.Muted.Render(Sep(st))
	lines := []string{strings.Join(whoParts(h, st), "  ")}
	if second := machineParts(h.Participant, st); len(second) > 0 {
		lines = append(lines, strings.Join(second, sep))
	}
	if third := wayParts(h, st); len(third) > 0 {
		lines = append(lines, strings.Join(third, sep))
	}
	return TruncLines(strings.Join(lines, "\n"), width, st)
}

// whoParts are the first line's: name, badge, when they left, Zoom's
// health and issues.
func whoParts(h HeaderInfo, st theme.Styles) []string {
	p := h.Participant
	first := []string{st.Title.Render(model.DisplayName(p))}
	// LIVE is the meeting's, but beside "left 11:44" it reads as the person's.
	if h.Badge.Text != "" && (h.Badge.Text != "LIVE" || !p.Left()) {
		first = append(first, h.Badge.Render(st))
	}
	if p.Left() {
		first = append(first, st.Muted.Render("left "+p.LeaveTime.In(cmp.Or(h.Loc, time.UTC)).Format("15:04")))
	}
	if health := model.Sanitize(p.Health); health != "" {
		// Zoom's word, as Zoom's and uncoloured: qostop's levels are the
		// one judgement on screen, and the two can disagree.
		first = append(first, st.Muted.Render("zoom health ")+st.Text.Render(health))
	}
	var issues []string
	for _, s := range p.IssueList {
		if s = model.Sanitize(s); s != "" {
			issues = append(issues, s)
		}
	}
	if len(issues) > 0 {
		first = append(first, st.Muted.Render("issues ")+st.Level(model.Warn).Render(strings.Join(issues, ", ")))
	}
	return first
}

// machineParts are the second line's: device, client, OS, network,
// location, data center.
func machineParts(p model.Participant, st theme.Styles) []string {
	var second []string
	client := strings.TrimSpace(model.Sanitize(p.Client) + " " + model.Sanitize(p.Version))
	device, osName := model.Sanitize(p.Device), model.Sanitize(p.OS)
	if strings.EqualFold(device, osName) {
		osName = "" // Zoom often names a Mac's device and OS alike: say it once
	}
	for _, part := range []string{device, client, osName,
		model.Sanitize(p.NetworkType), model.Sanitize(p.Location)} {
		if part != "" {
			second = append(second, st.Text.Render(part))
		}
	}
	if dc := model.Sanitize(p.DataCenter); dc != "" {
		second = append(second, st.Muted.Render("data center ")+st.Text.Render(dc))
	}
	return second
}

// wayParts are the third line's: the breadcrumbs or the topic, and the
// meeting's ID.
func wayParts(h HeaderInfo, st theme.Styles) []string {
	var third []string
	if len(h.Trail) > 0 {
		third = append(third, Trail(append(h.Trail[:len(h.Trail):len(h.Trail)], model.DisplayName(h.Participant)), st))
	} else if topic := model.Sanitize(h.Topic); topic != "" {
		third = append(third, st.Text.Render(topic))
	}
	// Breadcrumbs through an untitled meeting already name it by its ID.
	if id := model.Sanitize(h.MeetingID); id != "" && (len(h.Trail) == 0 || strings.TrimSpace(h.Topic) != "") {
		third = append(third, st.Muted.Render("meeting ")+st.Text.Render(id))
	}
	return third
}

// Sep is the separator between the header's parts.
func Sep(st theme.Styles) string { return st.Glyphs().Sep }
