package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch/sim"
)

// The command line as a script or a person meets it: exit statuses,
// one-line reasons, help on stdout, the version and shell completion.

// TestMain keeps every test's request budget (runCLI's and the built
// binaries') out of the user's own state directory: successive runs add
// up there, by design. The user's config file stays out too: its
// defaults would change what the tests see.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "qostop-state")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_STATE_HOME", dir)
	os.Setenv("XDG_CONFIG_HOME", dir)
	os.Unsetenv("QOSTOP_CONFIG")
	os.Unsetenv("QOSTOP_PROFILE")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runCLI runs qostop's command line in process, as main does, and
// returns its exit status and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = exitCode(run(t.Context(), args, &out, &errb), &errb)
	return code, out.String(), errb.String()
}

// withCredentials points qostop at a loopback address nothing listens on,
// with credentials set, so only the flags can be wrong.
func withCredentials(t *testing.T) {
	t.Setenv("ZOOM_ACCOUNT_ID", "acct")
	t.Setenv("ZOOM_CLIENT_ID", "id")
	t.Setenv("ZOOM_CLIENT_SECRET", "cli-test-secret")
	t.Setenv("ZOOM_API_URL", "http://127.0.0.1:1/v2")
	t.Setenv("ZOOM_OAUTH_URL", "http://127.0.0.1:1/oauth/token")
}

func TestUsageErrorsExitTwoWithOneLine(t *testing.T) {
	withCredentials(t)
	cases := []struct {
		name string
		args []string
		want string // in the reason
	}{
		{"interval not a duration", []string{"watch", "--interval", "fast", "1", "2"}, `"--interval"`},
		{"interval 0s", []string{"watch", "1", "2", "--interval", "0s"}, "--interval 0s"},
		{"interval below the floor", []string{"meeting", "--interval", "1s", "85012345678"}, "--interval 1s is too short: at least 2s"},
		{"interval above the ceiling", []string{"meetings", "--interval", "1h"}, "--interval 1h0m0s is too long"},
		{"interval below the demo's floor", []string{"demo", "--interval", "500ms"}, "at least 1s"},
		{"thresholds malformed", []string{"watch", "--thresholds", "latency=high", "1", "2"}, "--thresholds"},
		{"thresholds out of order", []string{"snapshot", "1", "--thresholds", "latency=300:150"}, "latency"},
		{"timeout not a duration", []string{"snapshot", "--timeout", "soon", "1"}, `"--timeout"`},
		{"timeout negative", []string{"watch", "--timeout", "-1s", "1", "2"}, "--timeout -1s"},
		{"timeout 0s", []string{"meeting", "--timeout", "0s", "1"}, "--timeout 0s"},
		{"type unknown", []string{"meeting", "--type", "ended", "1"}, `--type "ended"`},
		{"format unknown", []string{"snapshot", "--format", "xml", "1"}, `--format "xml"`},
		{"theme unknown", []string{"demo", "--theme", "solarized"}, "solarized"},
		{"theme unknown lists auto", []string{"meetings", "--theme", "pink"}, "choose one of auto, dark, light, high-contrast"},
		{"faults out of range", []string{"sim", "--faults", "2"}, "--faults 2"},
		{"too few IDs", []string{"watch", "1"}, "watch needs a participant ID too: qostop watch MEETING PARTICIPANT, e.g. 'qostop watch 85012345678 16778241'; 'qostop meeting 1' lists who is in it"},
		{"no IDs", []string{"snapshot"}, "snapshot needs a meeting ID: qostop snapshot MEETING [PARTICIPANT], e.g. 'qostop snapshot 85012345678'; 'qostop meetings' lists the meetings"},
		{"no IDs for watch", []string{"watch", "--utc"}, "watch needs a meeting ID and a participant ID:"},
		{"too many IDs", []string{"snapshot", "1", "2", "3"}, "want MEETING [PARTICIPANT], got 3"},
		{"unknown command", []string{"wacth"}, `unknown command "wacth"; did you mean "watch"?`},
		{"a meeting ID for a command", []string{"85012345678"}, "qostop meeting 85012345678"},
		{"unknown flag", []string{"snapshot", "--colour", "1"}, "unknown flag: --colour"},
		{"completion without a shell", []string{"completion"}, "want a shell"},
		{"budget negative", []string{"watch", "--budget", "-5", "1", "2"}, "--budget -5"},
		{"window over a day", []string{"watch", "--window", "25h", "85012345678", "16778241"}, "--window 25h0m0s: want a duration up to 24h"},
		{"window negative", []string{"demo", "--window", "-5m"}, "--window -5m0s"},
		{"exporter interval below the floor", []string{"exporter", "--interval", "1s"}, "want at least 2s"},
		{"exporter keep 0", []string{"exporter", "--keep", "0s"}, "--keep 0s"},
		{"exporter budget not a number", []string{"exporter", "--budget", "lots"}, `"--budget"`},
		{"exporter takes no IDs", []string{"exporter", "85012345678"}, "want no arguments, got 1"},
		{"exporter has no --type", []string{"exporter", "--type", "past"}, "unknown flag: --type"},
		{"exporter push without a subscription", []string{"exporter", "--push", "qss"}, "--push qss needs the subscription"},
		{"exporter push of another kind", []string{"exporter", "--push", "sns", "--subscription", "x"}, `--push "sns": want qss`},
		{"completion of another shell", []string{"completion", "tcsh"}, `unknown shell "tcsh"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, errs)
			}
			if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "qostop: ") {
				t.Errorf("stderr is not one 'qostop: ' line:\n%s", errs)
			}
			if !strings.Contains(errs, tc.want) || !strings.Contains(errs, "--help'") {
				t.Errorf("stderr %q lacks %q or where help is", errs, tc.want)
			}
			if out != "" {
				t.Errorf("a mistake printed to stdout:\n%s", out)
			}
		})
	}
}

func TestMissingCredentialsNameTheVariables(t *testing.T) {
	for _, k := range []string{"ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_API_URL", "ZOOM_OAUTH_URL"} {
		t.Setenv(k, "")
	}
	for _, args := range [][]string{nil, {"meetings"}, {"watch", "1", "2"}, {"snapshot", "1"}} {
		t.Run(strings.Join(append([]string{"qostop"}, args...), " "), func(t *testing.T) {
			code, _, errs := runCLI(t, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, want := range []string{"ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "qostop demo"} {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
		})
	}
}

func TestAskedForHelpGoesToStdout(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"watch", "--help"}, {"snapshot", "1", "-h"},
		{"help", "meeting"}, {"completion", "--help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errs := runCLI(t, args...)
			if code != 0 || errs != "" {
				t.Errorf("exit %d, stderr %q; want 0 and nothing", code, errs)
			}
			if !strings.Contains(out, "Usage:") {
				t.Errorf("stdout has no usage:\n%s", out)
			}
		})
	}
}

// Flags after the IDs and before them mean the same.
func TestFlagsAfterIDs(t *testing.T) {
	newZoomLike(t)
	_, before, errb := runCLI(t, "snapshot", "--format", "table", "--redact", "--type", "live", "555000555", "16777001")
	code, after, erra := runCLI(t, "snapshot", "555000555", "16777001", "--format", "table", "--redact", "--type", "live")
	if code != 0 || erra != "" || errb != "" {
		t.Fatalf("exit %d; stderr %q / %q", code, errb, erra)
	}
	if before != after {
		t.Errorf("flags before the IDs printed\n%s\nflags after them printed\n%s", before, after)
	}
	if !strings.Contains(after, "[redacted]") || strings.Contains(after, "jchill") || strings.HasPrefix(after, "{") {
		t.Errorf("the flags after the IDs were not all applied (table, redacted):\n%s", after)
	}
}

func TestVersionFlagAndCommand(t *testing.T) {
	code, flag, _ := runCLI(t, "--version")
	code2, cmd, _ := runCLI(t, "version")
	if code != 0 || code2 != 0 {
		t.Fatalf("exit %d and %d, want 0", code, code2)
	}
	if flag != cmd || !strings.HasPrefix(flag, "qostop ") || strings.Count(flag, "\n") != 1 {
		t.Errorf("--version printed %q and version %q: want the same one line", flag, cmd)
	}
}

func TestVersionText(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	cases := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"released, clean", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"},
			Settings: vcs("vcs.revision", rev, "vcs.time", "2026-12-01T08:00:00Z", "vcs.modified", "false")},
			"qostop v1.2.0, commit " + rev + " of 2026-12-01T08:00:00Z, go1.26.8"},
		{"modified tree", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", rev, "vcs.modified", "true")},
			"qostop (devel), commit " + rev + ", with uncommitted changes, go1.26.8"},
		{"no VCS", &debug.BuildInfo{GoVersion: "go1.26.8"},
			"qostop (devel), commit unknown (built without VCS information), go1.26.8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionText(tc.info); got != tc.want {
				t.Errorf("versionText = %q, want %q", got, tc.want)
			}
		})
	}
}

// The binary built from a git checkout names the commit it was built from.
func TestVersionNamesTheCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI runs in a git checkout, and git finds none here:", err)
		}
		t.Skip("not a git checkout:", err)
	}
	if st, err := os.Stat(".git"); err != nil || !st.IsDir() {
		t.Skip("a git worktree: go build finds no VCS where .git is a file")
	}
	bin := filepath.Join(t.TempDir(), "qostop")
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "commit "+strings.TrimSpace(string(head))) {
		t.Errorf("--version = %q, want it to name commit %s", out, head)
	}
}

// The binary itself exits 2 on a mistake, and 0 after help.
func TestBinaryExitStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	cmd := exec.Command(bin, "watch", "--interval", "0s", "1", "2")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
		t.Errorf("watch --interval 0s: %v, want exit status 2; stderr %q", err, stderr.String())
	}
	if out, err := exec.Command(bin, "--help").Output(); err != nil || !strings.Contains(string(out), "qostop watch") {
		t.Errorf("--help: %v\n%s", err, out)
	}
}

func TestCompletionBashScript(t *testing.T) {
	code, script, _ := runCLI(t, "completion", "bash")
	if code != 0 || !strings.Contains(script, "complete -o default -F __start_qostop qostop") {
		t.Fatalf("exit %d; not a bash completion script for qostop:\n%.300s", code, script)
	}
	if testing.Short() {
		return
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	// The script asks the binary (qostop __complete ...) for candidates:
	// source it in a real bash with the binary on PATH and complete.
	dir := t.TempDir()
	bin := buildBinary(t)
	if err := os.Rename(bin, filepath.Join(dir, "qostop")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "qostop.bash")
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	// The script needs bash-completion's _get_comp_words_by_ref; this
	// stand-in fills the same four variables when that package is absent.
	const shim = `declare -F _get_comp_words_by_ref >/dev/null || _get_comp_words_by_ref() {
  cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
`
	complete := func(line ...string) []string {
		sh := shim + "source " + file + "\nCOMP_WORDS=(" + strings.Join(line, " ") + ")\n" +
			`COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
__start_qostop qostop; printf '%s\n' "${COMPREPLY[@]}"`
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", sh)
		cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr // bash warns that compopt runs outside a real completion
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("bash: %v\n%s%s", err, out, stderr.String())
		}
		return strings.Fields(string(out))
	}
	if got := complete("qostop", "wa"); len(got) != 1 || got[0] != "watch" {
		t.Errorf("qostop wa<TAB> = %q, want watch", got)
	}
	if got := complete("qostop", "snapshot", "--format", "''"); strings.Join(got, " ") != "json table" {
		t.Errorf("snapshot --format <TAB> = %q, want json table", got)
	}
}

// A terminal that cannot address the cursor gets one line pointing at
// the snapshot table, and exit 1, for every command that draws screens.
func TestDumbTerminalSuggestsSnapshot(t *testing.T) {
	withCredentials(t)
	for _, term := range []string{"dumb", ""} {
		t.Setenv("TERM", term)
		for _, args := range [][]string{nil, {"meetings"}, {"demo"}, {"meeting", "85012345678"}, {"watch", "85012345678", "2"}} {
			t.Run("TERM="+term+" "+strings.Join(args, " "), func(t *testing.T) {
				code, out, errs := runCLI(t, args...)
				if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "qostop snapshot MEETING --format table") {
					t.Errorf("exit %d, stderr %q: want 1 and one line suggesting the snapshot table", code, errs)
				}
				if out != "" {
					t.Errorf("drew on stdout: %q", out)
				}
			})
		}
	}
}

// Started with no terminal at all (cron, systemd, ssh without -t), each
// command that draws the screens says what it needs and points at
// snapshot, rather than passing on Bubble Tea's "error opening TTY".
func TestNoTerminalSuggestsSnapshot(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	withCredentials(t)
	t.Setenv("TERM", "xterm-256color")
	bin := buildBinary(t)
	for _, args := range [][]string{nil, {"meetings"}, {"demo"}, {"meeting", "85012345678"}, {"watch", "85012345678", "2"}} {
		t.Run(strings.Join(append([]string{"qostop"}, args...), " "), func(t *testing.T) {
			cmd := exec.Command(bin, args...) // stdin is /dev/null
			withoutTerminal(t, cmd)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Errorf("%v, want exit status 1", err)
			}
			errs := stderr.String()
			if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "need a terminal") ||
				!strings.Contains(errs, "'qostop snapshot MEETING [PARTICIPANT]'") || strings.Contains(errs, "bubbletea") {
				t.Errorf("stderr %q: want one line saying a terminal is needed, suggesting snapshot", errs)
			}
			if stdout.Len() > 0 {
				t.Errorf("drew on stdout: %q", stdout.String())
			}
		})
	}
}

// Each command's help describes what that command does, nothing more.
func TestHelpMatchesBehaviour(t *testing.T) {
	cases := []struct {
		args          []string
		want, notWant []string
	}{
		// The demo allows polls every second (its floor is MinInterval 1s).
		{[]string{"demo", "--help"}, []string{"at least 1s", "NO_COLOR"}, []string{"at least 2s", "ZOOM_CLIENT_SECRET"}},
		// The simulator reads no environment and opens no screen.
		{[]string{"sim", "--help"}, []string{"--listen", "--hostile"}, []string{"Environment", "watch screen", "--interval"}},
		// meeting takes one ID; PARTICIPANT is watch's and snapshot's.
		{[]string{"meeting", "--help"}, []string{"MEETING is", "at least 2s", "ZOOM_CLIENT_SECRET"}, []string{"PARTICIPANT"}},
		{[]string{"watch", "--help"}, []string{"MEETING is", "PARTICIPANT is"}, nil},
		{[]string{"meetings", "--help"}, []string{"live: the meetings in progress; past: the meetings that ended", "--from", "--to"}, []string{"past for a meeting"}},
		// The exporter draws nothing and polls live meetings only.
		{[]string{"exporter", "--help"}, []string{"--listen", "(default 15000)", "--meetings", "SIGTERM", "ZOOM_CLIENT_SECRET"},
			[]string{"NO_COLOR", "--type", "--theme"}},
		{[]string{"snapshot", "--help"}, []string{"--budget N", "no cap of qostop's own"}, nil},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, out, _ := runCLI(t, tc.args...)
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("help lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(out, w) {
					t.Errorf("help says %q:\n%s", w, out)
				}
			}
		})
	}
}

// fetch's errors that cannot say which request failed advise
// --debug-log: every command that sends requests takes it, the demo too.
func TestEveryCommandThatAsksTakesDebugLog(t *testing.T) {
	root, _ := newRoot(new(bytes.Buffer), new(bytes.Buffer))
	quiet := map[string]bool{"sim": true, "version": true, "completion": true, "help": true, "replay": true} // they send no request
	for _, c := range append(root.Commands(), root) {
		if !quiet[c.Name()] && c.Flags().Lookup("debug-log") == nil {
			t.Errorf("'%s' has no --debug-log", c.CommandPath())
		}
	}
	withCredentials(t)
	if code, _, errs := runCLI(t, "demo", "--debug-log", t.TempDir()); code != 1 || !strings.Contains(errs, "not a regular file") {
		t.Errorf("demo --debug-log DIRECTORY: exit %d, stderr %q; want 1, saying it is no file", code, errs)
	}
}

// The list of ended meetings takes its dates as yyyy-mm-dd; a live list
// takes none, and a date that is no date is a usage error that says so.
func TestMeetingsTypePastTakesDates(t *testing.T) {
	withCredentials(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"meetings", "--type", "past", "--from", "24/11/2026"}, "want a date as yyyy-mm-dd"},
		{[]string{"meetings", "--type", "past", "--from", "2026-11-24", "--to", "2026-11-20"}, "is before --from"},
		{[]string{"meetings", "--from", "2026-11-24"}, "--from and --to go with --type past"},
	} {
		code, _, errs := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}

// Two qostop processes run one after the other add up in the day's
// request count, in the state file under XDG_STATE_HOME; --budget caps
// the sum, refusing the request that would pass it before it is sent.
func TestProcessesAddUpInTheDaysCount(t *testing.T) {
	base, err := sim.Start(t.Context(), sim.Options{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	bin, state := buildBinary(t), t.TempDir()
	snapshot := func(args ...string) (string, error) {
		cmd := exec.Command(bin, append([]string{"snapshot", "--format", "json", "--max-wait", "0s"}, args...)...)
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state, "ZOOM_API_URL="+base+"/v2", "ZOOM_OAUTH_URL="+base+"/oauth/token",
			"ZOOM_ACCOUNT_ID="+sim.DemoAccountID, "ZOOM_CLIENT_ID="+sim.DemoClientID, "ZOOM_CLIENT_SECRET="+sim.DemoClientSecret)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	count := func() int {
		data, err := os.ReadFile(filepath.Join(state, "qostop", "requests-"+sim.DemoAccountID+".json")) // one count per account
		if err != nil {
			t.Fatal(err)
		}
		var st struct{ Requests int }
		if err := json.Unmarshal(data, &st); err != nil {
			t.Fatal(err)
		}
		return st.Requests
	}
	for i := 1; i <= 2; i++ {
		if out, err := snapshot(sim.DemoMeetingID, sim.DemoParticipantID); err != nil {
			t.Fatalf("snapshot %d: %v\n%s", i, err, out)
		}
		if got := count(); got != i {
			t.Fatalf("after %d processes the day's count is %d, want %d", i, got, i)
		}
	}
	out, err := snapshot("--budget", "2", sim.DemoMeetingID, sim.DemoParticipantID)
	if err == nil || !strings.Contains(out, "budget") || count() != 2 {
		t.Fatalf("a third request under --budget 2: %v, count %d\n%s", err, count(), out)
	}
}
