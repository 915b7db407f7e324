package table

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// DataDigest is the hex SHA-256 of every value but the version, in a
// canonical form. A field added later is omitted where empty, so old digests hold.
func (t *Table) DataDigest() string {
	type region struct {
		ID, Name            string
		Cloud               string `json:",omitempty"`
		MainlandChina       bool
		Status, StatusDate  string
		Public, Internal    string
		VPC, DualStack      string
		InternalExtra       []string
		Irregular           bool
		Accelerate          bool
		AccelerateNotStated bool
		VIPByTicket         bool
		VIP                 []string
		Sources             []string `json:",omitempty"`
		Confidence          string   `json:",omitempty"`
		Aliases             []Alias  `json:",omitempty"`
		NameZh              string   `json:",omitempty"`
		Deviations          []string `json:",omitempty"`
	}
	type other struct {
		CloudID, Name string
		Sources       []string
	}
	type family struct {
		Name, Const, Title, Product string
		Forms, BaseDomains, Sources []string
		ByCloudBox                  bool
	}
	data := struct {
		Source                               string
		Default                              string
		DefaultPublic, DefaultInternal       string
		GlobalAccelerate, OverseasAccelerate string
		Regionless                           string
		Notes                                []string
		Sources                              []Source `json:",omitempty"`
		Regions                              []region
		Families                             []family `json:",omitempty"`
		OtherRegions                         []other  `json:",omitempty"`
	}{
		Source: t.Source, Default: t.Default.ID, DefaultPublic: t.DefaultPublic, DefaultInternal: t.DefaultInternal,
		GlobalAccelerate: t.GlobalAccelerate, OverseasAccelerate: t.OverseasAccelerate, Regionless: t.Regionless, Notes: t.Notes, Sources: t.Sources,
	}
	for _, o := range t.OtherRegions {
		data.OtherRegions = append(data.OtherRegions, other{o.CloudID, o.Name, o.Sources})
	}
	for _, f := range t.Families {
		x := family{Name: f.Name, Const: f.Const, Title: f.Title, Product: f.Product, BaseDomains: f.BaseDomains, Sources: f.Sources, ByCloudBox: f.ByCloudBox}
		for _, form := range f.Forms {
			x.Forms = append(x.Forms, form.Text)
		}
		data.Families = append(data.Families, x)
	}
	for _, r := range t.Regions {
		x := region{ID: r.ID, Name: r.Name, MainlandChina: r.MainlandChina, Status: r.Status.String(), StatusDate: r.StatusDate,
			Public: r.Public, Internal: r.Internal, VPC: r.VPC, DualStack: r.DualStack, InternalExtra: r.InternalExtra,
			Irregular: r.Irregular, Accelerate: r.Accelerate, AccelerateNotStated: r.AccelerateNotStated, VIPByTicket: r.VIPByTicket,
			Sources: r.Sources, Confidence: r.Confidence, Aliases: r.Aliases, NameZh: r.NameZh}
		for _, d := range r.Deviations {
			x.Deviations = append(x.Deviations, DeviationText(d))
		}
		if r.Cloud != CloudPublic {
			x.Cloud = r.Cloud.String()
		}
		for _, p := range r.VIP {
			x.VIP = append(x.VIP, p.String())
		}
		data.Regions = append(data.Regions, x)
	}
	b, err := json.Marshal(data)
	if err != nil {
		panic(err) // strings, bools and slices of them always marshal
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// DeviationText is a deviation as the digest and the change report show it.
func DeviationText(d Deviation) string {
	return d.Field + " on " + d.Source + ": " + d.Page + " (" + d.Why + ")"
}
