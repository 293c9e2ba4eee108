package ui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
)

// A meeting opened by its ID (qostop meeting ID, qostop watch ID P) has
// no topic from the list: it is asked of Zoom once, with GET
// /metrics/meetings/{id}, not with every poll. A failure leaves the ID as
// the name, which is all the screen had.

// topicMsg is a meeting's topic, as Zoom gave it.
type topicMsg struct{ meetingID, topic string }

// topicCmd asks for the topic of the meeting cfg names, when it has none.
func topicCmd(ctx context.Context, cfg Config) tea.Cmd {
	if cfg.MeetingID == "" || strings.TrimSpace(cfg.Topic) != "" {
		return nil
	}
	src, id, typ := cfg.Source, cfg.MeetingID, cfg.Type
	return func() tea.Msg {
		mt, err := src.Meeting(ctx, id, typ)
		if err != nil || strings.TrimSpace(mt.Topic) == "" {
			return nil
		}
		return topicMsg{meetingID: id, topic: model.Sanitize(mt.Topic)}
	}
}

// setTopic names the meeting on the screens that show it.
func (a *app) setTopic(msg topicMsg) {
	if a.onStack(screenOverview) && a.overview.cfg.MeetingID == msg.meetingID && a.overview.cfg.Topic == "" {
		a.overview.cfg.Topic = msg.topic
		a.overview.header = a.overview.headerText()
		a.overview.rebuild()
	}
	if a.onStack(screenWatch) && a.watch.cfg.MeetingID == msg.meetingID && a.watch.cfg.Topic == "" {
		a.watch.cfg.Topic = msg.topic
		a.watch.rebuild()
	}
}
