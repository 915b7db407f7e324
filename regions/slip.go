package regions

// slip is one written slip of genSlips: where a host or ID holds written,
// meant was meant, and reason says so in an error.
type slip struct{ written, meant, reason string }
