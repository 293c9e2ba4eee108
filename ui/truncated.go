package ui

import (
	"errors"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// truncatedNotice turns a list cut at qostop's caps (fetch.TruncatedError)
// into a notice and no error: the first items are good and are shown,
// with the notice, rather than failing and backing off.
func truncatedNotice(err error) (notice string, rest error) {
	var te *fetch.TruncatedError
	if errors.As(err, &te) {
		return model.Sanitize(te.Error()), nil
	}
	return "", err
}
