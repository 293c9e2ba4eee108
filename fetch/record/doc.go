// Package record is qostop's flight recorder: it writes what the screens
// fetched and saw (samples, lifecycle, events, thresholds, markers) to a
// recording, the append-only JSONL file model.Record describes, either to
// a file the user names (--record FILE) or to a bounded ring of files per
// meeting under $XDG_STATE_HOME/qostop/recordings/, and it opens
// recordings for reading. It does file IO only: the format is model's.
package record
