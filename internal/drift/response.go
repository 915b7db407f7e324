package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A DescribeRegions body is untrusted input: bounded in size (the real
// one is some 10 KB), entries and values (no ID or host is longer).
const (
	maxResponseSize = 1 << 20
	maxEntries      = 10000
	maxValueLen     = 253
)

// entry is one RegionInfo, with its line: values without surrounding
// white space, the fields given more than once, every Region given.
type entry struct {
	Region, InternetEndpoint, InternalEndpoint, AccelerateEndpoint string

	line              int
	repeated, regions []string
}

var errTooLarge = fmt.Errorf("the response is larger than %d bytes (maxResponseSize in internal/drift/response.go)", maxResponseSize)

// parseResponse reads a DescribeRegions body: a RegionInfoList of
// RegionInfo entries; unknown elements are skipped.
func parseResponse(body []byte) ([]entry, error) {
	if len(body) > maxResponseSize {
		return nil, errTooLarge
	}
	if bytes.HasPrefix(body, []byte{0xfe, 0xff}) || bytes.HasPrefix(body, []byte{0xff, 0xfe}) {
		return nil, errors.New("the response is UTF-16; save it as UTF-8")
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")) // a UTF-8 byte-order mark
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("the response is empty")
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	charset := ""
	d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		charset = label
		return nil, errors.New("not UTF-8")
	}
	root, err := nextElement(d, "the response is not XML: it has text before its first element")
	if charset != "" {
		return nil, fmt.Errorf("the response declares the encoding %s; only UTF-8 is read: save it as UTF-8", quote(charset))
	}
	if err == nil && root == nil {
		err = xmlError(d, io.EOF)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case root.Name.Space != "":
		return nil, fmt.Errorf("the response's root element is in the namespace %s; expected OSS's <RegionInfoList>", quote(root.Name.Space))
	case root.Name.Local == "Error":
		var se struct{ Code, Message string }
		if err := d.DecodeElement(&se, root); err != nil {
			return nil, xmlError(d, err)
		}
		return nil, fmt.Errorf("the response is an OSS error, not a region list: %s: %s", quote(se.Code), quote(se.Message))
	case root.Name.Local == "RegionInfoList":
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
			next, err := nextElement(d, "the response has text after </RegionInfoList>")
			if next != nil {
				err = errors.New("the response has a second root element after </RegionInfoList>")
			}
			return entries, err
		case xml.StartElement:
			if tok.Name.Local != "RegionInfo" || tok.Name.Space != "" {
				if err := d.Skip(); err != nil { // an element this check does not know
					return nil, xmlError(d, err)
				}
				continue
			}
			if len(entries) == maxEntries {
				return nil, fmt.Errorf("the response lists more than %d regions (maxEntries in internal/drift/response.go)", maxEntries)
			}
			e, err := regionInfo(d, &tok, line)
			if err != nil {
				return nil, err
			}
			entries = append(entries, e)
		}
	}
}

// regionInfo reads one RegionInfo. Unknown and namespaced elements are
// skipped; a field given twice makes it ambiguous.
func regionInfo(d *xml.Decoder, start *xml.StartElement, line int) (entry, error) {
	var raw struct {
		Fields []struct {
			XMLName xml.Name
			Value   string `xml:",chardata"`
		} `xml:",any"`
	}
	if err := d.DecodeElement(&raw, start); err != nil {
		return entry{}, xmlError(d, err)
	}
	e := entry{line: line}
	fields := map[string]*string{
		"Region": &e.Region, "InternetEndpoint": &e.InternetEndpoint,
		"InternalEndpoint": &e.InternalEndpoint, "AccelerateEndpoint": &e.AccelerateEndpoint,
	}
	seen := map[string]bool{}
	for _, f := range raw.Fields {
		name := f.XMLName.Local
		if p := fields[name]; p != nil && f.XMLName.Space == "" {
			if seen[name] {
				e.repeated = append(e.repeated, name)
			}
			seen[name], *p = true, strings.TrimSpace(f.Value)
			if name == "Region" {
				e.regions = append(e.regions, *p)
			}
		}
	}
	return e, nil
}

// nextElement reads to the next start element, or the end (nil); text on
// the way is refused with the message text.
func nextElement(d *xml.Decoder, text string) (*xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		if err != nil {
			return nil, xmlError(d, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			return &tok, nil
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) > 0 {
				return nil, errors.New(text)
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
