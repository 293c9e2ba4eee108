// Package pane draws one medium (audio, video or screen share) of the
// watch screen: send and receive as sparklines with their current values
// inside a titled border, cached until something it draws changes. It
// imports model and theme, never the app.
package pane
