// Package report writes what qostop prints rather than draws: `qostop
// snapshot`, which fetches a meeting or a participant once
// (PrintSnapshot) and prints it as JSON or as a plain-text summary
// (WriteTable, WriteMeetingTable), and `qostop report`, the incident
// report on one meeting from Zoom or a recording (WriteReport), as
// Markdown and a self-contained HTML page with SVG charts. It uses no
// Bubble Tea and no colour, and imports model, fetch (and fetch/record,
// to load recordings) and theme, never the app.
package report
