package fetch

// TakeForTest counts one request against b as the client's transport
// does, for tests that need a count without a server.
func TakeForTest(b *Budget) error { return b.take() }
