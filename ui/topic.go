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

// topicCmd asks for the topic of the meeting t names, when it has none.
func topicCmd(ctx context.Context, src Source, t target) tea.Cmd {
	if t.meetingID == "" || strings.TrimSpace(t.topic) != "" {
		return nil
	}
	id, typ := t.meetingID, t.typ
	return func() tea.Msg {
		mt, err := src.Meeting(ctx, id, typ)
		if err != nil || strings.TrimSpace(mt.Topic) == "" {
			return nil
		}
		return topicMsg{meetingID: id, topic: model.Sanitize(mt.Topic)}
	}
}

// titled is a screen that names its meeting.
type titled interface{ setTopic(meetingID, topic string) }

func (m *overviewModel) setTopic(meetingID, topic string) {
	if m.t.meetingID == meetingID && m.t.topic == "" {
		m.t.topic = topic
		m.header = m.headerText()
		m.rebuild()
	}
}

func (m *watchModel) setTopic(meetingID, topic string) {
	if m.t.meetingID == meetingID && m.t.topic == "" {
		m.t.topic = topic
		m.rebuild()
	}
}
