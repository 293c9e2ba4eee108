// Package table is the scrolling, filterable table of the meeting list
// and the meeting overview: columns that drop when the terminal is narrow,
// a cursor that follows its row through refreshes, the filter line, and
// the table keys. It imports model and theme, never the app.
package table
