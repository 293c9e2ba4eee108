package fetch

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/qostop/qostop/model"
)

// The participant decoders walk the answer token by token (encoding/json
// Decoder.Token) instead of unmarshalling it whole, for memory: one
// answer under the 64 MiB body cap can hold 850,000 samples, and turning
// each into a json.RawMessage, a map and a model.Sample cost ~40x the
// answer (2.8 GB) before the history's cap threw all but a day away.
// Here each sample is decoded alone and the newest model.DefaultHistoryCap
// are kept as they come (sampleKeeper), so an answer costs a few times
// its size.

// errNotObject: every endpoint answers with a JSON object. null would
// read as an empty participant or an empty page, so it is refused like
// any other wrong shape.
var errNotObject = errors.New("the answer is not a JSON object")

// objectDecoder checks that body is one valid JSON object, cuts its long
// strings (cutLongStrings, in place), and returns a decoder just inside it. An invalid body gets json.Unmarshal's
// *json.SyntaxError, whose offset decodeError reads.
func objectDecoder(body []byte) (*json.Decoder, error) {
	if !json.Valid(body) {
		var v struct{}
		if err := json.Unmarshal(body, &v); err != nil {
			return nil, err
		}
		return nil, errNotObject // unreachable: Unmarshal validates as Valid does
	}
	cutLongStrings(body)
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		return nil, errNotObject
	}
	return dec, nil
}

// decodeParticipant reads the single-participant QoS answer.
func decodeParticipant(body []byte) (model.Participant, error) {
	dec, err := objectDecoder(body)
	if err != nil {
		return model.Participant{}, err
	}
	return participantObject(dec)
}

// DecodeQoSParticipant reads body, one participant in the shape of the
// participant QoS answer ({id, user_id, user_name, …, user_qos: […]}), as
// ParticipantQoS does: the same unit parsing, string caps (body is cut in
// place) and cleaning. The push decoder (fetch/qss) rebuilds each pushed
// event in this shape, so a pushed sample and a polled one are read by
// one piece of code.
func DecodeQoSParticipant(body []byte) (model.Participant, error) { return decodeParticipant(body) }

// decodeParticipantPage reads one page of /participants or
// /participants/qos and returns its next_page_token and at most most
// participants (0: all). An item that is not an object is skipped: there
// is nothing to show. Past most, items are skipped unread: one 40 MiB
// page of 100,000 people, all turned into model.Participants before the
// cap threw 99,000 away, took 460 MB.
func decodeParticipantPage(body []byte, most int) ([]model.Participant, string, error) {
	var out []model.Participant
	next, err := walkPage(body, "participants", func(dec *json.Decoder) error {
		if most > 0 && len(out) >= most {
			return dec.Decode(&skipper)
		}
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			p, err := participantObject(dec)
			if err != nil {
				return err
			}
			out = append(out, p)
		case json.Delim('['):
			return skipRest(dec)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return out, next, nil
}

// decodeMeetingPage reads one page of /metrics/meetings. Meetings carry no
// samples, so each item is unmarshalled whole; one that does not fit is
// skipped.
func decodeMeetingPage(body []byte) ([]model.Meeting, string, error) {
	return decodeListPage(body, model.KindMeeting)
}

// decodeWebinarPage reads one page of /metrics/webinars: the same rows
// under "webinars".
func decodeWebinarPage(body []byte) ([]model.Meeting, string, error) {
	return decodeListPage(body, model.KindWebinar)
}

func decodeListPage(body []byte, kind model.Kind) ([]model.Meeting, string, error) {
	var out []model.Meeting
	next, err := walkPage(body, family(model.Ref{Kind: kind}), func(dec *json.Decoder) error {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		var w wireMeeting
		if json.Unmarshal(raw, &w) == nil {
			out = append(out, convertMeeting(w, kind))
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return out, next, nil
}

// walkPage reads a paged answer: its next_page_token, and each item of
// the list under key, which item must consume whole. An absent or null
// list is empty; anything else but a list is an error, because the page
// would silently look empty. Keys match case-insensitively, as
// encoding/json's do.
func walkPage(body []byte, key string, item func(*json.Decoder) error) (string, error) {
	dec, err := objectDecoder(body)
	if err != nil {
		return "", err
	}
	var next text
	for dec.More() {
		k, err := objectKey(dec)
		if err != nil {
			return "", err
		}
		switch {
		case strings.EqualFold(k, "next_page_token"):
			err = dec.Decode(&next)
		case strings.EqualFold(k, key):
			err = list(dec, key, item)
		default:
			err = dec.Decode(&skipper)
		}
		if err != nil {
			return "", err
		}
	}
	return strings.TrimSpace(next.s), nil
}

func list(dec *json.Decoder, key string, item func(*json.Decoder) error) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case nil:
		return nil
	case json.Delim('['):
		for dec.More() {
			if err := item(dec); err != nil {
				return err
			}
		}
		_, err := dec.Token()
		return err
	}
	return errors.New(key + " is not a list")
}

// participantObject reads one participant object whose '{' was read,
// up to and including its '}'.
func participantObject(dec *json.Decoder) (model.Participant, error) {
	var w wireParticipant
	var cv converter
	var keep *sampleKeeper
	for dec.More() {
		k, err := objectKey(dec)
		if err != nil {
			return model.Participant{}, err
		}
		if strings.EqualFold(k, "user_qos") {
			// A repeated key replaces the earlier one, as in encoding/json.
			keep = newSampleKeeper(model.DefaultHistoryCap)
			err = cv.userQoS(dec, keep)
		} else if f := w.field(k); f != nil {
			err = dec.Decode(f)
		} else {
			err = dec.Decode(&skipper)
		}
		if err != nil {
			return model.Participant{}, err
		}
	}
	if _, err := dec.Token(); err != nil { // '}'
		return model.Participant{}, err
	}
	p := cv.participant(w)
	if keep != nil {
		p.Samples = keep.samples()
	}
	p.Unparsed = cv.unparsed
	return p, nil
}

// userQoS reads user_qos: a list of samples or, as in the 2018 schema, a
// single object. null is no samples yet; anything else is unparsed.
func (cv *converter) userQoS(dec *json.Decoder, keep *sampleKeeper) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('['):
		scratch := new(fastSample)
		for dec.More() {
			it := sampleItem{scratch: scratch}
			if err := dec.Decode(&it); err != nil {
				return err
			}
			cv.take(it, keep)
		}
		_, err = dec.Token()
		return err
	case json.Delim('{'):
		// The object's '{' is read: gather its members and decode them
		// as one item (a single sample; the last of a repeated key wins).
		fields := make(map[string]json.RawMessage)
		for dec.More() {
			k, err := objectKey(dec)
			if err != nil {
				return err
			}
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return err
			}
			fields[k] = raw
		}
		if _, err := dec.Token(); err != nil {
			return err
		}
		b, err := json.Marshal(fields)
		if err != nil {
			return err // unreachable: every member was valid JSON
		}
		var it sampleItem
		_ = it.UnmarshalJSON(b)
		cv.take(it, keep)
		return nil
	case nil:
		return nil
	}
	cv.unparsed++
	return nil
}

// take keeps a decoded item's sample and counts what it could not read.
func (cv *converter) take(it sampleItem, keep *sampleKeeper) {
	if it.ok {
		keep.add(it.s)
	}
	cv.unparsed += it.unparsed
}

func objectKey(dec *json.Decoder) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", err
	}
	k, ok := tok.(string)
	if !ok {
		return "", errors.New("an object key is not a string") // unreachable for valid JSON
	}
	return k, nil
}

// skipRest consumes the rest of a list or object whose opening token was
// read.
func skipRest(dec *json.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	return nil
}

// skip consumes a JSON value without keeping it.
type skip struct{}

func (*skip) UnmarshalJSON([]byte) error { return nil }

var skipper skip
