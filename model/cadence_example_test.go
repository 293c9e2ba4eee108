package model_test

import (
	"fmt"
	"time"

	"github.com/qostop/qostop/model"
)

// A poller feeds every successful answer to its Cadence and sleeps until
// the Next it returns (a budget or a rate limit may postpone it with
// Next.Later). Here Zoom publishes each minute 25 s after its :00, and
// an answer takes half a second.
func ExampleCadence() {
	var c model.Cadence // adaptive, 10s while learning
	newest := func(t time.Time) time.Time { return t.Add(-25 * time.Second).Truncate(time.Minute) }
	at := time.Date(2026, 3, 9, 14, 31, 2, 0, time.UTC)
	for range 7 {
		answered := at.Add(500 * time.Millisecond)
		n := c.Observe(model.Answer{At: answered, Newest: newest(at), Step: time.Minute})
		fmt.Printf("%s got %s; %s\n", answered.Format("15:04:05"), newest(at).Format("15:04"), n.Reason)
		at = n.At
	}
	// Output:
	// 14:31:02 got 14:30; new data: every 10s
	// 14:31:13 got 14:30; sample of 14:31:00 is late: again in 5s
	// 14:31:18 got 14:30; sample of 14:31:00 is late: again in 10s
	// 14:31:29 got 14:31; next sample due 14:32:29
	// 14:32:29 got 14:32; next sample due 14:33:28
	// 14:33:28 got 14:33; next sample due 14:34:27
	// 14:34:27 got 14:34; next sample due 14:35:26
}
