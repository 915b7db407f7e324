package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/ossregions/ossregions/internal/table"
)

// The JSON Schema lets editors check regions.yaml as it is typed. These
// tests hold it to the generator: it accepts every table the generator
// accepts, and rejects the shape errors the generator rejects.

func compileSchema(t *testing.T) *jsonschema.Schema {
	return compileSchemaFile(t, "regions.schema.json")
}

// compileSchemaFile compiles the JSON Schema of that name at the
// repository's root.
func compileSchemaFile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func yamlValue(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return yamlData(t, data)
}

func yamlData(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return datesAsText(v)
}

// datesAsText turns the timestamps yaml.v3 makes of unquoted dates back
// into the text an editor's YAML 1.2 schema check sees.
func datesAsText(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.Format(time.DateOnly)
	case map[string]any:
		for k, e := range v {
			v[k] = datesAsText(e)
		}
	case []any:
		for i, e := range v {
			v[i] = datesAsText(e)
		}
	}
	return v
}

func TestSchemaAcceptsValidTables(t *testing.T) {
	s := compileSchema(t)
	for _, p := range archives(t, "valid") {
		parseValid(t, p)
		if err := s.Validate(yamlData(t, validTable(t, p))); err != nil {
			t.Errorf("%s: the schema rejects a table the generator accepts: %v", p, err)
		}
	}
	if err := s.Validate(yamlValue(t, "../regions.yaml")); err != nil {
		t.Errorf("../regions.yaml: the schema rejects a table the generator accepts: %v", err)
	}
}

// Merge keys (testdata/errors/merge_key.txt) are resolved before a schema sees the data,
// so only the generator can refuse them.
func TestSchemaRejectsShapeErrors(t *testing.T) {
	s := compileSchema(t)
	for _, name := range []string{
		"unknown_field", "missing_field", "wrong_types", "bad_status",
		"empty_vip_list", "bad_id", "bad_semver", "bad_hostname", "top_level_list", "no_regions", "host_form",
	} {
		data := errorFixture(t, name)
		if _, err := table.Parse(name+".yaml", data); err == nil {
			t.Fatalf("%s: the generator accepts it", name)
		}
		err := s.Validate(yamlData(t, data))
		if err == nil {
			t.Errorf("%s: the schema accepts a table the generator rejects", name)
		} else if testing.Verbose() {
			t.Logf("%s: %s", name, strings.ReplaceAll(err.Error(), "\n", "; "))
		}
	}
}
