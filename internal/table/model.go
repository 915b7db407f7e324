// Package table loads regions.yaml, reports its problems in one error
// (at most MaxReported shown, with a count of the rest), each with its
// file:line:col (a YAML syntax error with its line alone, an empty file
// with neither), and builds the validated model everything else reads.
package table

import (
	"crypto/sha256"
	"encoding/hex"
	"net/netip"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Table is the validated region table with every value the emitters need
// derived, so that they never look up, sort or check.
type Table struct {
	Input       string // the input's file name, safe to print in headers
	Version     string // semantic version, without "v"
	VersionLine int    // where version is written, for the release gate's messages
	Source      string // where the data came from
	SHA256      string // hex SHA-256 of the input file

	Default            *Region // the region the default endpoints map to
	DefaultPublic      string
	DefaultInternal    string
	GlobalAccelerate   string
	OverseasAccelerate string
	Regionless         string // the endpoint of buckets without a region attribute, or ""

	Notes    []string
	Sources  []Source // the documents the table rests on, in table order
	Regions  []Region // in table order
	Families []Family // the host families besides the buckets family, in table order

	PublicDNS    []CloudDNS    // what public DNS shows of each cloud (dns.go), or none
	OtherRegions []OtherRegion // region IDs of Alibaba Cloud that OSS does not list (dns.go)
	Schemes      []Scheme      // the URL schemes ParseEndpoint reads, in table order (slips.go)
	Slips        []Slip        // the slips ParseEndpoint and Parse name, in the order tried (slips.go)

	MaxCloudIDLen int       // length of the longest cloud region ID
	MaxAliasLen   int       // length of the longest alias, or 0
	Areas         []string  // the first parts of the cloud region IDs ("ap", "cn"), sorted, once each
	VIP4, VIP6    []VIPSpan // every VIP range of each family, sorted by address
}

// Region is one checked row of the table.
type Region struct {
	ID      string // "oss-cn-hangzhou"
	CloudID string // "cn-hangzhou"
	GoName  string // "CNHangzhou", the exported constant
	VarName string // "genInfoCNHangzhou", the unexported row
	Name    string // "China (Hangzhou)"
	NameZh  string // "华东 1（杭州）", the China site's name, or ""

	MainlandChina bool
	Cloud         Cloud
	Sources       []string // keys of the Sources the row rests on
	Confidence    string   // "high", "medium" or "low" where stated; required for one source
	Status        Status
	StatusDate    string // YYYY-MM-DD the status took effect, or ""

	Public, Internal, VPC string
	DualStack             string   // the IPv4/IPv6 endpoint, or "" where OSS offers none
	InternalExtra         []string // more internal hosts, such as inside a finance network
	Irregular             bool     // endpoints break the oss-<id>[-internal] pattern
	Accelerate            bool
	AccelerateNotStated   bool // no source says whether the region has acceleration

	VIPByTicket bool           // ranges are published only by ticket
	VIP         []netip.Prefix // canonical, in table order

	Aliases    []Alias     // other values that name the region, in table order
	Deviations []Deviation // values of source pages the table does not take
	Line       int         // where the region's id is written
}

// Host is a region's host and the kind ParseEndpoint reads it as ("public", "vpc", ...).
type Host struct{ Name, Kind string }

// Hosts are the region's hosts, each once, in the order of package regions' Region.Hosts.
func (r *Region) Hosts() []Host {
	hs := []Host{{r.Public, "public"}, {r.Internal, "internal"}}
	for _, h := range r.InternalExtra {
		hs = append(hs, Host{h, "internal"})
	}
	if r.VPC != r.Internal {
		hs = append(hs, Host{r.VPC, "vpc"})
	}
	if r.DualStack != "" {
		hs = append(hs, Host{r.DualStack, "dual-stack"})
	}
	return hs
}

// TableHost is one host of the table and what it is.
type TableHost struct {
	Host           // Kind is "" for the table's own hosts
	Role   string  // "default endpoint", ...; for a region's, "public host", ...
	Region *Region // whose host it is; nil for the table's own, but the default region for the default internal endpoint
}

// AllHosts is every host of the table: its own (default, accelerate and
// regionless endpoints), then each region's in table order.
func (t *Table) AllHosts() []TableHost {
	hs := []TableHost{{Host{t.DefaultPublic, ""}, "default endpoint", nil}, {Host{t.DefaultInternal, ""}, "default internal endpoint", t.Default},
		{Host{t.GlobalAccelerate, ""}, "global accelerate endpoint", nil}, {Host{t.OverseasAccelerate, ""}, "overseas accelerate endpoint", nil}}
	if t.Regionless != "" {
		hs = append(hs, TableHost{Host{t.Regionless, ""}, "regionless endpoint", nil})
	}
	for i := range t.Regions {
		for _, h := range t.Regions[i].Hosts() {
			hs = append(hs, TableHost{h, h.Kind + " host", &t.Regions[i]})
		}
	}
	return hs
}

// RegionByID is the region whose ID is id, or nil.
func (t *Table) RegionByID(id string) *Region {
	if i := slices.IndexFunc(t.Regions, func(r Region) bool { return r.ID == id }); i >= 0 {
		return &t.Regions[i]
	}
	return nil
}

// Alias is another value that tools hand out for a region and Parse accepts.
type Alias struct {
	ID     string // as written: "cn-hzfinance" or "oss-cn-hzfinance"
	Source string // the key of the source that hands it out
}

// VIPSpan is one VIP range as an address interval, for LookupIP's index.
type VIPSpan struct {
	Prefix      netip.Prefix
	First, Last netip.Addr
	Region      *Region
}

// Source is a document the table rests on.
type Source struct {
	Key, Title string
	URL        string // "" where there is none
	Date       string // YYYY-MM-DD or YYYY-MM: when it was read, or the date it shows
}

// Name is one value of a closed set (a lifecycle state, a cloud).
type Name struct {
	Word  string // as regions.yaml writes it and String returns it
	Const string // the constant in package regions
	Doc   string // the constant's doc comment
}

// Statuses are the lifecycle states, indexed by Status; package regions
// numbers its constants from 1 in this order.
var Statuses = []Name{
	{"active", "Active", "Active regions are in service."},
	{"decommissioning", "Decommissioning", "Decommissioning regions still serve requests but are being retired."},
	{"decommissioned", "Decommissioned", "Decommissioned regions no longer serve requests."},
	{"preview", "Preview", "Preview regions are in an invitational preview: they serve invited customers only."},
}

// Clouds are the clouds (AWS's partitions), indexed by Cloud.
var Clouds = []Name{
	{"public", "CloudPublic", "CloudPublic is Alibaba Cloud's public cloud, whose regions the DescribeRegions API lists."},
	{"finance", "CloudFinance", "CloudFinance is the finance cloud, for financial institutions in mainland China."},
	{"government", "CloudGovernment", "CloudGovernment is the government cloud."},
}

// Status is a region's lifecycle state, an index into Statuses.
type Status int

// The states of Statuses, for the code that tells them apart.
const (
	StatusActive Status = iota
	StatusDecommissioning
	StatusDecommissioned
	StatusPreview
)

// String returns the state as the YAML writes it.
func (s Status) String() string { return Statuses[s].Word }

// Cloud is the cloud a region belongs to, an index into Clouds.
type Cloud int

// The clouds of Clouds; CloudPublic is the default.
const (
	CloudPublic Cloud = iota
	CloudFinance
	CloudGovernment
)

// String returns the cloud as the YAML writes it.
func (c Cloud) String() string { return Clouds[c].Word }

// Mapped is f of each of xs, in order, or nil for none.
func Mapped[T, U any](xs []T, f func(T) U) (out []U) {
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// nameWords lists the words of names, and nameConsts their constants.
func nameWords(names []Name) []string  { return Mapped(names, func(n Name) string { return n.Word }) }
func nameConsts(names []Name) []string { return Mapped(names, func(n Name) string { return n.Const }) }

// orList lists words for a message: "a, b or c".
func orList(words []string) string {
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// build checks the decoded table and builds the Table, recording its problems.
func build(root *node, ps *problems) *Table {
	v := &validator{ps: ps, hosts: map[string]use{}, ids: map[string]*node{}, goNames: map[string]string{},
		names: map[string]*node{}, aliases: map[string]use{}, sourceKeys: map[string]*node{}, sourcesUsed: map[string]bool{}}
	t := &Table{Version: root.get("version").val(), VersionLine: root.get("version").pos.line, Source: root.get("source").val()}
	for _, n := range root.get("notes").items {
		t.Notes = append(t.Notes, n.val())
	}
	t.Sources = v.sources(root.get("sources"))
	def, accel := root.get("default_endpoints"), root.get("accelerate_endpoints")
	t.DefaultPublic, t.DefaultInternal = v.host(def.get("public"), ""), v.host(def.get("internal"), "")
	t.GlobalAccelerate, t.OverseasAccelerate = v.host(accel.get("global"), ""), v.host(accel.get("overseas"), "")
	t.Regionless = v.host(root.get("regionless_endpoint"), "")
	regions := root.get("regions")
	if regions.ok && len(regions.items) == 0 {
		v.bad(regions, "the table has no regions")
	}
	for _, n := range regions.items {
		t.Regions = append(t.Regions, v.region(n))
	}
	v.checkDeviations(regions.items, t.Regions)
	v.checkOverlaps()
	v.checkAliases(regions.items, t)
	t.Families = v.families(root.get("families"))
	t.PublicDNS = v.publicDNS(root.get("public_dns"))
	t.OtherRegions = v.otherRegions(root.get("other_region_ids"))
	t.Schemes = v.schemes(root.get("schemes"))
	t.Slips = v.slips(root.get("slips"), t.Regions)
	v.checkSourcesUsed(root.get("sources"))
	t.Default = v.defaultRegion(root.get("default_region"), t.Regions)
	return t
}

// derive computes the values that emission needs from a valid table.
func derive(t *Table) {
	for i := range t.Regions {
		r := &t.Regions[i]
		t.MaxCloudIDLen = max(t.MaxCloudIDLen, len(r.CloudID))
		for _, a := range r.Aliases {
			t.MaxAliasLen = max(t.MaxAliasLen, len(a.ID))
		}
		for _, p := range r.VIP {
			s := VIPSpan{Prefix: p, First: p.Addr(), Last: lastAddr(p), Region: r}
			if p.Addr().Is4() {
				t.VIP4 = append(t.VIP4, s)
			} else {
				t.VIP6 = append(t.VIP6, s)
			}
		}
	}
	t.Areas = areasOf(t.Regions)
	for _, spans := range [][]VIPSpan{t.VIP4, t.VIP6} {
		sort.Slice(spans, func(i, j int) bool { return spans[i].First.Less(spans[j].First) })
	}
}

// lastAddr returns the last address of a prefix.
func lastAddr(p netip.Prefix) netip.Addr {
	a := p.Masked().Addr().AsSlice()
	for bit := p.Bits(); bit < len(a)*8; bit++ {
		a[bit/8] |= 0x80 >> (bit % 8)
	}
	last, _ := netip.AddrFromSlice(a)
	return last
}

// displayName is the input's base name as headers show it, with anything
// but letters, digits and ._+- replaced, so that it cannot end a comment.
func displayName(path string) string {
	return unsafeInName.ReplaceAllString(path[strings.LastIndexAny(path, `/\`)+1:], "_")
}

var unsafeInName = regexp.MustCompile(`[^A-Za-z0-9._+-]`)

// Load reads, parses and validates one table file.
func Load(path string) (*Table, error) { return load(path, false) }

// LoadEarlier is Load for the table of an earlier release (ParseEarlier).
func LoadEarlier(path string) (*Table, error) { return load(path, true) }

// Parse turns the bytes of a table file into a validated Table; all
// problems come back as one *InputError.
func Parse(path string, data []byte) (*Table, error) { return parse(path, data, false) }

// ParseEarlier is Parse for an earlier release's table, which may predate the sources fields.
func ParseEarlier(path string, data []byte) (*Table, error) { return parse(path, data, true) }

func load(path string, earlier bool) (*Table, error) {
	data, err := ReadRegular(path, MaxInputSize, "MaxInputSize in internal/table/load.go", os.Stat)
	if err != nil {
		return nil, err
	}
	return parse(path, data, earlier)
}

func parse(path string, data []byte, earlier bool) (*Table, error) {
	ps := &problems{file: path}
	var t *Table
	if root := decode(data, ps, earlier); root != nil {
		t = build(root, ps)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	derive(t)
	sum := sha256.Sum256(data)
	t.Input, t.SHA256 = displayName(path), hex.EncodeToString(sum[:])
	return t, nil
}
