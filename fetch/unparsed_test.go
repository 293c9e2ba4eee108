package fetch

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

// A text field of the wrong JSON type is shown as missing and counted in
// unparsed_values, like a metric Zoom sent that cannot be read: the
// export must not pass off a name Zoom sent as a number as no name.
func TestNonStringTextCountedAsUnparsed(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"user_id":"7","user_name":42,"email":{"a":1},"device":["Mac"],"location":true,`+
			`"health":null,"issue_list":["audio",5,{"x":1}],"id":{"n":1},"user_qos":[]}`)
	})
	p, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
	if err != nil {
		t.Fatal(err)
	}
	// user_name, email, device, location, id, two issue_list items;
	// null is absent, not wrong.
	if p.Unparsed != 7 {
		t.Errorf("Unparsed %d, want 7", p.Unparsed)
	}
	if p.UserName != "" || p.Email != "" || len(p.IssueList) != 1 {
		t.Errorf("participant %+v", p)
	}
	b, _ := json.Marshal(model.NewSnapshot("1", model.Live, p))
	if !strings.Contains(string(b), `"unparsed_values":7`) {
		t.Errorf("snapshot JSON lacks unparsed_values 7: %s", b)
	}
	f = newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"user_id":"7","issue_list":"audio"}`)
	})
	if p, _ = f.client().ParticipantQoS(bg, "1", "7", model.Live); p.Unparsed != 1 {
		t.Errorf("issue_list not a list: Unparsed %d, want 1", p.Unparsed)
	}
}
