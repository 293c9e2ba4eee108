package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/qostop/qostop/model"
)

// The watch screen's side of the chart screen: enter opens the focused
// pane's medium as charts over the panes' window; tab moves to the next
// medium's; esc goes back to the panes.

// openChart opens the chart screen on the focused pane's medium.
func (m *watchModel) openChart() {
	m.chart = newChartScreen(model.Medias[m.focus], m.span(), m.cfg.Thresholds, m.st, m.loc)
	m.chartVersion = 0
	m.rebuild()
}

// switchChart follows a change of focus on the chart screen, keeping the
// window where the user put it.
func (m *watchModel) switchChart() {
	if m.chart == nil || m.chart.media == model.Medias[m.focus] {
		return
	}
	win := m.chart.win
	m.openChart()
	m.chart.win = win
	m.rebuild()
}

// rebuildChart is rebuild for the chart screen: the charts take every
// row but the title line, the status bar and the help (one line, or the
// full help with the legend).
func (m *watchModel) rebuildChart() {
	c := m.chart
	m.builds++
	if m.lay.tooSmall = m.width < minWidth || m.height < minHeight; m.lay.tooSmall {
		return
	}
	if v := m.hist.Version(); v != m.chartVersion {
		m.chartVersion = v
		c.setData(m.hist.Samples(), m.cadence)
	}
	helpRows, fullHelp := 1, ""
	if m.help.ShowAll {
		fullHelp, helpRows = fitFullHelp(m.help, m.chartFullHelp(), m.width)
		legend := legendText(m.st, m.width)
		fullHelp += "\n" + legend
		helpRows += strings.Count(legend, "\n") + 1
	}
	errRows := 0
	if m.errText != "" {
		errRows = 1 // the poller's error: the charts stay, their data may be old
	}
	c.setSize(m.width, max(m.height-helpRows+1-errRows, 4))
	m.lay.help = 1
	m.body = c.view(m.shownWho().UserName, m.st)
	if errRows > 0 {
		m.body += "\n" + fitRows(renderErrLines(m.errText, 1, m.width, m.st), 1)
	}
	if fullHelp != "" {
		m.footer = "\n" + fullHelp
	} else {
		m.footer = "\n" + fitShortHelp(m.help, m.chartShortHelp(), m.width)
	}
}

// chartShortHelp is the chart screen's help line.
func (m *watchModel) chartShortHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Back, k.Earlier, k.Later, k.ZoomIn, k.ZoomOut, k.Live, k.NextChart, k.Help}
}

// chartFullHelp is the chart screen's full help: its own keys first.
func (m *watchModel) chartFullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Earlier, k.Later, k.Live, k.Back},
		{k.ZoomIn, k.ZoomOut, k.NextChart, k.PrevChart},
		{k.NextPane, k.PrevPane, k.Pause, k.Refresh},
		{k.Quit, k.Help, k.Theme, k.Redact},
	}
}
