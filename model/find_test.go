package model_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

func TestFindParticipant(t *testing.T) {
	roster := []model.Participant{
		{UserID: "16778241", UserName: "Alice Chen", Email: "alice.chen@example.com"},
		{UserID: "16778242", UserName: "Bob Okafor"},
		{UserID: "16779267", UserName: "Inês Duarte"},
		{UserID: "16779268", UserName: "Alicia Keys"},
		{UserID: "16778242", UserName: "Bob Okafor (rejoined)"},
		{UserID: "", UserName: "Nobody Without An ID"},
		{UserID: "16779300", UserName: "ALICE CHEN-WONG"},
		{UserID: "16779301", UserName: "Dup Name", Email: "dup1@example.com"},
		{UserID: "16779302", UserName: "dup  name", Email: "dup2@example.com"},
	}
	for _, tc := range []struct{ query, want string }{
		{"16778241", "16778241"},
		{"alice chen", "16778241"}, // the whole name beats the prefix of "ALICE CHEN-WONG"
		{"  Alice   Chen ", "16778241"},
		{"ALICE.CHEN@example.com", "16778241"},
		{"ines", "16779267"},
		{"INÊS D", "16779267"},
		{"alicia", "16779268"},
		{"bob", "16778242"}, // two rows, one person
		{"dup2@example.com", "16779302"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			p, err := model.FindParticipant(roster, tc.query, "meeting 1")
			if err != nil || p.UserID != tc.want {
				t.Fatalf("FindParticipant(%q) = %q, %v; want %s", tc.query, p.UserID, err, tc.want)
			}
		})
	}
	if p, _ := model.FindParticipant(roster, "bob", ""); p.UserName != "Bob Okafor (rejoined)" {
		t.Errorf("a rejoin: got row %q; want the last one", p.UserName)
	}
}

func TestFindParticipantAmbiguousOrUnknown(t *testing.T) {
	roster := []model.Participant{
		{UserID: "1", UserName: "Alice Chen"},
		{UserID: "2", UserName: "Alicia \x1b[2JKeys"},
		{UserID: "3", UserName: "Dup Name"},
		{UserID: "4", UserName: "dup name"},
	}
	_, err := model.FindParticipant(roster, "ali", "meeting 1")
	var amb *model.AmbiguousParticipantError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Fatalf("ali: %v; want two candidates", err)
	}
	msg := err.Error()
	for _, want := range []string{"Alice Chen (1)", "Alicia Keys (2)", "could be 2 people"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q; want %q in it", msg, want)
		}
	}
	if strings.ContainsAny(msg, "\x1b\n") {
		t.Errorf("error %q: not one clean line", msg)
	}
	if _, err := model.FindParticipant(roster, "Dup Name", ""); !errors.As(err, &amb) {
		t.Errorf("two people with one name: %v; want ambiguous", err)
	}
	for _, q := range []string{"zed", "", "chen", "5"} {
		_, err := model.FindParticipant(roster, q, "meeting 1")
		var none *model.NoParticipantError
		if !errors.As(err, &none) || !strings.Contains(err.Error(), "nobody in meeting 1") {
			t.Errorf("%q: %v; want nobody found", q, err)
		}
	}
}
