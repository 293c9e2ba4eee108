// Package replay plays a recording (fetch/record) back on the screens:
// a Clock that stands for the time of the recording, which the user
// pauses, speeds up and moves, and a Source that answers the screens'
// questions as Zoom had answered them by that time. The screens run
// unchanged on both: what they showed live at a time, they show again.
package replay
