package sim

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// reply is a response computed before it is written, so that a fault can
// still cut, corrupt or delay it.
type reply struct {
	status int
	header http.Header
	body   []byte
	served *served // the samples it carries, when Options.TrackServed
}

// badUTF8 is what a hostile name carries on the wire. encoding/json would
// replace invalid bytes with U+FFFD, so names hold badUTF8Sentinel instead
// and encode swaps the raw bytes in after marshalling.
const (
	badUTF8         = "\xff\xfe"
	badUTF8Sentinel = "\ue000bad-utf8\ue000"
)

// encode marshals v the way Zoom does (no HTML escaping) and restores the
// invalid UTF-8 that hostile names are meant to carry.
func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only a bug in the wire structs gets here; answer as Zoom does to
		// an internal error rather than with a half-written body.
		return []byte(`{"code":500,"message":"Internal Error"}`)
	}
	out := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	return bytes.ReplaceAll(out, []byte(badUTF8Sentinel), []byte(badUTF8))
}

func jsonReply(status int, v any) reply {
	h := http.Header{}
	h.Set("Content-Type", "application/json;charset=UTF-8")
	return reply{status: status, header: h, body: encode(v)}
}

// apiError is the shape of every API error Zoom sends.
type apiError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func errorReply(status, code int, msg string) reply {
	return jsonReply(status, apiError{Code: code, Message: msg})
}

func badRequest(msg string) reply { return errorReply(http.StatusBadRequest, 300, msg) }

func meetingNotFound(id string) reply {
	return errorReply(http.StatusNotFound, 3001, "Meeting does not exist: "+id+".")
}

func invalidToken() reply {
	return errorReply(http.StatusUnauthorized, 124, "Invalid access token.")
}

func (r reply) write(w http.ResponseWriter) {
	for k, vs := range r.header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(r.body)))
	w.WriteHeader(r.status)
	_, _ = w.Write(r.body)
}
