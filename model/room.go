package model

import (
	"slices"
	"strings"
)

// Room is one Zoom Room as the Dashboard lists it. Rooms have no QoS of
// their own: a room in a meeting is a participant row there, under its
// name, so Meeting (from the room's details) is how its QoS is reached.
type Room struct {
	ID     string
	Name   string
	Status string // Offline, Available, InMeeting, UnderConstruction, or what Zoom adds
	Health string // "", Warning, Critical…
	Issues []string
	// Meeting is the live meeting the room is in (ID, UUID, topic), from
	// its details; zero when the list alone was fetched or it is in none.
	Meeting Meeting
}

// The room statuses Zoom documents.
const (
	RoomOffline           = "Offline"
	RoomAvailable         = "Available"
	RoomInMeeting         = "InMeeting"
	RoomUnderConstruction = "UnderConstruction"
)

// RoomRank orders rooms for the on-call eye, worst first: offline, then
// critical health, then any warning or issue, then in a meeting (the
// ones a call can be bad in), then the rest. Lower is worse.
func RoomRank(r Room) int {
	health := strings.ToLower(strings.TrimSpace(r.Health))
	switch {
	case strings.EqualFold(r.Status, RoomOffline):
		return 0
	case health == "critical":
		return 1
	case health != "" && health != "good" && health != "normal" || len(r.Issues) > 0:
		return 2
	case strings.EqualFold(r.Status, RoomInMeeting):
		return 3
	case strings.EqualFold(r.Status, RoomAvailable):
		return 5
	}
	return 4
}

// SortRooms sorts rooms worst first (RoomRank), then by name.
func SortRooms(rooms []Room) {
	slices.SortStableFunc(rooms, func(a, b Room) int {
		if d := RoomRank(a) - RoomRank(b); d != 0 {
			return d
		}
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
}
