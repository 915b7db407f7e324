package table

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/netip"
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
	type scheme struct {
		Name    string
		Sources []string
	}
	type slip struct {
		Written, Meant, Reason string
		WrittenForm, MeantForm string
		Sources                []string
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
		Schemes                              []scheme `json:",omitempty"`
		Slips                                []slip   `json:",omitempty"`
	}{
		Source: t.Source, Default: t.Default.ID, DefaultPublic: t.DefaultPublic, DefaultInternal: t.DefaultInternal,
		GlobalAccelerate: t.GlobalAccelerate, OverseasAccelerate: t.OverseasAccelerate, Regionless: t.Regionless, Notes: t.Notes, Sources: t.Sources,
	}
	for _, o := range t.OtherRegions {
		data.OtherRegions = append(data.OtherRegions, other{o.CloudID, o.Name, o.Sources})
	}
	for _, s := range t.Schemes {
		data.Schemes = append(data.Schemes, scheme{s.Name, s.Sources})
	}
	for _, s := range t.Slips {
		data.Slips = append(data.Slips, slip{s.Written, s.Meant, s.Reason, s.WrittenForm, s.MeantForm, s.Sources})
	}
	for _, f := range t.Families {
		forms := Mapped(f.Forms, func(f Form) string { return f.Text })
		data.Families = append(data.Families, family{f.Name, f.Const, f.Title, f.Product, forms, f.BaseDomains, f.Sources, f.ByCloudBox})
	}
	for _, r := range t.Regions {
		x := region{ID: r.ID, Name: r.Name, MainlandChina: r.MainlandChina, Status: r.Status.String(), StatusDate: r.StatusDate,
			Public: r.Public, Internal: r.Internal, VPC: r.VPC, DualStack: r.DualStack, InternalExtra: r.InternalExtra,
			Irregular: r.Irregular, Accelerate: r.Accelerate, AccelerateNotStated: r.AccelerateNotStated, VIPByTicket: r.VIPByTicket,
			Sources: r.Sources, Confidence: r.Confidence, Aliases: r.Aliases, NameZh: r.NameZh,
			Deviations: Mapped(r.Deviations, DeviationText), VIP: Mapped(r.VIP, netip.Prefix.String)}
		if r.Cloud != CloudPublic {
			x.Cloud = r.Cloud.String()
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
