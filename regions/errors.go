package regions

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is the error every function of this package returns. It carries
// the failing call's input and one of the sentinel errors below as data, in
// the manner of strconv.NumError, so that a caller can test and read it
// without parsing text:
//
//	var e *regions.Error
//	if errors.As(err, &e) && e.Suggestion != "" {
//		fmt.Println("did you mean", e.Suggestion)
//	}
type Error struct {
	// Func names the function or method that failed: "Parse",
	// "ParseEndpoint", "Region.URL", "Region.MarshalText", ...
	Func string
	// Input is the input it failed on, or, if it was longer than 80 bytes,
	// as much of its start as fits in 80 bytes without cutting a UTF-8
	// character. The message quotes at most its first 40 bytes, then "...".
	Input string
	// Err is the sentinel error that says what kind of failure it is:
	// ErrUnknownRegion, ErrInvalidEndpoint, ErrInvalidBucket, ErrNoEndpoint,
	// ErrInvalidKind, ErrInvalidStatus or ErrInvalidCloud.
	Err error
	// Reason says what exactly is wrong, or is "" where Err says it all.
	Reason string
	// Suggestion is the known region that Input was probably meant to
	// name, or "" where there is none: for ErrUnknownRegion, the region
	// Parse suggests (see Parse); for ParseEndpoint, the region of a host
	// that misspells a region of the table, or names one but is none of
	// its endpoints (see ParseEndpoint), or of an endpoint whose bucket
	// label is a wildcard or masked (*).
	Suggestion Region

	clipped bool // Input is the start of a longer input
}

// The sentinel errors that Error.Err holds; test for them with errors.Is.
var (
	// ErrUnknownRegion: the region ID is not in the table.
	ErrUnknownRegion = sentinel("regions: unknown region")
	// ErrInvalidEndpoint: the input is not an OSS endpoint. Every error of
	// ParseEndpoint matches it, a bad bucket label included.
	ErrInvalidEndpoint = sentinel("regions: not an OSS endpoint")
	// ErrInvalidBucket: a bucket name breaks the OSS naming rules.
	ErrInvalidBucket = sentinel("regions: invalid bucket name")
	// ErrNoEndpoint: the region has no endpoint of the kind asked for.
	ErrNoEndpoint = sentinel("regions: no such endpoint")
	// ErrInvalidKind: the text is not the name of an endpoint Kind.
	ErrInvalidKind = sentinel("regions: invalid endpoint kind")
	// ErrInvalidStatus: the text is not the name of a lifecycle Status.
	ErrInvalidStatus = sentinel("regions: invalid status")
	// ErrInvalidCloud: the text is not the name of a Cloud.
	ErrInvalidCloud = sentinel("regions: invalid cloud")
)

// sentinelError is the type of the sentinels: a fixed message. The package
// builds messages without fmt, which would add to every binary importing it.
type sentinelError struct{ msg string }

func (e *sentinelError) Error() string { return e.msg }

func sentinel(msg string) error { return &sentinelError{msg} }

// Error returns the function, the quoted input (its first maxQuoted
// bytes), what is wrong (the sentinel's text and the reason, or for Parse
// and ParseEndpoint the reason alone) and the suggestion, in the manner of
// net/netip, such as
// `Parse("cn-shangai"): unknown region (did you mean "oss-cn-shanghai"?)`.
func (e *Error) Error() string {
	msg := e.Func + "(" + quoteClipped(e.Input, maxQuoted, e.clipped)
	what := strings.TrimPrefix(e.Err.Error(), "regions: ")
	// The function names what failed to parse; the reason says the rest.
	if e.Reason != "" && (e.Err == ErrInvalidEndpoint || e.Err == ErrUnknownRegion) {
		what = e.Reason
	} else if e.Reason != "" {
		what += ": " + e.Reason
	}
	msg += "): " + what
	if e.Suggestion != "" {
		// All of the suggestion: it is an ID of the table, or set by the caller.
		msg += " (did you mean " + quoteClipped(string(e.Suggestion), len(e.Suggestion), false) + "?)"
	}
	return msg
}

// Unwrap returns the sentinel, Err.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is ErrInvalidEndpoint for an error of
// ParseEndpoint: a bad bucket label there wraps ErrInvalidBucket and is
// still not an OSS endpoint.
func (e *Error) Is(target error) bool {
	return target == ErrInvalidEndpoint && e.Func == "ParseEndpoint"
}

// newError returns an Error for the first maxErrorInput bytes of input,
// without copying them: an error costs one allocation.
//
//go:noinline
func newError(fn, input string, err error, reason string) *Error {
	in := clip(input, maxErrorInput)
	return &Error{Func: fn, Input: in, Err: err, Reason: reason, clipped: len(in) < len(input)}
}

// maxErrorInput is how much of the input an Error keeps; maxQuoted, how
// much its message quotes, and of a part of the input in a reason, so that
// a message stays near a line.
const maxErrorInput, maxQuoted = 80, 40

// quote quotes the first maxQuoted/2 bytes of s for an error's reason.
func quote(s string) string { return quoteClipped(s, maxQuoted/2, false) }

// quoteClipped quotes the start of s that fits in n bytes, followed by
// "..." if that is not all of s or if s is itself the start of more.
func quoteClipped(s string, n int, more bool) string {
	c := clip(s, n)
	q := strconv.Quote(c)
	if more || len(c) < len(s) {
		q += "..."
	}
	return q
}

// clip returns the start of s that fits in n bytes without cutting a
// UTF-8 sequence: it backs up over at most three continuation bytes, so
// invalid UTF-8 is still cut near the limit.
func clip(s string, n int) string {
	n = min(len(s), n)
	for i := 0; i < utf8.UTFMax-1 && n < len(s) && n > 0 && !utf8.RuneStart(s[n]); i++ {
		n--
	}
	return s[:n]
}
