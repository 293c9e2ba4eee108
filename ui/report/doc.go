// Package report is `qostop snapshot`: it fetches a meeting or a
// participant once (PrintSnapshot) and prints it as JSON or as a
// plain-text summary for people and pipes (WriteTable, WriteMeetingTable).
// It uses no Bubble Tea and no colour, and imports model, fetch and
// theme, never the app.
package report
