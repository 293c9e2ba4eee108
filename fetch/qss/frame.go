package qss

import (
	"bytes"
	"encoding/json"
)

// The modules of the frames Zoom's QSS WebSocket exchanges.
const (
	ModuleBuild     = "build_connection" // the server's first frame: success or not
	ModuleMessage   = "message"          // an event, its JSON as a string in content
	ModuleHeartbeat = "heartbeat"        // the client's keep-alive, and the server's answer
)

// Frame is one message of the WebSocket.
type Frame struct {
	Module  string
	Success bool
	// Content is a message's event JSON (decoded from the string it
	// arrives as, or taken as is when Zoom sends an object), or, for
	// anything else, the server's words (cleaned and capped): why a
	// build_connection failed.
	Content []byte
}

type wireFrame struct {
	Module  str             `json:"module"`
	Success flagValue       `json:"success"`
	Content json.RawMessage `json:"content"`
}

// flagValue is a JSON bool, or "true": anything else is false.
type flagValue bool

func (f *flagValue) UnmarshalJSON(b []byte) error {
	*f = string(bytes.Trim(b, `"`)) == "true"
	return nil
}

// ParseFrame reads one WebSocket message. A message whose content is a
// string is decoded twice (Zoom's form); an object is taken as the event.
func ParseFrame(b []byte) (Frame, error) {
	if len(b) > MaxEvent || !json.Valid(b) {
		return Frame{}, ErrNotEvent
	}
	var w wireFrame
	if json.Unmarshal(b, &w) != nil {
		return Frame{}, ErrNotEvent
	}
	f := Frame{Module: capText(w.Module.s), Success: bool(w.Success)}
	c := bytes.TrimSpace(w.Content)
	switch {
	case len(c) > 0 && c[0] == '"':
		var s string
		if json.Unmarshal(c, &s) != nil {
			return Frame{}, ErrNotEvent
		}
		f.Content = []byte(s)
	case len(c) > 0 && c[0] == '{':
		f.Content = c
	}
	if f.Module != ModuleMessage {
		f.Content = []byte(capText(string(f.Content)))
	}
	return f, nil
}
