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
	}{
		Source: t.Source, Default: t.Default.ID, DefaultPublic: t.DefaultPublic, DefaultInternal: t.DefaultInternal,
		GlobalAccelerate: t.GlobalAccelerate, OverseasAccelerate: t.OverseasAccelerate, Regionless: t.Regionless, Notes: t.Notes, Sources: t.Sources,
	}
	for _, r := range t.Regions {
		x := region{ID: r.ID, Name: r.Name, MainlandChina: r.MainlandChina, Status: r.Status.String(), StatusDate: r.StatusDate,
			Public: r.Public, Internal: r.Internal, VPC: r.VPC, DualStack: r.DualStack, InternalExtra: r.InternalExtra,
			Irregular: r.Irregular, Accelerate: r.Accelerate, AccelerateNotStated: r.AccelerateNotStated, VIPByTicket: r.VIPByTicket,
			Sources: r.Sources, Confidence: r.Confidence, Aliases: r.Aliases}
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
