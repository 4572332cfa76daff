// Package percentages finds percentages: a number (digits in any script or
// words, arabic.NumberWords) followed by % or ٪ (or preceded by ٪ as
// right-to-left typing leaves it), or by في المئة / في المائة / بالمئة /
// بالمائة. A range "بين 20 و30 في المئة" gives both figures. The qualifier
// before the figure comes from the same lexicon as money's.
package percentages

import (
	"regexp"
	"strings"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Extractor finds percentages.
type Extractor struct{ lex *lexicon.Lexicon }

// New builds the extractor.
func New(res *resources.Resources) *Extractor { return &Extractor{lex: res.Lexicon} }

// Table is schemas.Percentages.
func (*Extractor) Table() *schemas.Table { return schemas.Percentages }

// Found is one percentage with its byte span.
type Found struct {
	textdoc.Span
	Value     float64
	Qualifier string
}

// Extract returns the percentage mentions of d.
func (e *Extractor) Extract(d *textdoc.Document) []resources.Mention {
	var out []resources.Mention
	for _, f := range e.Find(d) {
		row := schemas.Percentages.NewRow().Set("value", f.Value).Set("qualifier", f.Qualifier)
		out = append(out, resources.Mention{Span: f.Span, Row: row})
	}
	return out
}

// urls matches web addresses: their percent-encoded bytes (%20، %28) are
// not percentages.
var urls = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s]+`)

// Find returns the percentages of d in text order.
func (e *Extractor) Find(d *textdoc.Document) []Found {
	out := e.find(d)
	if !strings.Contains(d.Text, "%") {
		return out
	}
	spans := urls.FindAllStringIndex(d.Text, -1)
	if len(spans) == 0 {
		return out
	}
	kept := out[:0]
	for _, f := range out {
		inURL := false
		for _, u := range spans {
			if f.Start < u[1] && f.End > u[0] {
				inURL = true
			}
		}
		if !inURL {
			kept = append(kept, f)
		}
	}
	return kept
}

func (e *Extractor) find(d *textdoc.Document) []Found {
	toks := d.Tokens
	nums := e.lex.NumbersIn(d) // shared with the money extractor
	var out []Found
	for i := 0; i < len(toks); {
		// ٪30: the sign before the figure
		if isSign(toks[i]) && i+1 < len(toks) && toks[i+1].Kind == textdoc.Number && toks[i+1].Start == toks[i].End {
			if n, ok := nums.At(i + 1); ok && n.Next == i+2 && !(i+2 < len(toks) && isSign(toks[i+2])) {
				out = append(out, Found{Span: textdoc.Span{Start: toks[i].Start, End: toks[i+1].End}, Value: n.Value, Qualifier: e.qualifierBefore(toks, i)})
				i += 2
				continue
			}
		}
		n, ok := nums.At(i)
		if !ok {
			i++
			continue
		}
		if end, ok := e.percentAfter(toks, n.Next); ok {
			out = append(out, Found{Span: textdoc.Span{Start: n.Start, End: toks[end-1].End}, Value: n.Value, Qualifier: e.qualifierBefore(toks, i)})
			i = end
			continue
		}
		// بين 20 و30 في المئة، من 5 إلى 7%: the first figure of a range
		k := n.Next
		if k < len(toks) && (toks[k].Stem == "الي" || toks[k].Stem == "حتي" || toks[k].Key == "و" || toks[k].Text == "-") {
			k++
		}
		if k > n.Next || (k < len(toks) && strings.HasPrefix(toks[k].Key, "و")) {
			if n2, ok := nums.At(k); ok && n2.Value > n.Value {
				if end, ok := e.percentAfter(toks, n2.Next); ok {
					q := e.qualifierBefore(toks, i)
					out = append(out,
						Found{Span: textdoc.Span{Start: n.Start, End: toks[n.Next-1].End}, Value: n.Value, Qualifier: q},
						Found{Span: textdoc.Span{Start: n2.Start, End: toks[end-1].End}, Value: n2.Value, Qualifier: q})
					i = end
					continue
				}
			}
		}
		i = n.Next
	}
	return out
}

func isSign(t textdoc.Token) bool { return t.Text == "%" || t.Text == "٪" }

// percentWords are the phrases after a figure that make it a percentage,
// as matching keys of their tokens.
var percentWords = [][]string{{"في", "ميه"}, {"في", "مايه"}, {"بالميه"}, {"بالمايه"}, {"بالمية"}}

// percentAfter reports whether a percent sign or phrase starts at token j,
// and the token after it.
func (e *Extractor) percentAfter(toks []textdoc.Token, j int) (int, bool) {
	if j >= len(toks) {
		return 0, false
	}
	if isSign(toks[j]) {
		return j + 1, true
	}
next:
	for _, words := range percentWords {
		if j+len(words) > len(toks) {
			continue
		}
		for k, w := range words {
			if toks[j+k].Stem != w && toks[j+k].Key != w {
				continue next
			}
		}
		return j + len(words), true
	}
	return 0, false
}

// qualifierBefore returns the qualifier whose words end right before token
// i (the longest such), or "exact".
func (e *Extractor) qualifierBefore(toks []textdoc.Token, i int) string {
	for k := max(0, i-4); k < i; k++ {
		if m, ok := e.lex.Qualifiers.First(toks, k, true, func(m lexicon.Match[string]) bool { return k+m.Tokens == i }); ok {
			return m.Value
		}
	}
	return "exact"
}
