package model

import "time"

// The marks of a time axis, shared by the watch screen's axis and the
// full-screen charts: round local times, and the day named where it
// changes.

// FirstTick is the first time at or after t that falls a whole number of
// steps after midnight in loc. Counting from local midnight, not from
// the Unix epoch, keeps hourly marks on the hour in zones such as +05:30.
// step must divide a day.
func FirstTick(t time.Time, step time.Duration, loc *time.Location) time.Time {
	local := t.In(loc)
	midnight := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, loc)
	return midnight.Add((t.Sub(midnight) + step - 1) / step * step)
}

// TickLabel is t in loc in layout ("15:04"), except at local midnight,
// where it is the new day's name ("Tue"): an axis that crosses midnight
// says so, and 00:30 after 23:30 reads as the next day.
func TickLabel(t time.Time, layout string, loc *time.Location) string {
	local := t.In(loc)
	if local.Hour() == 0 && local.Minute() == 0 && local.Second() == 0 {
		return local.Format("Mon")
	}
	return local.Format(layout)
}
