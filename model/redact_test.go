package model_test

import (
	"reflect"
	"testing"

	"github.com/qostop/qostop/model"
)

func TestRedact(t *testing.T) {
	p := model.Participant{
		ID: "_f08HhPJS82MIVLuuFaJPg", UserID: "16778241", UserName: "Alice Chen", Email: "alice@example.com",
		Device: "Mac", Client: "Zoom", OS: "macOS", Location: "Oakland (US)", NetworkType: "Wifi",
		IPAddress: "203.0.113.7", DataCenter: "US (Virginia)", Version: "6.1", PCName: "ALICE-MAC",
		MACAddr: "00:1b:63:84:45:e6", Health: "Warning", IssueList: []string{"audio"},
		Samples: []model.Sample{{}}, Unparsed: 2,
	}
	got := model.Redact(p)
	want := p
	want.UserName, want.Email, want.Location = model.Redacted, model.Redacted, model.Redacted
	want.IPAddress, want.PCName, want.MACAddr = model.Redacted, model.Redacted, model.Redacted
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Redact =\n%+v\nwant\n%+v", got, want)
	}
	if p.UserName != "Alice Chen" {
		t.Error("Redact changed its argument")
	}
	if empty := model.Redact(model.Participant{UserID: "7"}); !reflect.DeepEqual(empty, model.Participant{UserID: "7"}) {
		t.Errorf("empty fields were filled: %+v", empty)
	}
}

func TestRedactMeeting(t *testing.T) {
	m := model.Meeting{ID: "85012345678", Topic: "Incident bridge", Host: "Bob Okafor", Email: "bob@example.com"}
	got := model.RedactMeeting(m)
	if got.Host != model.Redacted || got.Email != model.Redacted || got.Topic != m.Topic || got.ID != m.ID {
		t.Errorf("RedactMeeting = %+v", got)
	}
	if got := model.RedactMeeting(model.Meeting{ID: "1"}); got.Host != "" || got.Email != "" {
		t.Errorf("empty host filled: %+v", got)
	}
}

// A text field added to Participant later must be sorted into hidden or
// kept here, so that --redact cannot silently miss it.
func TestRedactDecidesEveryTextField(t *testing.T) {
	hidden := map[string]bool{"UserName": true, "Email": true, "IPAddress": true, "MACAddr": true, "PCName": true, "Location": true}
	kept := map[string]bool{"ID": true, "UserID": true, "Device": true, "Client": true, "OS": true,
		"NetworkType": true, "DataCenter": true, "Version": true, "Health": true, "IssueList": true}
	var p model.Participant
	v := reflect.ValueOf(&p).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch f.Type.Kind() {
		case reflect.String:
			v.Field(i).SetString("x")
		case reflect.Slice:
			if f.Type.Elem().Kind() != reflect.String {
				continue
			}
		default:
			continue
		}
		if !hidden[f.Name] && !kept[f.Name] {
			t.Errorf("Participant.%s: decide whether Redact hides it", f.Name)
		}
	}
	r := reflect.ValueOf(model.Redact(p))
	for name := range hidden {
		if got := r.FieldByName(name).String(); got != model.Redacted {
			t.Errorf("Redact left %s = %q", name, got)
		}
	}
}
