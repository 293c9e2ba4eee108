// Package qss reads Zoom's QoS Subscription Service (QSS), the paid
// add-on that pushes meeting.participant_qos (and webinar.…) events
// instead of waiting to be polled: the frames of its WebSocket
// (frame.go) and the events they carry, which a webhook posts too
// (event.go), into qostop's model types; and the webhook receiver
// (webhook.go: the x-zm-signature check, url_validation, replays refused).
//
// What no source confirms is read each way and counted (Shape), so a
// debug log says which one Zoom sent: whether each qos item has its own
// date_time or takes the event's event_ts, and whether quality_score
// sits flat in the details or in a nested quality object.
//
// The readings go through fetch's decoder (fetch.DecodeQoSParticipant),
// so a pushed sample is parsed, capped and cleaned exactly as a polled
// one: text from Zoom is untrusted, and a pushed reading must equal the
// polled one of the same minute. The package imports no Bubble Tea.
package qss
