// Package chart draws one metric of one stream medium as a full-width
// time-series line chart: send above receive, each panel a braille (or
// ASCII) line over a y axis of round values and an x axis of HH:MM, with
// the warn and critical thresholds drawn as lines and a title that gives
// the value now and the min, avg and max over the view.
//
// It is a widget: it imports model, lipgloss and ntcharts, never the app.
// Its Styles are filled by the app from the theme. The chart is drawn
// with ntcharts' time-series line chart and cached: View with nothing
// changed returns the same string. Window holds the view's position in
// time (live, scrolled back, zoomed) as pure state the screen drives.
package chart
