package settings

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const configUsage = "config `FILE` (default $" + EnvConfig + ", else $XDG_CONFIG_HOME/qostop/config.toml)"

// Flags are the command line's say over the config file and the state
// directory.
type Flags struct {
	Config, Profile string
	NoState         bool
}

// RegisterFlags adds --config, --profile and --no-state to fs.
func RegisterFlags(fs *pflag.FlagSet, f *Flags) {
	fs.StringVar(&f.Config, "config", "", configUsage)
	fs.StringVar(&f.Profile, "profile", "", "the config file's profile `NAME` to use (default $"+EnvProfile+", else default_profile)")
	fs.BoolVar(&f.NoState, "no-state", false, "touch no disk: neither read nor keep the last theme, window and overview order, "+
		"record nothing but --record FILE, count requests in memory")
}

// Subcommands are 'qostop config init' and 'qostop config check', which
// read --config into path.
func Subcommands(path *string, themes []string) []*cobra.Command {
	initCmd := &cobra.Command{Use: "init [flags]", Short: "write a commented config file to start from", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return WriteTemplate(cmd.OutOrStdout(), *path, os.Getenv) }}
	checkCmd := &cobra.Command{Use: "check [flags]", Args: cobra.NoArgs,
		Short: "check the config file: unknown keys, wrong types, bad values, an exposed secret, a missing program",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return Check(cmd.OutOrStdout(), Options{Path: *path, Getenv: os.Getenv, Themes: themes})
		}}
	for _, c := range []*cobra.Command{initCmd, checkCmd} {
		c.Flags().StringVar(path, "config", "", configUsage)
	}
	return []*cobra.Command{initCmd, checkCmd}
}
