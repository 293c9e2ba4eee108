package model_test

import (
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

// Diagnosis.Rule names the rule that read the roster, so a report can
// quote it: each case's rule text says what the case shows.
func TestDiagnosisRuleSaysWhichRuleFired(t *testing.T) {
	rules := model.DiagnosisRules()
	for _, tc := range []struct {
		name     string
		ps       []model.DiagnosisInput
		rule     int
		ruleSays string
	}{
		{"none degraded", many(3, "SC"), 0, "Degraded means"},
		{"one", append(many(2, "SC"), bad("Bob", sendBad, "SC", "Wired", "")), 1, "One degraded"},
		{"the sender", append(many(3, "SC"), bad("Bob", videoOut, "SC", "Wifi", "Leeds"),
			bad("Alice", videoIn, "DE", "Wired", "Oakland")), 2, "likely the sender"},
		{"shared data center", append(many(4, "SC"), bad("A", bothBad, "SC Top", "Wifi", "Oakland"),
			bad("B", bothBad, "SC Top", "Wired", "Berlin")), 3, "share a data center"},
		{"all only on receive", append(many(3, "SC"), model.DiagnosisInput{Name: "A", Degraded: recvBad, DataCenter: "SC"},
			model.DiagnosisInput{Name: "B", Degraded: videoIn, DataCenter: "DE"}), 5, "all only on receive"},
		{"no rule matched", append(many(3, "SC"), bad("Bob", videoOut, "SC", "Wifi", "Leeds"),
			bad("Alice", recvBad, "DE", "Wired", "Oakland")), 0, "Degraded means"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := model.Diagnose(tc.ps)
			if d.Rule != tc.rule || !strings.Contains(rules[d.Rule], tc.ruleSays) {
				t.Errorf("%q: rule %d (%q), want %d, which says %q", d, d.Rule, rules[d.Rule], tc.rule, tc.ruleSays)
			}
		})
	}
}
