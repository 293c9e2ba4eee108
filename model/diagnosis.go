package model

import (
	"strconv"
	"strings"
)

// DiagnosisInput is what the diagnosis line needs to know of one
// participant now. Name is quoted verbatim: the caller passes it already
// sanitised, and already redacted or pseudonymised when the screen is.
// Text fields Zoom left empty, or that redaction replaced with Redacted,
// are unknown and never count as a shared trait.
type DiagnosisInput struct {
	Name        string
	Degraded    Degradation // what is at Warn or worse now; 0 is healthy
	NoData      bool        // nothing was judged now: neither healthy nor degraded
	DataCenter  string
	NetworkType string // Zoom's network_type: Wired, Wifi, PPP, Cellular, Others
	Location    string
	Device      string
	// Evidence is what the machine showed past warn at the same minute:
	// "weak Wi-Fi -82 dBm", "CPU 97%" (wifiCPU).
	Evidence []string
}

// DiagnosisInputOf describes p for Diagnose from its current sample (the
// zero Sample when there is none or it is too old to trust). p is the
// participant as the screen shows it, redacted when the screen is, and
// name the name shown for them, already sanitised (a pseudonym under R).
func (t Thresholds) DiagnosisInputOf(p Participant, name string, current Sample) DiagnosisInput {
	_, judged := t.WorstReading(current)
	return DiagnosisInput{Name: name, Degraded: t.DegradationOf(current), NoData: !judged,
		DataCenter: p.DataCenter, NetworkType: p.NetworkType, Location: p.Location, Device: p.Device,
		Evidence: t.machineEvidence(current)}
}

// machineEvidence names the Wi-Fi signal and the system CPU of s when they
// are past warn: a cause the diagnosis can name rather than guess at.
func (t Thresholds) machineEvidence(s Sample) []string {
	var out []string
	if v := s.WiFi.AvgRSSIdBm; t.Level(WiFiRSSI, v) >= Warn {
		out = append(out, "weak Wi-Fi "+WiFiRSSI.Format(v.V))
	}
	if v := s.CPU.SystemMaxPct; t.Level(SystemCPU, v) >= Warn {
		out = append(out, "CPU "+SystemCPU.Format(v.V))
	}
	return out
}

// Diagnosis is the overview header's one-line reading of who is degraded
// and what they share. Parts are joined by the UI with its own separator
// (String uses " · "), so an ASCII screen can use another.
type Diagnosis struct {
	Degraded, Total int
	Parts           []string
	// Rule is the index in DiagnosisRules of the rule that read the
	// degraded participants; 0, the definition, when none did (nobody
	// degraded, or no rule matched).
	Rule int
}

// String joins the parts with " · ".
func (d Diagnosis) String() string { return d.Text(" · ") }

// Text joins the parts with sep.
func (d Diagnosis) Text(sep string) string { return strings.Join(d.Parts, sep) }

// diagnosisRules is what Diagnose does, in its order, worded for the help
// screen. Each rule claims only what every degraded participant shows:
// a guess that holds for some of them would send the on-call engineer
// after the wrong person.
var diagnosisRules = [...]string{
	"Degraded means some send or receive reading (latency, jitter, loss) is at warn or worse now; " +
		"a participant with no reading now is counted as \"without readings\", never as healthy.",
	"One degraded: their name, network and location, and which directions; if at least one other " +
		"participant is healthy, send and receive or receive only is \"likely their own network\", " +
		"send only \"likely their own network or computer\"; Wi-Fi signal or system CPU past warn at the " +
		"same minute is named (\"weak Wi-Fi -82 dBm\", \"CPU 97%\").",
	"Two or more degraded, exactly one of them degraded on send, and each of the others degraded only " +
		"on receiving media that person sends badly: \"likely the sender\", named.",
	"Two or more degraded who all share a data center, network type, location or device: \"all N on\" it, " +
		"claimed only if a healthy participant has a different known value, or nobody is healthy.",
	"At least 3 and more than half degraded, on at least two data centers and two network types: " +
		"\"likely Zoom or the meeting's region\", since no one network or site explains it.",
	"Two or more degraded, all only on receive or all only on send, and no rule above: that is said, " +
		"with no cause claimed.",
}

// DiagnosisRules returns the rules Diagnose applies, in order, for the
// help screen to quote.
func DiagnosisRules() []string { return append([]string(nil), diagnosisRules[:]...) }

// Diagnose reads the roster as the rules in DiagnosisRules say, e.g.
// "3 of 7 degraded · all 3 on data center SC Top",
// "1 of 7 degraded: Alice Chen (Wifi, Oakland) · send and receive: likely
// their own network", or "none of 42 degraded".
func Diagnose(ps []DiagnosisInput) Diagnosis {
	var bad, healthy []DiagnosisInput
	noData := 0
	for _, p := range ps {
		switch {
		case p.Degraded != 0:
			bad = append(bad, p)
		case p.NoData:
			noData++
		default:
			healthy = append(healthy, p)
		}
	}
	d := Diagnosis{Degraded: len(bad), Total: len(ps)}
	n := strconv.Itoa(len(ps))
	switch {
	case len(ps) == 0:
		d.Parts = []string{"no participants yet"}
		return d
	case noData == len(ps):
		d.Parts = []string{"no readings yet from any of " + n}
		return d
	case len(bad) == 0:
		d.Parts = []string{"none of " + n + " degraded"}
	case len(bad) == 1:
		d.Parts, d.Rule = oneDegraded(bad[0], n, len(healthy) > 0), 1
	default:
		d.Parts = []string{strconv.Itoa(len(bad)) + " of " + n + " degraded"}
		if why, rule := manyDegraded(bad, healthy, len(ps)-noData); why != "" {
			d.Parts, d.Rule = append(d.Parts, why), rule
		}
	}
	if noData > 0 {
		d.Parts = append(d.Parts, strconv.Itoa(noData)+" without readings")
	}
	return d
}

func oneDegraded(p DiagnosisInput, total string, peerHealthy bool) []string {
	who := p.Name
	if who == "" {
		who = "a participant without a name"
	}
	var where []string
	for _, s := range []string{p.NetworkType, p.Location} {
		if known(s) {
			where = append(where, s)
		}
	}
	if len(where) > 0 {
		who += " (" + strings.Join(where, ", ") + ")"
	}
	what := directions(p.Degraded)
	if peerHealthy {
		// Others are fine, so Zoom and the senders are fine: the trouble
		// is on this one person's side.
		if p.Degraded.Receives() {
			what += ": likely their own network"
		} else {
			what += ": likely their own network or computer"
		}
	}
	if len(p.Evidence) > 0 { // at the same minute: it makes the guess concrete
		what += " (" + strings.Join(p.Evidence, ", ") + ")"
	}
	return []string{"1 of " + total + " degraded: " + who, what}
}

func directions(d Degradation) string {
	switch {
	case d.Sends() && d.Receives():
		return "send and receive"
	case d.Sends():
		return "send"
	}
	return "receive"
}

// manyDegraded applies the rules for two or more degraded, first match
// wins; judged is how many participants have a reading now. rule is the
// matching rule's index in diagnosisRules.
func manyDegraded(bad, healthy []DiagnosisInput, judged int) (why string, rule int) {
	if s, ok := soleSender(bad); ok {
		name := s.Name
		if name == "" {
			name = "a participant without a name"
		}
		return "the others only on receive: likely the sender: " + name, 2
	}
	if shared := sharedTraits(bad, healthy); len(shared) > 0 {
		return "all " + strconv.Itoa(len(bad)) + " " + strings.Join(shared, ", "), 3
	}
	if len(bad) >= 3 && 2*len(bad) > judged &&
		distinct(bad, func(p DiagnosisInput) string { return p.DataCenter }) >= 2 &&
		distinct(bad, func(p DiagnosisInput) string { return p.NetworkType }) >= 2 {
		return "across data centers and networks: likely Zoom or the meeting's region", 4
	}
	sends, receives := true, true
	for _, p := range bad {
		sends = sends && !p.Degraded.Receives()
		receives = receives && !p.Degraded.Sends()
	}
	switch {
	case receives:
		return "all only on receive", 5
	case sends:
		return "all only on send", 5
	}
	return "", 0
}

// soleSender finds the one degraded participant with a degraded send when
// every other degraded participant is degraded only on receiving media
// that this one sends badly.
func soleSender(bad []DiagnosisInput) (DiagnosisInput, bool) {
	var sender DiagnosisInput
	senders := 0
	for _, p := range bad {
		if p.Degraded.Sends() {
			sender = p
			senders++
		}
	}
	if senders != 1 {
		return DiagnosisInput{}, false
	}
	for _, p := range bad {
		if p.Degraded.Sends() {
			continue
		}
		for _, m := range Medias {
			if p.Degraded.Has(m, Receive) && !sender.Degraded.Has(m, Send) {
				return DiagnosisInput{}, false
			}
		}
	}
	return sender, true
}

// traits are the fields a shared cause can show in, with how a shared
// value reads after "all 3".
var traits = [...]struct {
	of     func(DiagnosisInput) string
	phrase string
}{
	{func(p DiagnosisInput) string { return p.DataCenter }, "on data center "},
	{func(p DiagnosisInput) string { return p.NetworkType }, "on "},
	{func(p DiagnosisInput) string { return p.Location }, "in "},
	{func(p DiagnosisInput) string { return p.Device }, "using "},
}

// sharedTraits lists the traits every degraded participant shares with a
// known value, where that value tells them apart from a healthy one (or
// nobody is healthy): a data center everyone is on explains nothing.
func sharedTraits(bad, healthy []DiagnosisInput) []string {
	var out []string
	for _, tr := range traits {
		v := tr.of(bad[0])
		if !known(v) {
			continue
		}
		all := true
		for _, p := range bad[1:] {
			all = all && tr.of(p) == v
		}
		if !all {
			continue
		}
		tells := len(healthy) == 0
		for _, p := range healthy {
			if h := tr.of(p); known(h) && h != v {
				tells = true
			}
		}
		if tells {
			out = append(out, tr.phrase+v)
		}
	}
	return out
}

func distinct(ps []DiagnosisInput, of func(DiagnosisInput) string) int {
	seen := map[string]bool{}
	for _, p := range ps {
		if v := of(p); known(v) {
			seen[v] = true
		}
	}
	return len(seen)
}

// known is false for what Zoom left empty and what redaction hid.
func known(s string) bool { return strings.TrimSpace(s) != "" && s != Redacted }
