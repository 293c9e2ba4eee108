package fetch

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

// ConfigFromEnv is the Config the environment describes, as getenv
// (os.Getenv outside tests) reads it. URLs left unset stay empty, so a
// caller can still pick Zoom for Government's hosts before the
// defaults; nothing is validated here, Validate says what is missing.
func ConfigFromEnv(getenv func(string) string) Config {
	return Config{
		APIURL:       getenv(EnvAPIURL),
		OAuthURL:     getenv(EnvOAuthURL),
		AccountID:    getenv(EnvAccountID),
		ClientID:     getenv(EnvClientID),
		ClientSecret: getenv(EnvClientSecret),
	}
}

// MissingCredentials reports whether any of the three credentials is
// unset, the state of a first run: the caller can then point at a way
// to try qostop without an account.
func (c Config) MissingCredentials() bool {
	return c.AccountID == "" || c.ClientID == "" || c.ClientSecret == ""
}
