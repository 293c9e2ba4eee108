package settings

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/spf13/pflag"
)

// choicesFile keeps one profile's model.Choices in the state directory,
// not in the config file: they change at each t, [ or s, and the config
// file is the user's to write. It is written whole and renamed into
// place (fetch.WriteStateFile), so two screens of one profile need no
// lock: the last choice made wins.
type choicesFile struct{ path string }

// openChoices is the choices file of profile ("" for none) in dir.
func openChoices(dir, profile string) (choicesFile, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return choicesFile{}, fmt.Errorf("no state directory for remembered choices: %w", err)
	}
	name := "choices.json"
	if profile != "" {
		name = "choices-" + fileSafe(profile) + ".json"
	}
	return choicesFile{path: filepath.Join(dir, name)}, nil
}

// fileSafe is a profile name fit for a file name: as it is when it is
// letters, digits, "-" and "_", else a hash of it.
func fileSafe(name string) string {
	if len(name) <= 64 && strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == "" {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	return hex.EncodeToString(sum[:8])
}

// load reads the choices; none yet is no error.
func (c choicesFile) load() (model.Choices, error) {
	data, err := fetch.ReadStateFile(c.path, fetch.StateFileMax)
	if errors.Is(err, os.ErrNotExist) {
		return model.Choices{}, nil
	}
	if err != nil {
		return model.Choices{}, err
	}
	var ch model.Choices
	if err := json.Unmarshal(data, &ch); err != nil {
		return model.Choices{}, fmt.Errorf("%s holds no choices qostop can read", c.path)
	}
	return ch.Valid(), nil
}

func (c choicesFile) save(ch model.Choices) error {
	data, err := json.Marshal(ch)
	if err != nil {
		return err
	}
	return fetch.WriteStateFile(c.path, data)
}

// Remembered reads the profile's choices from the state directory dir
// (fetch.StateDir() when "") and returns them with the function that
// keeps them again (ui.Config.Remember). The theme and window chosen last
// win over the file's and the profile's, not over --theme and --window. A file that cannot be
// used is said on warn, once, and the screens start from the defaults.
func (r *Resolved) Remembered(fs *pflag.FlagSet, dir string, themes []string, warn io.Writer) (model.Choices, func(model.Choices) error) {
	if dir == "" {
		d, err := fetch.StateDir()
		if err != nil {
			fmt.Fprintf(warn, "qostop: warning: %s; choices are not remembered\n", model.Sanitize(err.Error()))
			return model.Choices{}, nil
		}
		dir = d
	}
	file, err := openChoices(dir, r.Profile)
	if err != nil {
		fmt.Fprintf(warn, "qostop: warning: %s; choices are not remembered\n", model.Sanitize(err.Error()))
		return model.Choices{}, nil
	}
	ch, err := file.load()
	if err != nil {
		fmt.Fprintf(warn, "qostop: warning: %s; starting from the defaults\n", model.Sanitize(err.Error()))
	}
	if !slices.Contains(themes, ch.Theme) {
		ch.Theme = "" // a theme this build does not have
	}
	remembered := map[string]string{"theme": ch.Theme}
	if ch.Window > 0 {
		remembered["window"] = ch.Window.String()
	}
	for key, v := range remembered {
		if fl := fs.Lookup(key); fl != nil && !fl.Changed && v != "" && fl.Value.Set(v) == nil {
			r.origins[key] = "remembered (" + file.path + ")"
		}
	}
	return ch, file.save
}
