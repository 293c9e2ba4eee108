package sim

import (
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func TestRegisterFlagsSetsOptions(t *testing.T) {
	var o Options
	fs := pflag.NewFlagSet("sim", pflag.ContinueOnError)
	o.RegisterFlags(fs, 3*time.Second)
	if o.SampleEvery != 3*time.Second || o.Seed != 1 {
		t.Errorf("defaults: sample every %s, seed %d; want 3s and 1", o.SampleEvery, o.Seed)
	}
	err := fs.Parse([]string{"--seed", "7", "--sample-every", "2s", "--faults", "0.3", "--qps", "5", "--hostile", "--end-after", "5m", "--daily-limit", "30000"})
	if err != nil {
		t.Fatal(err)
	}
	want := Options{Seed: 7, SampleEvery: 2 * time.Second, Faults: 0.3, QPS: 5, Hostile: true, EndAfter: 5 * time.Minute,
		DailyLimit: 30000}
	if o.Seed != want.Seed || o.SampleEvery != want.SampleEvery || o.Faults != want.Faults || o.QPS != want.QPS ||
		o.Hostile != want.Hostile || o.EndAfter != want.EndAfter || o.DailyLimit != want.DailyLimit {
		t.Errorf("options %+v, want %+v", o, want)
	}
}
