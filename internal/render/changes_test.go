package render

import "testing"

func TestActualBump(t *testing.T) {
	tests := []struct {
		old, new string
		want     Bump
		err      bool
	}{
		{"1.0.0", "1.0.0", BumpNone, false},
		{"1.0.0", "1.0.1", BumpPatch, false},
		{"1.0.9", "1.1.0", BumpMinor, false},
		{"1.4.2", "2.0.0", BumpMajor, false},
		{"1.0.0", "1.0.0-rc.1", BumpNone, true},
		{"1.0.0-rc.1", "1.0.0", BumpPatch, false},
		{"2.0.0", "1.9.9", BumpNone, true},
	}
	for _, tt := range tests {
		got, err := actualBump(tt.old, tt.new)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("actualBump(%s, %s) = %v, %v; want %v, error %v", tt.old, tt.new, got, err, tt.want, tt.err)
		}
	}
	for _, tt := range []struct {
		v    string
		b    Bump
		want string
	}{{"1.2.3", BumpMajor, "2.0.0"}, {"1.2.3", BumpMinor, "1.3.0"}, {"1.2.3", BumpPatch, "1.2.4"}, {"0.9.0-rc.1", BumpPatch, "0.9.1"}} {
		if got := MinVersion(tt.v, tt.b); got != tt.want {
			t.Errorf("MinVersion(%s, %v) = %s, want %s", tt.v, tt.b, got, tt.want)
		}
	}
}
