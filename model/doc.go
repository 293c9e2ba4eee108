// Package model is qostop's domain: typed QoS readings that can be absent,
// Zoom's unit strings parsed into them, samples, participants, a bounded
// history merged by timestamp, and health thresholds. It does no IO and
// imports no UI, HTTP or OAuth library, so every decision in it is testable
// as a pure function.
package model
