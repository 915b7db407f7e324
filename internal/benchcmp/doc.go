// Package benchcmp compares the regions package with the AWS SDK for Go v1
// endpoint resolver, the kind of table users have today. It is a module of
// its own so that neither regions nor the generator depends on the SDK.
package benchcmp
