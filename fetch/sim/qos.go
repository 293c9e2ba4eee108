package sim

import "math"

// profile is what a participant's numbers hover around, drawn once from
// the seed so each seed gives the same cast different but stable habits.
type profile struct {
	latency, jitter, loss float64 // ms, ms, %
	audioKbps             float64
	cpu                   float64 // Zoom's average CPU %
	rssi                  float64 // dBm, Wi-Fi only
	phase                 float64 // of the slow wander, so people do not move in step
}

// noise is a value in [0,1) that depends only on the seed, the member, the
// sample and what it is for: the reason repeated polls agree.
func (s *Server) noise(key uint64, k int, salt uint64) float64 {
	h := splitmix(uint64(s.opts.Seed) ^ 0x9e3779b97f4a7c15)
	h = splitmix(h ^ key)
	h = splitmix(h ^ uint64(int64(k)))
	h = splitmix(h ^ salt)
	return float64(h>>11) / (1 << 53)
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func (s *Server) profileOf(p *member) profile {
	n := func(salt uint64) float64 { return s.noise(p.key, math.MinInt32, salt) }
	pr := profile{
		latency:   28 + 55*n(1),
		jitter:    2 + 5*n(2),
		loss:      0.03 + 0.25*n(3),
		audioKbps: 24 + 12*n(4),
		cpu:       7 + 13*n(5),
		rssi:      -46 - 12*n(6),
		phase:     2 * math.Pi * n(7),
	}
	switch p.network {
	case "Cellular":
		pr.latency += 45
		pr.jitter += 6
		pr.loss += 0.35
	case "Wifi":
		pr.jitter += 2
	}
	if p.role == RoleDegrading {
		// Alice starts from a good call so her trouble stands out.
		pr.latency, pr.jitter, pr.loss, pr.rssi = 42, 3, 0.08, -52
	}
	return pr
}

// condition is what is wrong on top of a participant's profile.
type condition struct {
	latency, jitter float64 // ms added
	loss, maxLoss   float64 // percentage points added
	rssi            float64 // dBm added; negative is weaker
	rate            float64 // bitrate multiplier; 0 means unchanged
	lowRes          bool    // video sender falls back to 640*360
}

// degradeCycle is Alice's scripted trouble, one entry per sample: calm,
// a latency climb, a loss burst, a Wi-Fi fade, recovery. Twenty samples
// are twenty minutes at Zoom's cadence and one minute at the demo's 3s.
var degradeCycle = [20]condition{
	{}, {}, {}, {}, {}, {},
	{latency: 40, jitter: 3},
	{latency: 95, jitter: 7},
	{latency: 165, jitter: 12, loss: 0.4, maxLoss: 2},
	{latency: 250, jitter: 18, loss: 0.8, maxLoss: 3},
	{latency: 170, jitter: 15, loss: 4.2, maxLoss: 8},
	{latency: 110, jitter: 12, loss: 8.5, maxLoss: 12, rate: 0.7, lowRes: true},
	{latency: 60, jitter: 8, loss: 3.1, maxLoss: 6, rate: 0.8},
	{latency: 35, jitter: 6, loss: 1.1, maxLoss: 4, rssi: -22, rate: 0.8},
	{latency: 70, jitter: 9, loss: 2.6, maxLoss: 7, rssi: -32, rate: 0.5, lowRes: true},
	{latency: 30, jitter: 5, loss: 1.3, maxLoss: 4, rssi: -26, rate: 0.7, lowRes: true},
	{latency: 8, jitter: 2, loss: 0.3, maxLoss: 1, rssi: -12},
	{}, {}, {},
}

// condition picks the trouble at sample k. Alice's cycle is placed so the
// server starts two calm samples before a climb: a newcomer sees a whole
// episode in the pre-history and another within 20 samples.
func (s *Server) condition(p *member, k int) condition {
	if p.role == RoleDegrading {
		return degradeCycle[mod(k-s.opts.PreHistory+2, len(degradeCycle))]
	}
	// Everyone else has the odd bad minute, as real calls do.
	if s.noise(p.key, k, 100) < 0.04 {
		b := s.noise(p.key, k, 101)
		return condition{latency: 30 + 50*b, jitter: 4 + 6*b, loss: 0.5 + b, maxLoss: 2 + 3*b}
	}
	return condition{}
}
