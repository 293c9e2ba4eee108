package fetch

import (
	"strings"
	"testing"
)

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{EnvAccountID: "acct", EnvClientID: "id", EnvClientSecret: "secret",
		EnvAPIURL: "http://127.0.0.1:1/v2", EnvOAuthURL: "http://127.0.0.1:1/oauth/token"}
	cfg := ConfigFromEnv(func(k string) string { return env[k] })
	want := Config{APIURL: env[EnvAPIURL], OAuthURL: env[EnvOAuthURL], AccountID: "acct", ClientID: "id", ClientSecret: "secret"}
	if cfg.APIURL != want.APIURL || cfg.OAuthURL != want.OAuthURL || cfg.AccountID != want.AccountID ||
		cfg.ClientID != want.ClientID || cfg.ClientSecret != want.ClientSecret {
		t.Errorf("ConfigFromEnv = %+v, want %+v", cfg, want)
	}
	if cfg.MissingCredentials() {
		t.Error("all three credentials set, yet MissingCredentials")
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("a complete environment does not validate: %v", err)
	}
}

func TestConfigFromEnvMissingCredentials(t *testing.T) {
	cfg := ConfigFromEnv(func(k string) string {
		if k == EnvClientSecret {
			return ""
		}
		return "x"
	})
	if !cfg.MissingCredentials() {
		t.Error("no client secret, yet not MissingCredentials")
	}
	err := cfg.Validate()
	if err == nil || !strings.Contains(err.Error(), EnvClientSecret) {
		t.Errorf("Validate = %v, want it to name %s", err, EnvClientSecret)
	}
}
