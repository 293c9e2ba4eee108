package main

import (
	"context"
	"image"
	"image/png"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// A headless Chromium that loads pages through a proxy the test runs, so
// every request a page makes reaches the test, which records it; the
// proxy answers none. Chromium's own traffic to Google's update, time and
// account services goes through it too and is left out of the count:
// the report's HTML is checked separately to hold no URL at all, Google's
// included.

// browser is Chromium with a recording proxy and a profile of its own.
type browser struct {
	t       *testing.T
	bin     string
	proxy   string
	profile string
	mu      sync.Mutex
	seen    []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed; .ci/run should have installed it")
		}
		t.Skip("chromium is not installed (apt-get install chromium); CI runs this test")
	}
	b := &browser{t: t, bin: bin, profile: t.TempDir()}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		b.seen = append(b.seen, r.Method+" "+r.Host+r.URL.Path)
		b.mu.Unlock()
		http.Error(w, "no network in this test", http.StatusBadGateway)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	b.proxy = "http://" + ln.Addr().String()
	return b
}

// chromiumOwn are hosts Chromium itself calls (updates, time, sign-in).
var chromiumOwn = []string{"google.com", "googleapis.com", "gstatic.com", "gvt1.com"}

// screenshot renders the page at path at the given size and returns the
// picture and the requests the page made.
func (b *browser) screenshot(path string, w, h int) (image.Image, []string) {
	b.t.Helper()
	b.mu.Lock()
	b.seen = nil
	b.mu.Unlock()
	shot := filepath.Join(b.t.TempDir(), "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.bin, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--proxy-server="+b.proxy, "--proxy-bypass-list=<-loopback>", "--user-data-dir="+b.profile,
		"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
		"--disable-default-apps", "--disable-extensions", "--no-pings",
		"--window-size="+strconv.Itoa(w)+","+strconv.Itoa(h), "--screenshot="+shot, "file://"+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		b.t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		b.t.Fatal(err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var page []string
	for _, s := range b.seen {
		if !ownTraffic(s) {
			page = append(page, s)
		}
	}
	return img, page
}

func ownTraffic(req string) bool {
	host := strings.Fields(req)[1]
	host = strings.Split(strings.Split(host, "/")[0], ":")[0]
	for _, d := range chromiumOwn {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// inkPixels counts the pixels within a small distance of colour c
// (0xRRGGBB): antialiasing blends a line's edges, its middle keeps c.
func inkPixels(img image.Image, c uint32) int {
	want := [3]int{int(c >> 16 & 0xff), int(c >> 8 & 0xff), int(c & 0xff)}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			got := [3]int{int(r >> 8), int(g >> 8), int(bl >> 8)}
			d := 0
			for i := range got {
				d += abs(got[i] - want[i])
			}
			if d <= 24 {
				n++
			}
		}
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
