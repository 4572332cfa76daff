package pipeline

import (
	"bytes"
	"unicode/utf8"
)

// parseRecordFast reads a JSON Lines record of the common shape — one
// object whose keys are exactly id, text, title, published and source,
// each at most once, every value a string without \u escapes — and
// reports false for anything else, which encoding/json then reads (and
// gives its errors for). It exists for speed: encoding/json checks the
// whole line and then decodes it, rune by rune for Arabic text, and was
// about 5% of a run's CPU. On the records it accepts it gives exactly what
// json.Unmarshal gives (TestParseRecordFastAgreesWithJSON), except that
// the text is left in textBytes, not Text: the input wants bytes, and each
// copy of every article's text was a few percent of what a run allocated.
func parseRecordFast(line []byte) (jsonlRecord, bool) {
	var rec jsonlRecord
	p := recordParser{b: line}
	p.space()
	if !p.byte('{') {
		return rec, false
	}
	var seen [len(recordKeys)]bool
	for first := true; ; first = false {
		p.space()
		if first && p.byte('}') {
			break
		}
		key, ok := p.rawString()
		if !ok {
			return rec, false
		}
		k := recordKey(key)
		if k < 0 || seen[k] {
			// another key (encoding/json would match it without regard to
			// case) or a repeated one (the last would win): not this path
			return rec, false
		}
		seen[k] = true
		p.space()
		if !p.byte(':') {
			return rec, false
		}
		p.space()
		start := p.i
		raw, ok := p.rawString()
		if !ok {
			return rec, false
		}
		b, ok := unescape(raw)
		if !ok {
			return rec, false
		}
		switch recordKeys[k] {
		case "id":
			rec.ID = append([]byte(nil), p.b[start:p.i]...) // json.RawMessage keeps the value as written
		case "text":
			rec.textBytes = b
		case "title":
			rec.Title = string(b)
		case "published":
			rec.Published = string(b)
		case "source":
			rec.Source = string(b)
		}
		p.space()
		if p.byte('}') {
			break
		}
		if !p.byte(',') {
			return rec, false
		}
	}
	p.space()
	return rec, p.i == len(p.b)
}

// recordKeys are the keys parseRecordFast reads, as jsonlRecord names them.
var recordKeys = [...]string{"id", "text", "title", "published", "source"}

func recordKey(b []byte) int {
	for k, name := range recordKeys {
		if string(b) == name {
			return k
		}
	}
	return -1
}

// recordParser walks one line.
type recordParser struct {
	b []byte
	i int
}

// space skips JSON whitespace.
func (p *recordParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte consumes c if it is next.
func (p *recordParser) byte(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// rawString consumes a string and returns what is between its quotes, as
// written. It refuses control characters (invalid JSON) and \u escapes
// (surrogates and invalid code points are encoding/json's to handle).
func (p *recordParser) rawString() ([]byte, bool) {
	if !p.byte('"') {
		return nil, false
	}
	start := p.i
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return p.b[start : p.i-1], true
		case c < 0x20:
			return nil, false
		case c == '\\':
			if p.i+1 >= len(p.b) || p.b[p.i+1] == 'u' {
				return nil, false
			}
			p.i += 2
		default:
			p.i++
		}
	}
	return nil, false
}

// unescape decodes the simple escapes of a raw string into a new slice
// (never nil). It refuses invalid UTF-8, which encoding/json replaces with
// U+FFFD: escapes give ASCII only, so checking the result checks the text
// as written.
func unescape(raw []byte) ([]byte, bool) {
	out := make([]byte, 0, len(raw))
	for i := 0; ; i++ {
		j := bytes.IndexByte(raw[i:], '\\')
		if j < 0 {
			out = append(out, raw[i:]...)
			break
		}
		out = append(out, raw[i:i+j]...)
		i += j + 1 // the escaped byte: a backslash is never last (rawString)
		switch raw[i] {
		case '"', '\\', '/':
			out = append(out, raw[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		default:
			return nil, false
		}
	}
	if !utf8.Valid(out) {
		return nil, false
	}
	return out, true
}
