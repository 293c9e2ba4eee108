package model

import (
	"bufio"
	"encoding/json"
	"io"
)

// WriteMeetingJSON writes NewMeetingSnapshot(meetingID, typ, ps) to w as
// json.Encoder with a two-space indent writes it (snapshot's format),
// exporting and writing one participant at a time: built and marshalled
// whole, a meeting of 90 people with a day of samples each was exported,
// then written as one document, compacted and indented into two more,
// 641 MB at peak.
func WriteMeetingJSON(w io.Writer, meetingID string, typ MeetingType, ps []Participant) error {
	bw := bufio.NewWriter(w)
	ref := RefOf(meetingID) // a webinar's key: its ID and kind, as NewMeetingSnapshot writes them
	id, err := json.Marshal(Clean(ref.ID))
	if err != nil {
		return err
	}
	typJSON, err := json.Marshal(typ)
	if err != nil {
		return err
	}
	bw.WriteString("{\n  \"meeting_id\": ")
	bw.Write(escapeZeroWidth(id))
	bw.WriteString(",\n  \"kind\": \"" + string(ref.Kind) + "\"")
	bw.WriteString(",\n  \"type\": ")
	bw.Write(typJSON)
	bw.WriteString(",\n  \"participants\": [")
	for i, p := range ps {
		b, err := json.MarshalIndent(MeetingParticipant{
			SnapshotParticipant: newSnapshotParticipant(p),
			Samples:             newSnapshotSamples(p.Samples),
		}, "    ", "  ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(escapeZeroWidth(b))
	}
	if len(ps) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}
