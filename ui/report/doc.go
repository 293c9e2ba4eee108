// Package report prints `qostop snapshot --format table`: a plain-text
// summary of a Snapshot for people and pipes. It uses no Bubble Tea and
// no colour, and imports model and theme, never the app.
package report
