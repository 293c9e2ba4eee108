package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/qostop/qostop/model"
)

// OverviewKeyMap is the overview's keys beyond the table's: what the
// media columns show, and which way the sort runs (s, the column, is the
// table's).
type OverviewKeyMap struct {
	Shown   key.Binding // latency, jitter, loss, bitrate in turn
	Reverse key.Binding
}

// DefaultOverviewKeyMap is qostop's overview keys.
func DefaultOverviewKeyMap() OverviewKeyMap {
	return OverviewKeyMap{
		Shown:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "lat/jit/loss/kbps")),
		Reverse: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse sort")),
	}
}

// overviewLegend is what the overview's cells mean and how the diagnosis
// line reads the room, for the full help (?): the same words the code
// follows, model.DiagnosisRules.
func overviewLegend(up, down string) string {
	var b strings.Builder
	b.WriteString(up + " send, " + down + " receive, as the participant's client sees it. " +
		"* warn, ! critical: qostop's thresholds, the one judgement drawn in colour; " +
		"? after a reading, drawn dim: older than the stale rule (STALE in the header and the bar); " +
		"\"zoom health\" is Zoom's own word, shown as Zoom said it. " +
		"\"worst now\" names each reading past warn, worst first, as many as fit (+2: two more), or says good; " +
		"rows sort by the first, how far past its threshold it is, " +
		"then by the share of the last 30 samples spent at warn or worse, then by name. " +
		"In a meeting that is over, \"whole call\" is the share of each call spent at warn or worse, " +
		"worst first, and the media columns are each one's last reading. " +
		"From 140 columns: latency, jitter and loss side by side, each the worst medium and direction; " +
		"est. MOS, each audio direction's E-model estimate from Zoom's figures (- when an input is missing); " +
		"the worst reading's last 30 minutes, a minute a cell, full height at its critical limit, " +
		"blank: no sample that minute.\n")
	b.WriteString("The diagnosis line:")
	for _, r := range model.DiagnosisRules() {
		b.WriteString("\n- " + r)
	}
	return b.String()
}
