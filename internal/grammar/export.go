// Package grammar states once what OSS region IDs and hosts look like, for
// internal/table and, through a generated copy of grammar.go, package regions.
package grammar

import _ "embed"

// Source is grammar.go, which the generator copies into package regions.
//
//go:embed grammar.go
var Source string

// OSSDomain ends every OSS endpoint host.
const OSSDomain = genOSSDomain

// DualStackDomain follows the cloud region ID in a dual-stack host.
const DualStackDomain = genDualStackDomain

// IsCloudID reports whether id has the form of a cloud region ID (cn-hangzhou).
func IsCloudID(id string) bool { return genIsCloudID(id) }

// IsHostLabel reports whether l is a DNS label as OSS hosts write it.
func IsHostLabel(l string) bool { return genIsHostLabel(l) }

// RegionHostID returns the ID in oss-<id>[-internal].aliyuncs.com, unchecked.
func RegionHostID(h string) (id string, internal, ok bool) { return genRegionHostID(h) }

// DualStackID returns the label in front of .oss.aliyuncs.com, unchecked.
func DualStackID(h string) (id string, ok bool) { return genDualStackID(h) }

// NameKey returns the form in which region names are compared.
func NameKey(s string) string { return string(genNameKey(nil, []byte(s))) }
