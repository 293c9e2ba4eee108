package fetch

import (
	"io"
	"time"
)

// The environment variables a Config is read from. They are what Zoom's
// App Marketplace calls the app's credentials, and the two URL overrides
// that point qostop at the simulator or a proxy.
const (
	EnvAccountID    = "ZOOM_ACCOUNT_ID"
	EnvClientID     = "ZOOM_CLIENT_ID"
	EnvClientSecret = "ZOOM_CLIENT_SECRET"
	EnvAPIURL       = "ZOOM_API_URL"
	EnvOAuthURL     = "ZOOM_OAUTH_URL"
)

// EnvHelp describes those variables, for a command's help.
const EnvHelp = `  ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET
        credentials of a Server-to-Server OAuth app with the Dashboard scopes
        (dashboard_meetings:read:admin, or the granular dashboard:read:* ones)
  ZOOM_API_URL, ZOOM_OAUTH_URL
        override the API and token URLs (as --api-url, --oauth-url)
`

// Overrides are what a command line sets over the environment.
type Overrides struct {
	APIURL, OAuthURL string // win over ZOOM_API_URL and ZOOM_OAUTH_URL
	// Gov picks Zoom for Government's hosts where no URL is given.
	Gov              bool
	Timeout, MaxWait time.Duration
	// DebugLog is a file to append the request log to ("" for none).
	DebugLog string
	// Budget, if set, is opened for the account the config resolves to
	// (Zoom's daily cap is per account) and set as Config.Budget.
	Budget *BudgetOptions
	// Profile is what a config file's profile says of the account: each
	// of its fields is used where neither the command line nor the
	// environment sets one.
	Profile Account
}

// Account is a config file profile's Zoom account: its credentials, or
// where to find the secret, and its cloud.
type Account struct {
	APIURL, OAuthURL    string
	Gov                 bool
	AccountID, ClientID string
	// ClientSecret is the secret itself (a private file, or the variable
	// client_secret_env names); Secret reads it at each token request.
	ClientSecret string
	Secret       SecretSource
}

// ConfigFromEnv is the validated Config that the environment, as getenv
// (os.Getenv outside tests) reads it, and o describe, with the debug log
// file opened (0600: it names every request) and returned for the caller
// to close.
func ConfigFromEnv(getenv func(string) string, o Overrides) (Config, io.Closer, error) {
	p := o.Profile
	cfg := Config{
		APIURL:       firstOf(o.APIURL, firstOf(getenv(EnvAPIURL), p.APIURL)),
		OAuthURL:     firstOf(o.OAuthURL, firstOf(getenv(EnvOAuthURL), p.OAuthURL)),
		AccountID:    firstOf(getenv(EnvAccountID), p.AccountID),
		ClientID:     firstOf(getenv(EnvClientID), p.ClientID),
		ClientSecret: firstOf(getenv(EnvClientSecret), p.ClientSecret),
		Timeout:      o.Timeout,
		MaxWait:      o.MaxWait,
	}
	if cfg.ClientSecret == "" {
		cfg.Secret = p.Secret
	}
	if o.Gov || p.Gov {
		cfg.APIURL, cfg.OAuthURL = firstOf(cfg.APIURL, GovAPIURL), firstOf(cfg.OAuthURL, GovOAuthURL)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, nil, err
	}
	if o.Budget != nil {
		b := *o.Budget
		b.Account = cfg.AccountID
		var err error
		if cfg.Budget, err = OpenBudget(b); err != nil {
			return cfg, nil, err
		}
	}
	if o.DebugLog == "" {
		return cfg, io.NopCloser(nil), nil
	}
	file, err := OpenDebugLog(o.DebugLog) // its errors name the file and what is wrong with it
	if err != nil {
		return cfg, nil, err
	}
	cfg.DebugLog = file
	return cfg, file, nil
}

// MissingCredentials reports whether any of the three credentials is
// unset, the state of a first run: the caller can then point at a way
// to try qostop without an account.
func (c Config) MissingCredentials() bool {
	return c.AccountID == "" || c.ClientID == "" || (c.ClientSecret == "" && c.Secret == nil)
}

func firstOf(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
