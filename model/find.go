package model

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// People say "alice chen" or "Ines" on a bridge, not a user_id. FindParticipant
// picks the one participant of a roster that such a reference names, and
// says who else it could be when it names several.

// NoParticipantError: nobody in the roster matches the reference.
type NoParticipantError struct {
	Query string // sanitized
	Where string // "meeting 85012345678"
}

func (e *NoParticipantError) Error() string {
	return "participant \"" + e.Query + "\": nobody in " + e.Where + " has that user_id, email or name; " +
		"want a user_id, a name (or the unique start of one) or an email"
}

// AmbiguousParticipantError: the reference names more than one person.
type AmbiguousParticipantError struct {
	Query      string        // sanitized
	Candidates []Participant // one per user_id, roster order
}

func (e *AmbiguousParticipantError) Error() string {
	names := make([]string, 0, len(e.Candidates))
	for _, p := range e.Candidates {
		names = append(names, strings.TrimSpace(Sanitize(p.UserName))+" ("+Sanitize(p.UserID)+")")
	}
	return "participant \"" + e.Query + "\" could be " + strconv.Itoa(len(names)) + " people: " +
		strings.Join(names, ", ") + "; give more of the name, or the ID in brackets"
}

// FindParticipant returns the participant of roster that query names: a
// user_id exactly, else an email (any case), else a name compared without
// case or accents ("ines" finds "Inês Duarte"), whole or as the unique
// start of one. Rows with the same user_id (a rejoin) are one person,
// the last row standing for them. where names the meeting in errors.
func FindParticipant(roster []Participant, query, where string) (Participant, error) {
	q := strings.TrimSpace(query)
	people := byUser(roster)
	for _, p := range people {
		if q != "" && p.UserID == q {
			return p, nil
		}
	}
	if strings.Contains(q, "@") {
		if hit := matches(people, func(p Participant) bool { return p.Email != "" && strings.EqualFold(p.Email, q) }); len(hit) > 0 {
			return pickOne(hit, q)
		}
	}
	fq := foldName(q)
	if fq != "" {
		if hit := matches(people, func(p Participant) bool { return foldName(p.UserName) == fq }); len(hit) > 0 {
			return pickOne(hit, q)
		}
		if hit := matches(people, func(p Participant) bool { return strings.HasPrefix(foldName(p.UserName), fq) }); len(hit) > 0 {
			return pickOne(hit, q)
		}
	}
	return Participant{}, &NoParticipantError{Query: Sanitize(q), Where: where}
}

func pickOne(hit []Participant, q string) (Participant, error) {
	if len(hit) == 1 {
		return hit[0], nil
	}
	return Participant{}, &AmbiguousParticipantError{Query: Sanitize(q), Candidates: hit}
}

// byUser keeps one row per user_id, the last, in the order each first
// appeared. Rows without a user_id cannot be asked for and are left out.
func byUser(roster []Participant) []Participant {
	at := map[string]int{}
	var out []Participant
	for _, p := range roster {
		if strings.TrimSpace(p.UserID) == "" {
			continue
		}
		if i, ok := at[p.UserID]; ok {
			out[i] = p
			continue
		}
		at[p.UserID] = len(out)
		out = append(out, p)
	}
	return out
}

func matches(people []Participant, ok func(Participant) bool) []Participant {
	var hit []Participant
	for _, p := range people {
		if ok(p) {
			hit = append(hit, p)
		}
	}
	return hit
}

// foldName is a name compared as people type it: sanitized, accents
// removed (NFD, then no combining marks), case folded, runs of spaces
// made one.
func foldName(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, Sanitize(s))
	if err != nil {
		out = s
	}
	return strings.Join(strings.Fields(cases.Fold().String(out)), " ")
}
