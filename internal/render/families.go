package render

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/ossregions/ossregions/internal/table"
)

// genFamilies emits the constants of the host families after Buckets,
// their names, signing products, host forms and base domains. Every
// comment is made of validated values: a family's constant, title,
// templates and source keys.
func genFamilies(f *jen.File, t *table.Table) {
	if len(t.Families) > 0 {
		genFamilyConsts(f, t)
	}
	names := []jen.Code{jen.Lit("buckets")}
	products := []jen.Code{jen.Lit("oss")}
	var forms, bases []jen.Code
	for _, fam := range t.Families {
		names = append(names, jen.Lit(fam.Name))
		products = append(products, jen.Lit(fam.Product))
		for _, form := range fam.Forms {
			forms = append(forms, jen.Values(jen.Dict{
				jen.Id("family"):   jen.Id(fam.Const),
				jen.Id("domain"):   jen.Lit("." + form.Domain),
				jen.Id("prefix"):   jen.Lit(form.Prefix),
				jen.Id("bucket"):   jen.Lit(form.Bucket),
				jen.Id("cloudBox"): jen.Lit(form.CloudBox),
				jen.Id("zone"):     jen.Lit(form.Zone),
				jen.Id("internal"): jen.Lit(form.Internal),
			}))
		}
		for _, b := range fam.BaseDomains {
			bases = append(bases, jen.Values(jen.Lit(b), jen.Id(fam.Const)))
		}
	}
	f.Comment("genFamilyNames is indexed by Family: what String returns.")
	f.Var().Id("genFamilyNames").Op("=").Index(jen.Op("...")).String().Custom(multiline, names...)
	f.Comment("genFamilyProducts is indexed by Family: the V4 signing product of its hosts.")
	f.Var().Id("genFamilyProducts").Op("=").Index(jen.Op("...")).String().Custom(multiline, products...)
	f.Comment("genHostForms lists the families' host forms, in table order.")
	f.Var().Id("genHostForms").Op("=").Index(jen.Op("...")).Id("hostForm").Custom(multiline, forms...)
	f.Comment("genBaseDomains lists the families' domains that are no endpoint.")
	f.Var().Id("genBaseDomains").Op("=").Index(jen.Op("...")).Id("baseDomain").Custom(multiline, bases...)
	var cloudBox []jen.Code
	for _, fam := range t.Families {
		if fam.ByCloudBox {
			cloudBox = append(cloudBox, jen.Id(fam.Const))
		}
	}
	f.Comment("genSignsByCloudBox reports whether V4 signs the hosts of family f with the CloudBox ID they carry.")
	f.Func().Id("genSignsByCloudBox").Params(jen.Id("f").Id("Family")).Bool().BlockFunc(func(g *jen.Group) {
		if len(cloudBox) == 0 {
			g.Return(jen.False())
			return
		}
		g.Switch(jen.Id("f")).Block(jen.Case(cloudBox...).Block(jen.Return(jen.True())))
		g.Return(jen.False())
	})
}

// genFamilyConsts emits the Family constants after Buckets, each with a
// doc comment made of validated values.
func genFamilyConsts(f *jen.File, t *table.Table) {
	f.Comment("The families of OSS hosts besides Buckets, from regions.yaml.")
	f.Const().DefsFunc(func(g *jen.Group) {
		for i, fam := range t.Families {
			forms := make([]string, len(fam.Forms))
			for j, form := range fam.Forms {
				forms[j] = form.Text
			}
			doc := fam.Const + " is the family " + fam.Name + ": " + fam.Title + ". Its hosts: " + strings.Join(forms, ", ") + "."
			if fam.ByCloudBox {
				doc += " V4 signs with the CloudBox ID as the region."
			}
			if fam.Product != "oss" {
				doc += " V4 signing product: " + fam.Product + "."
			}
			wrapComment(g, doc+" Sources: "+strings.Join(fam.Sources, ", ")+".")
			if i == 0 {
				g.Id(fam.Const).Id("Family").Op("=").Iota().Op("+").Lit(1)
			} else {
				g.Id(fam.Const)
			}
		}
	})
}
