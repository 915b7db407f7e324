package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The DescribeRegions response is untrusted input, as the YAML is: its
// size, its entry count and every value are bounded, its XML errors are
// reported with their line, unknown elements are ignored, and every value
// is checked before it is compared or shown.

// maxResponseSize bounds a response body. The real list (a few dozen
// regions of about 250 bytes each) is some 10 KB.
const maxResponseSize = 1 << 20

// maxEntries bounds the RegionInfo elements read.
const maxEntries = 10000

// maxValueLen bounds one value: no region ID or host name is longer.
const maxValueLen = 253

// entry is one RegionInfo of the response, as given, with its line.
type entry struct {
	Region             string `xml:"Region"`
	InternetEndpoint   string `xml:"InternetEndpoint"`
	InternalEndpoint   string `xml:"InternalEndpoint"`
	AccelerateEndpoint string `xml:"AccelerateEndpoint"`
	line               int
}

// serviceError is an OSS error body, <Error><Code>...</Code>...</Error>,
// where a region list was expected.
type serviceError struct {
	Code    string `xml:"Code"`
	Message string `xml:"Message"`
}

func (e *serviceError) Error() string {
	return fmt.Sprintf("the response is an OSS error, not a region list: %s: %s", quote(e.Code), quote(e.Message))
}

// errTooLarge is the error of a body over maxResponseSize.
var errTooLarge = fmt.Errorf("the response is larger than %d bytes (maxResponseSize in internal/drift/response.go)", maxResponseSize)

// parseResponse reads a DescribeRegions body: a RegionInfoList of
// RegionInfo entries. An OSS error body comes back as a *serviceError.
func parseResponse(body []byte) ([]entry, error) {
	if len(body) > maxResponseSize {
		return nil, errTooLarge
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("the response is empty")
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	root, err := rootElement(d)
	if err != nil {
		return nil, err
	}
	switch root.Name.Local {
	case "Error":
		var se serviceError
		if err := d.DecodeElement(&se, &root); err != nil {
			return nil, xmlError(d, err)
		}
		return nil, &se
	case "RegionInfoList":
	default:
		return nil, fmt.Errorf("the response's root element is <%s>; expected <RegionInfoList>", quoteText(root.Name.Local))
	}
	var entries []entry
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err != nil {
			return nil, xmlError(d, err)
		}
		switch tok := tok.(type) {
		case xml.EndElement:
			return entries, trailing(d)
		case xml.StartElement:
			if tok.Name.Local != "RegionInfo" {
				if err := d.Skip(); err != nil { // an element this check does not know
					return nil, xmlError(d, err)
				}
				continue
			}
			if len(entries) == maxEntries {
				return nil, fmt.Errorf("the response lists more than %d regions (maxEntries in internal/drift/response.go)", maxEntries)
			}
			e := entry{line: line}
			if err := d.DecodeElement(&e, &tok); err != nil {
				return nil, xmlError(d, err)
			}
			entries = append(entries, e)
		}
	}
}

// rootElement returns the first start element, past the XML declaration,
// comments and white space.
func rootElement(d *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, xmlError(d, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			return tok, nil
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) > 0 {
				return xml.StartElement{}, errors.New("the response is not XML: it has text before its first element")
			}
		}
	}
}

// trailing refuses anything but white space and comments after the root.
func trailing(d *xml.Decoder) error {
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return xmlError(d, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			return errors.New("the response has a second root element after </RegionInfoList>")
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) > 0 {
				return errors.New("the response has text after </RegionInfoList>")
			}
		}
	}
}

// xmlError says what is wrong with the XML, and where.
func xmlError(d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("the response is not well-formed XML: line %d: %s", se.Line, quoteText(se.Msg))
	}
	line, col := d.InputPos()
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("the response ends before its XML does (line %d)", line)
	}
	return fmt.Errorf("the response is not readable XML at line %d, column %d: %s", line, col, quoteText(err.Error()))
}

// quote quotes a value from the response for a message or report: ASCII
// only, every other character escaped, at most maxValueLen bytes of it.
func quote(s string) string {
	if len(s) > maxValueLen {
		return fmt.Sprintf("%+q...", s[:maxValueLen])
	}
	return fmt.Sprintf("%+q", s)
}

// quoteText is quote without the quotation marks, for messages of the XML
// parser, which may repeat parts of the input.
func quoteText(s string) string {
	q := quote(s)
	return strings.TrimSuffix(strings.TrimPrefix(q, `"`), `"`)
}
