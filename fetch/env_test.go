package fetch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testEnv(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{EnvAccountID: "acct", EnvClientID: "id", EnvClientSecret: "secret",
		EnvAPIURL: "http://127.0.0.1:1/v2", EnvOAuthURL: "http://127.0.0.1:1/oauth/token"}
	cfg, closer, err := ConfigFromEnv(testEnv(env), Overrides{})
	if err != nil {
		t.Fatalf("a complete environment does not validate: %v", err)
	}
	closer.Close()
	if cfg.APIURL != env[EnvAPIURL] || cfg.OAuthURL != env[EnvOAuthURL] || cfg.AccountID != "acct" ||
		cfg.ClientID != "id" || cfg.ClientSecret != "secret" || cfg.MissingCredentials() {
		t.Errorf("ConfigFromEnv = %+v", cfg)
	}
	cfg, _, _ = ConfigFromEnv(testEnv(env), Overrides{APIURL: "https://proxy.example/v2", Gov: true})
	if cfg.APIURL != "https://proxy.example/v2" || cfg.OAuthURL != env[EnvOAuthURL] {
		t.Errorf("a flag's URL must win over the environment's, and both over --gov: %+v", cfg)
	}
	delete(env, EnvAPIURL)
	delete(env, EnvOAuthURL)
	cfg, _, _ = ConfigFromEnv(testEnv(env), Overrides{Gov: true})
	if cfg.APIURL != GovAPIURL || cfg.OAuthURL != GovOAuthURL {
		t.Errorf("--gov without URLs: %s and %s, want Zoom for Government's", cfg.APIURL, cfg.OAuthURL)
	}
}

func TestConfigFromEnvMissingCredentials(t *testing.T) {
	cfg, _, err := ConfigFromEnv(testEnv(map[string]string{EnvAccountID: "a", EnvClientID: "b"}), Overrides{})
	if !cfg.MissingCredentials() || err == nil || !strings.Contains(err.Error(), EnvClientSecret) {
		t.Errorf("no client secret: missing %v, err %v; want the variable named", cfg.MissingCredentials(), err)
	}
}

func TestConfigFromEnvOpensThePrivateDebugLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "debug.log")
	env := map[string]string{EnvAccountID: "a", EnvClientID: "b", EnvClientSecret: "c"}
	cfg, closer, err := ConfigFromEnv(testEnv(env), Overrides{DebugLog: path})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if st, err := os.Stat(path); cfg.DebugLog == nil || err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("debug log %v, stat %v: want it open with mode 0600", cfg.DebugLog, err)
	}
}
