//go:build !unix

package fetch

// withLock runs f. Without flock, the atomic rename still keeps the file
// whole; two processes at once may lose a count.
func withLock(_ string, f func() error) error { return f() }
