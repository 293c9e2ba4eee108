package sim

import "math"

// streamVals are one stream's numbers before they become Zoom's strings.
type streamVals struct {
	kbps, latency, jitter float64
	avgLoss, maxLoss      float64
	fps                   float64
	w, h                  int
	video                 bool // has frame_rate and resolution
	blank                 bool // a share that has not drawn yet: "0*0", frame_rate ""
}

// sampleVals are one participant's numbers for one sample. A nil stream
// carried no traffic and is left out of the payload.
type sampleVals struct {
	k                                          int
	audioSend, audioRecv, videoSend, videoRecv *streamVals
	shareSend, shareRecv                       *streamVals
	cpu                                        *[4]float64 // zoom min, avg, max; system max
	rssi                                       *[3]int     // max, avg, min
	pressure                                   bool
	cond                                       condition
}

// values computes p's sample k. It is a pure function of the seed, the
// member and k, plus the meeting's share schedule.
func (s *Server) values(m *meeting, p *member, k int) sampleVals {
	c := s.condition(p, k)
	n := func(salt uint64) float64 { return s.noise(p.key, k, salt) }
	pr := p.prof
	rate := c.rate
	if rate == 0 {
		rate = 1
	}
	wave := math.Sin(float64(k)*0.45 + pr.phase)
	lat := pr.latency*(1+0.12*wave) + 8*n(1) + c.latency
	jit := pr.jitter + 2*n(2) + c.jitter
	loss := func(salt uint64) (float64, float64) {
		avg := pr.loss*(0.3+1.4*n(salt)) + c.loss
		return avg, avg + (0.2+0.8*avg)*n(salt+1) + c.maxLoss
	}
	v := sampleVals{k: k, cond: c}

	al, am := loss(10)
	v.audioSend = &streamVals{kbps: pr.audioKbps * (0.85 + 0.3*n(3)) * rate, latency: lat, jitter: jit,
		avgLoss: al, maxLoss: am}
	rl, rm := loss(12)
	v.audioRecv = &streamVals{kbps: (48 + 25*n(4)) * rate, latency: lat + 10*n(5), jitter: jit + 2*n(6),
		avgLoss: rl, maxLoss: rm}

	if p.video {
		w, h, base := 640, 360, 380+300*n(7)
		if p.hd && !c.lowRes {
			w, h, base = 1280, 720, 1100+900*n(7)
		}
		fps := 24 + 6*n(8)
		if c.lowRes {
			fps = 14 + 6*n(8)
		}
		vl, vm := loss(14)
		v.videoSend = &streamVals{kbps: math.Max(300, base*rate), latency: lat + 4*n(9), jitter: jit + 3*n(9),
			avgLoss: vl, maxLoss: vm, fps: fps, w: w, h: h, video: true}
	}
	w, h, base := 640, 360, 450+350*n(16)
	if n(17) < 0.4 {
		w, h, base = 1280, 720, 1200+1100*n(16)
	}
	vl, vm := loss(18)
	v.videoRecv = &streamVals{kbps: math.Max(300, base*rate), latency: lat + 12*n(20), jitter: jit + 4*n(21),
		avgLoss: vl, maxLoss: vm, fps: 15 + 15*n(22), w: w, h: h, video: true}

	if who, first := m.share(k); who != nil {
		sl, sm := loss(24)
		st := &streamVals{kbps: 90 + 380*n(26), latency: lat + 6*n(27), jitter: jit + 2*n(28),
			avgLoss: sl, maxLoss: sm, fps: 4 + 8*n(29), w: 1920, h: 1080, video: true, blank: first}
		if first {
			st.kbps = 40 + 40*n(26)
		}
		if who == p {
			v.shareSend = st
		} else {
			v.shareRecv = st
		}
	}

	if p.path != viaCRC {
		avg := pr.cpu * (0.8 + 0.4*n(30))
		if v.shareSend != nil {
			avg += 9 // encoding a screen costs CPU
		}
		zmax := avg*1.4 + 4*n(31)
		v.cpu = &[4]float64{avg * 0.55, avg, zmax, math.Min(100, zmax+12+25*n(32))}
		v.pressure = p.os == "Mac"
	}
	if p.network == "Wifi" {
		avg := pr.rssi + c.rssi + 4*(n(33)-0.5)
		r := [3]int{int(math.Round(avg + 2 + 4*n(34))), int(math.Round(avg)), int(math.Round(avg - 3 - 6*n(35)))}
		v.rssi = &r
	}
	return v
}

// degraded reports the issues Zoom's dashboard would flag for v; nil when
// the call is fine.
func (v sampleVals) degraded() []string {
	a := v.audioSend
	var issues []string
	if a.latency > 150 || a.avgLoss > 2 || (v.rssi != nil && v.rssi[1] < -75) {
		issues = append(issues, "audio")
	}
	if vs := v.videoSend; vs != nil && (vs.avgLoss > 2 || v.cond.lowRes) {
		issues = append(issues, "video")
	}
	return issues
}
