package main

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// jsonEdition is regions.json as a program reads it.
type jsonEdition struct {
	Version             string
	DefaultRegion       string
	DefaultEndpoints    struct{ Public, Internal string }
	AccelerateEndpoints struct{ Global, Overseas string }
	RegionlessEndpoint  *string
	Regions             []struct {
		ID, CloudRegion, GoName, Name, Cloud string
		MainlandChina                        bool
		Status                               string
		StatusDate                           *string
		Endpoints                            struct {
			Public, Internal, VPC string
			DualStack             *string
			InternalExtra         []string
		}
		Hosts []struct{ Host, Kind string }
		// true, false or "not stated"
		Accelerate any
		VIPRanges  []string
	}
}

func readJSONEdition(t *testing.T, data []byte) jsonEdition {
	t.Helper()
	var j jsonEdition
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&j); err != nil {
		t.Fatal(err)
	}
	return j
}

// TestJSONEditionMatchesAPI reads regions.json back and compares it, value
// by value, with what the regions package says of the same table (the
// dumper), so that a program reading the JSON learns what a Go program
// learns.
func TestJSONEditionMatchesAPI(t *testing.T) {
	data, err := os.ReadFile("../regions.json")
	if err != nil {
		t.Fatal(err)
	}
	j := readJSONEdition(t, data)
	d := runDumper(t, "../regions")
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	top := [][2]string{
		{j.Version, d.Version}, {j.DefaultRegion, d.DefaultRegion}, {j.DefaultEndpoints.Public, d.DefaultEndpoint},
		{j.DefaultEndpoints.Internal, d.DefaultInternalEndpoint}, {j.AccelerateEndpoints.Global, d.GlobalAccelerate},
		{j.AccelerateEndpoints.Overseas, d.OverseasAccelerate}, {str(j.RegionlessEndpoint), d.Regionless},
	}
	for i, p := range top {
		if p[0] != p[1] {
			t.Errorf("top-level value %d: regions.json %q, the package %q", i, p[0], p[1])
		}
	}
	if len(j.Regions) != len(d.Regions) {
		t.Fatalf("regions.json has %d regions, the package %d", len(j.Regions), len(d.Regions))
	}
	for i, r := range j.Regions {
		a := d.Regions[i]
		var hosts []string
		for _, h := range r.Hosts {
			hosts = append(hosts, h.Host)
			if got := a.ParsedHosts[h.Host]; !strings.HasPrefix(got, r.ID+" "+h.Kind) {
				t.Errorf("%s: regions.json says %s is %s; ParseEndpoint says %q", r.ID, h.Host, h.Kind, got)
			}
		}
		accelerate, _ := r.Accelerate.(bool)
		if s, ok := r.Accelerate.(string); !ok && r.Accelerate == nil || ok && s != "not stated" {
			t.Errorf("%s: accelerate is %v", r.ID, r.Accelerate)
		}
		got := []any{r.ID, r.CloudRegion, r.Name, r.Cloud, r.MainlandChina, r.Status, str(r.StatusDate),
			r.Endpoints.Public, r.Endpoints.Internal, r.Endpoints.VPC, str(r.Endpoints.DualStack), hosts,
			accelerate, r.VIPRanges == nil, r.VIPRanges}
		want := []any{a.ID, a.Cloud, a.Name, a.Partition, a.Mainland, a.Status, a.StatusDate,
			a.Public, a.Internal, a.VPC, a.DualStack, a.Hosts,
			a.Accelerate != "", a.VIPByTicket, a.VIP}
		if r.VIPRanges != nil && len(r.VIPRanges) == 0 && a.VIP == nil {
			got[len(got)-1] = []string(nil)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\nregions.json %v\nthe package  %v", r.ID, got, want)
		}
	}
}

// TestJSONEditionSchema holds the JSON edition of every valid fixture and
// of the real table to its schema.
func TestJSONEditionSchema(t *testing.T) {
	schema := compileSchemaFile(t, "regions-json.schema.json")
	tables := map[string]*table.Table{"../regions.yaml": mustTable(t, "../regions.yaml")}
	for _, p := range archives(t, "valid") {
		tables[p] = parseValid(t, p)
	}
	for p, tbl := range tables {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(render.JSON(tbl)))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	// A document that breaks it is refused, so the test can fail.
	bad := strings.Replace(string(render.JSON(mustTable(t, "../regions.yaml"))), `"cloud": "public"`, `"cloud": "partition"`, 1)
	v, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if schema.Validate(v) == nil {
		t.Error("the schema accepts an unknown cloud")
	}
}
