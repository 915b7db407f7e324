package table

import (
	"os"
	"reflect"
	"testing"
)

// digestExcluded are the fields of Table and Region that DataDigest leaves
// out, each with the reason. Every other field must change the digest.
var digestExcluded = map[string]string{
	"Table.Input":         "the input's file name, not data",
	"Table.Version":       "the digest is of every value but the version",
	"Table.VersionLine":   "a position in the file",
	"Table.SHA256":        "the checksum of the file's bytes, layout included",
	"Table.MaxCloudIDLen": "derived from the regions",
	"Table.MaxAliasLen":   "derived from the regions",
	"Table.Areas":         "derived from the regions",
	"Table.VIP4":          "derived from the regions",
	"Table.VIP6":          "derived from the regions",
	"Table.PublicDNS":     "read by the DNS probe alone; no output carries it",
	"Region.CloudID":      "derived from the ID",
	"Region.GoName":       "derived from the ID",
	"Region.VarName":      "derived from the ID",
	"Region.Line":         "a position in the file",

	// Published, yet a change to them needs no new version: the digest and
	// the change report (internal/render/changes.go) must take them together.
}

// TestDigestCoversEveryField changes each field of Table and of a Region
// in turn: the digest must change unless digestExcluded lists the field,
// and must not change if it does. A field added to the model then fails
// here until it is in digest.go (with omitempty, so that the recorded
// digests of earlier releases hold) or listed with a reason.
func TestDigestCoversEveryField(t *testing.T) {
	data, err := os.ReadFile("../../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := Parse("regions.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	want := tbl.DataDigest()
	seen := map[string]bool{}
	check := func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			name := v.Type().Name() + "." + f.Name
			seen[name] = true
			saved := reflect.New(f.Type).Elem()
			saved.Set(v.Field(i))
			changeValue(t, name, v.Field(i))
			changed := tbl.DataDigest() != want
			v.Field(i).Set(saved)
			reason, excluded := digestExcluded[name]
			switch {
			case !changed && !excluded:
				t.Errorf("%s is not in the data digest: add it to internal/table/digest.go (with omitempty) or list it in digestExcluded with the reason", name)
			case changed && excluded:
				t.Errorf("%s changes the data digest, yet digestExcluded lists it (%s)", name, reason)
			}
		}
	}
	check(reflect.ValueOf(tbl).Elem())
	check(reflect.ValueOf(&tbl.Regions[0]).Elem())
	if tbl.DataDigest() != want {
		t.Fatal("the fields were not restored")
	}
	for name := range digestExcluded {
		if !seen[name] {
			t.Errorf("digestExcluded lists %s, which Table and Region lack", name)
		}
	}
}

// changeValue gives v, a field of Table or Region, another value: a string
// or number other than its own, a bool flipped, a slice one element
// longer, a pointer to another region.
func changeValue(t *testing.T, name string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int:
		// Status and Cloud index lists: stay within them.
		if v.Int() > 0 {
			v.SetInt(v.Int() - 1)
		} else {
			v.SetInt(1)
		}
	case reflect.Slice:
		v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
	case reflect.Pointer:
		if v.Type() != reflect.TypeOf(&Region{}) {
			t.Fatalf("%s: a pointer to %s; teach changeValue to change it", name, v.Type().Elem())
		}
		v.Set(reflect.ValueOf(&Region{ID: "oss-xx-other-1"}))
	default:
		t.Fatalf("%s: kind %s; teach changeValue to change it", name, v.Kind())
	}
}
