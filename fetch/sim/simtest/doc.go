// Package simtest is the one test rig for the Zoom simulator: it serves a
// sim.Server on loopback through a real httptest server, closes both when
// the test ends, and hands out the fetch configuration (demo credentials
// and the simulator's URLs) and client that reach it.
//
// It is for the tests of other packages: fetch's external tests
// (package fetch_test), the exporter, ui and the end-to-end tests. It
// imports both sim and fetch, so sim's own tests and fetch's internal
// tests (package fetch) cannot use it: for them it would be an import
// cycle. They share its clock, fakeclock, which imports nothing.
package simtest
