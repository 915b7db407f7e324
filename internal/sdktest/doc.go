// Package sdktest holds the SDK conformance tests of package regions, and
// runnable examples of configuring the OSS SDKs from it. It is a module of
// its own so that neither regions nor the generator depends on the SDKs.
//
// Every test runs offline: the SDKs send their requests through an
// http.Client whose transport records them and answers 200, with a canned
// body where the SDK reads the result (GetAccessPoint, GetVectorBucket);
// net.LookupCNAME asks a DNS server the test starts on the loopback
// address.
package sdktest
