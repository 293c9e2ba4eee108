package fetch

import (
	"strings"
	"testing"
	"time"
)

var timeZero time.Time

func TestConfigValidate(t *testing.T) {
	good := Config{AccountID: "a", ClientID: "b", ClientSecret: "c"}
	for _, c := range []struct {
		name string
		mod  func(*Config)
		want []string // empty: valid
		not  []string // must not be quoted back: passwords, queries
	}{
		{"defaults", func(*Config) {}, nil, nil},
		{"gov", func(c *Config) { c.APIURL, c.OAuthURL = GovAPIURL, GovOAuthURL }, nil, nil},
		{"loopback http", func(c *Config) {
			c.APIURL, c.OAuthURL = "http://127.0.0.1:8080/v2", "http://localhost:8080/oauth/token"
		}, nil, nil},
		{"nothing set", func(c *Config) { *c = Config{} },
			[]string{"missing ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET", "set them", "Server-to-Server OAuth app"}, nil},
		{"secret missing", func(c *Config) { c.ClientSecret = " " }, []string{"missing ZOOM_CLIENT_SECRET: set it"}, nil},
		{"bad api url", func(c *Config) { c.APIURL = "api.zoom.us/v2" }, []string{"API URL (--api-url / ZOOM_API_URL)", "not a valid URL"}, nil},
		{"bad oauth url", func(c *Config) { c.OAuthURL = "ftp://zoom.us/oauth/token" }, []string{"--oauth-url / ZOOM_OAUTH_URL"}, nil},
		{"plain http off loopback", func(c *Config) { c.APIURL = "http://api.zoom.us/v2" }, []string{"plain http", "use https"}, nil},
		{"query in url", func(c *Config) { c.APIURL = "https://api.zoom.us/v2?x=1" }, []string{"must not contain a query"}, nil},
		{"password in url", func(c *Config) { c.APIURL = "https://me:hunter2@api.zoom.us/v2?access_token=tok99#f00bar" },
			[]string{`"https://me:xxxxx@api.zoom.us/v2"`, "must not contain user info (name or password) or a query or a fragment"},
			[]string{"hunter2", "tok99", "f00bar"}},
		{"password in oauth url", func(c *Config) { c.OAuthURL = "https://:hunter2@zoom.us/oauth/token" },
			[]string{"OAuth URL", "must not contain user info"}, []string{"hunter2"}},
		{"password in unparseable url", func(c *Config) { c.APIURL = "https//me:hunter2@api.zoom.us/v2?x=tok99" },
			[]string{`"[redacted]@api.zoom.us/v2" is not a valid URL`}, []string{"hunter2", "tok99"}},
		{"password in bad url with scheme", func(c *Config) { c.APIURL = "https://me:hun/ter2@api.zoom.us:x/v2" },
			[]string{`"https://[redacted]@api.zoom.us:x/v2" is not a valid URL`}, []string{"hun", "ter2"}},
		{"secret with a newline", func(c *Config) { c.ClientSecret = "abc123\n" },
			[]string{"ZOOM_CLIENT_SECRET has a space or line break at the start or end", "remove it"}, []string{"abc123"}},
		{"ids with spaces", func(c *Config) { c.AccountID, c.ClientID = " acct", "id\t" },
			[]string{"ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID have a space or line break"}, []string{"SECRET"}},
		{"api url with a space", func(c *Config) { c.APIURL = "https://api.zoom.us/v2 " },
			[]string{`API URL (--api-url / ZOOM_API_URL) "https://api.zoom.us/v2" has a space or line break`}, nil},
		{"negative timeout", func(c *Config) { c.Timeout = -time.Second }, []string{"timeout"}, nil},
		{"negative max wait", func(c *Config) { c.MaxWait = -time.Second }, []string{"rate-limit wait"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := good
			c.mod(&cfg)
			err := cfg.Validate()
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("valid config rejected: %v", err)
				}
				if _, err := New(cfg); err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("invalid config accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q: %v", w, err)
				}
			}
			for _, n := range c.not {
				if strings.Contains(err.Error(), n) {
					t.Errorf("error quotes %q: %v", n, err)
				}
			}
			if _, err := New(cfg); err == nil {
				t.Error("New accepted an invalid config")
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	c, err := New(Config{AccountID: "a", ClientID: "b", ClientSecret: "c"})
	if err != nil {
		t.Fatal(err)
	}
	if c.cfg.APIURL != DefaultAPIURL || c.cfg.OAuthURL != DefaultOAuthURL || c.cfg.Timeout != DefaultTimeout {
		t.Errorf("defaults %+v", c.cfg)
	}
	if got := c.endpoint(nil, "metrics").String(); got != "https://api.zoom.us/v2/metrics" {
		t.Errorf("endpoint %s", got)
	}
}
