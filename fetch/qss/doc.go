// Package qss receives Zoom's QoS Subscription Service (QSS) events:
// meeting.participant_qos and webinar.participant_qos, pushed by webhook
// (webhook.go: signature check, url_validation, replay refusal) or over
// Zoom's WebSocket.
package qss
