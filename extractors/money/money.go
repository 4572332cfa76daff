// Package money finds monetary amounts: a number (digits in any script,
// decimal point or decimal comma) or a scale word on its own (مليار دولار،
// ملياري دولار), any scale words (ألف، مليون، مليار and their plurals and
// duals), and a currency by name or symbol, resolved to ISO 4217. A
// qualifier before the number (نحو، أكثر من، حوالي) fills the qualifier
// column. Without a currency there is no money: percentages, populations
// and counts (80 مليون نسمة، 1800 مشروع) are never amounts.
package money

import (
	"strings"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Extractor finds amounts of money.
type Extractor struct {
	lex *lexicon.Lexicon
	gaz *gazetteer.Gazetteer
}

// New builds the extractor.
func New(res *resources.Resources) *Extractor {
	return &Extractor{lex: res.Lexicon, gaz: res.Gazetteer}
}

// Table is schemas.Money.
func (*Extractor) Table() *schemas.Table { return schemas.Money }

// maxAmount bounds what is read as an amount: stacked scale words beyond
// it ("مليار مليار") are rhetoric, not a figure.
const maxAmount = 1e15

// Found is one amount with its byte span.
type Found struct {
	textdoc.Span
	Amount    float64
	Currency  string
	Qualifier string
}

// Extract returns the money mentions of d.
func (e *Extractor) Extract(d *textdoc.Document) []resources.Mention {
	var out []resources.Mention
	for _, f := range e.Find(d) {
		row := schemas.Money.NewRow().
			Set("amount", f.Amount).
			Set("currency", f.Currency).
			Set("qualifier", f.Qualifier)
		out = append(out, resources.Mention{Span: f.Span, Row: row})
	}
	return out
}

// Find returns the amounts in d in text order.
func (e *Extractor) Find(d *textdoc.Document) []Found {
	toks := d.Tokens
	var context map[string]bool // countries named in the article, computed on demand
	var out []Found
	for i := 0; i < len(toks); {
		f, next, readings, ok := e.amountAt(toks, i)
		if !ok {
			i++
			continue
		}
		code, resolved := pickCurrency(readings, func() map[string]bool {
			if context == nil {
				context = e.countriesIn(d)
			}
			return context
		})
		if resolved {
			f.Currency = code
			f.Qualifier = e.qualifierBefore(toks, i)
			out = append(out, f)
		}
		i = next
	}
	return out
}

// amountAt reads [symbol] number [scale…] currency, or scale currency, at
// token i.
func (e *Extractor) amountAt(toks []textdoc.Token, i int) (Found, int, []lexicon.Currency, bool) {
	start := toks[i].Start
	j := i
	var symbol []lexicon.Currency
	if toks[i].Kind == textdoc.Punct {
		m, ok := e.lex.Currencies.Longest(toks, i, false)
		if !ok {
			return Found{}, 0, nil, false
		}
		symbol, j = m.Value, i+m.Tokens
	}
	value, numStart, ok := number(toks, j)
	if ok {
		if symbol == nil {
			start = numStart
		}
		j++
	} else if symbol == nil {
		// مليار دولار، ملياري دولار: a scale word standing for its own count.
		m, ok := e.lex.Scales.Longest(toks, j, true)
		if !ok || m.Value.Count == 0 {
			return Found{}, 0, nil, false
		}
		value = float64(m.Value.Count)
		start = m.Start(toks[j])
	} else {
		return Found{}, 0, nil, false
	}
	for j < len(toks) {
		m, ok := e.lex.Scales.Longest(toks, j, false)
		if !ok {
			break
		}
		value *= m.Value.Value
		j += m.Tokens
	}
	readings := symbol
	end := j
	if readings == nil {
		m, ok := e.lex.Currencies.Longest(toks, j, false)
		if !ok {
			return Found{}, 0, nil, false
		}
		readings, end = m.Value, j+m.Tokens
	}
	if value <= 0 || value > maxAmount {
		return Found{}, 0, nil, false
	}
	return Found{Span: textdoc.Span{Start: start, End: toks[end-1].End}, Amount: value}, end, readings, true
}

// number reads a numeric token, allowing a glued proclitic (ب10، و5.7).
func number(toks []textdoc.Token, i int) (float64, int, bool) {
	if i >= len(toks) {
		return 0, 0, false
	}
	t := toks[i]
	text, start := t.Text, t.Start
	if t.Kind == textdoc.Word {
		r := []rune(text)
		k := 0
		for k < len(r) && k < 2 && strings.ContainsRune("وبلف", r[k]) {
			k++
		}
		for k < len(r) && r[k] == arabic.Tatweel {
			k++
		}
		if k == 0 || k >= len(r) || !arabic.IsDigit(r[k]) {
			return 0, 0, false
		}
		start += len(string(r[:k]))
		text = string(r[k:])
	} else if t.Kind != textdoc.Number {
		return 0, 0, false
	}
	v, ok := arabic.ParseNumber(text)
	return v, start, ok
}

// qualifierBefore returns the qualifier whose words end right before token
// i (the longest such), or "exact".
func (e *Extractor) qualifierBefore(toks []textdoc.Token, i int) string {
	for k := max(0, i-4); k < i; k++ {
		for _, m := range e.lex.Qualifiers.At(toks, k, true) {
			if k+m.Tokens == i {
				return m.Value
			}
		}
	}
	return "exact"
}

// pickCurrency chooses among the readings of a currency word: the only one;
// else the one used by a country the article names; else the default.
func pickCurrency(readings []lexicon.Currency, context func() map[string]bool) (string, bool) {
	if len(readings) == 1 {
		return readings[0].Code, true
	}
	ctx := context()
	var inContext []string
	for _, r := range readings {
		for _, c := range r.Countries {
			if ctx[c] {
				inContext = append(inContext, r.Code)
				break
			}
		}
	}
	if len(inContext) == 1 {
		return inContext[0], true
	}
	for _, r := range readings {
		if r.Default {
			return r.Code, true
		}
	}
	return "", false
}

// countriesIn returns the countries the article names by name, short name
// or adjective (not by city, which says less about the currency).
func (e *Extractor) countriesIn(d *textdoc.Document) map[string]bool {
	out := map[string]bool{}
	for _, m := range e.gaz.Scan(d.Tokens, 0, len(d.Tokens)) {
		for _, en := range m.Entries {
			if en.Country != nil && !en.Has(gazetteer.NeedsContext) && en.Kind != "city" && en.Kind != "capital" {
				out[en.Country.ISO2] = true
			}
		}
	}
	return out
}
