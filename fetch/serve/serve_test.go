package serve

import (
	"net"
	"net/http"
	"testing"
)

// Bound says what a banner must: the address as bound, and whether it
// reaches beyond this machine.
func TestBound(t *testing.T) {
	for _, tc := range []struct {
		addr    net.Addr
		want    string
		exposed bool
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9464}, "127.0.0.1:9464", false},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 9464}, "[::1]:9464", false},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 9464}, "[::]:9464 (every interface)", true},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 9464}, "0.0.0.0:9464 (every interface)", true},
		{&net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 9464}, "192.168.1.20:9464", true},
	} {
		if got, exposed := Bound(tc.addr); got != tc.want || exposed != tc.exposed {
			t.Errorf("Bound(%v) = %q %v, want %q %v", tc.addr, got, exposed, tc.want, tc.exposed)
		}
	}
}

// A listener at its cap with every connection idle closes the longest
// idle one for a new connection, on a real loopback socket.
func TestListenerClosesTheLongestIdle(t *testing.T) {
	l, err := Listen("127.0.0.1:0", 1)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	first, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	accepted, err := l.Accept()
	if err != nil {
		t.Fatal(err)
	}
	l.connState(accepted, http.StateIdle) // as the server reports it after an answer
	second, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if _, err := l.Accept(); err != nil {
		t.Fatal(err)
	}
	if l.Open() != 1 {
		t.Errorf("%d connections open, want 1", l.Open())
	}
	if _, err := first.Read(make([]byte, 1)); err == nil {
		t.Error("the idle connection was not closed for the new one")
	}
}
