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
	Amount     float64
	Currency   string       // ISO 4217, or "" when ResolvedBy is "ambiguous"
	ResolvedBy string       // how the currency was chosen: schemas.CurrencyResolvedBy
	Word       textdoc.Span // the currency word or symbol as written
	Qualifier  string
}

// Extract returns the money mentions of d.
func (e *Extractor) Extract(d *textdoc.Document) []resources.Mention {
	var out []resources.Mention
	for _, f := range e.Find(d) {
		row := schemas.Money.NewRow().
			Set("amount", f.Amount).
			Set("currency_word", d.Text[f.Word.Start:f.Word.End]).
			Set("currency_resolved_by", f.ResolvedBy).
			Set("qualifier", f.Qualifier)
		if f.Currency != "" {
			row.Set("currency", f.Currency)
		}
		out = append(out, resources.Mention{Span: f.Span, Row: row})
	}
	return out
}

// Find returns the amounts in d in text order. A range ("من 2.4 إلى 7.2
// مليار دولار"، "بين 10 و20 دولارا"، "10-20 دولار") gives two amounts, the
// first taking the scale and currency written after the second.
func (e *Extractor) Find(d *textdoc.Document) []Found {
	toks := d.Tokens
	nums := e.lex.NumbersIn(d)      // shared with the percentages extractor
	var context map[string]evidence // countries named in the article, computed on demand
	ctx := func() map[string]evidence {
		if context == nil {
			context = e.countriesIn(d)
		}
		return context
	}
	var out []Found
	for i := 0; i < len(toks); {
		if pair, next, ok := e.rangeAt(toks, nums, i, ctx); ok {
			out = append(out, pair...)
			i = next
			continue
		}
		a, ok := e.amountAt(toks, nums, i)
		if !ok {
			i++
			continue
		}
		f := a.found
		f.Currency, f.ResolvedBy = pickCurrency(a.readings, ctx)
		f.Qualifier = e.qualifier(toks, i, a.next)
		out = append(out, f)
		i = a.next
	}
	return out
}

// amount is one amount read at a token, before its currency is decided.
type amount struct {
	found    Found
	scale    float64 // the product of the scale words after the figure (1 if none)
	readings []lexicon.Currency
	next     int
}

// amountAt reads [symbol] number [scale…] currency|symbol, or a scale word
// standing for its own count (مليار دولار، ملياري دولار), at token i.
func (e *Extractor) amountAt(toks []textdoc.Token, nums *lexicon.Numbers, i int) (amount, bool) {
	start := toks[i].Start
	j := i
	var symbol []lexicon.Currency
	var word textdoc.Span // the currency symbol or word(s)
	if toks[i].Kind == textdoc.Punct || isLatinCode(toks[i]) {
		m, ok := e.lex.Currencies.Longest(toks, i, false)
		if !ok {
			return amount{}, false
		}
		symbol, j = m.Value, i+m.Tokens
		word = textdoc.Span{Start: toks[i].Start, End: toks[j-1].End}
	}
	var value, scale float64
	if num, ok := nums.At(j); ok {
		if symbol == nil {
			start = num.Start
		}
		value, scale, j = num.Value, num.Value/num.Figure, num.Next
	} else if symbol == nil {
		m, ok := e.lex.Scales.Longest(toks, j, true)
		if !ok || m.Value.Count == 0 {
			return amount{}, false
		}
		value, scale = float64(m.Value.Count)*m.Value.Value, m.Value.Value
		start = m.Start(toks[j])
		j += m.Tokens
	} else {
		return amount{}, false
	}
	readings := symbol
	end := j
	if readings == nil {
		m, ok := e.lex.Currencies.Longest(toks, j, false)
		if !ok {
			return amount{}, false
		}
		readings, end = m.Value, j+m.Tokens
		word = textdoc.Span{Start: toks[j].Start, End: toks[end-1].End}
	}
	if value <= 0 || value > maxAmount {
		return amount{}, false
	}
	return amount{
		found: Found{Span: textdoc.Span{Start: start, End: toks[end-1].End}, Amount: value, Word: word},
		scale: scale, readings: readings, next: end,
	}, true
}

// isLatinCode reports whether a token is three capital Latin letters (an
// ISO 4217 code such as KWD before or after a figure).
func isLatinCode(t textdoc.Token) bool {
	if len(t.Text) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if t.Text[i] < 'A' || t.Text[i] > 'Z' {
			return false
		}
	}
	return true
}

// Words that open and join the two ends of a range, as matching keys.
var (
	rangeOpen = []string{"من", "بين"}
	rangeTo   = []string{"الي", "حتي"}
	// opensRange is isWord(t, rangeOpen...) per word: rangeAt asks it at
	// every token
	opensRange = textdoc.NewWordTest(func(t textdoc.Token) bool { return isWord(t, rangeOpen...) })
)

// rangeAt reads "من X إلى Y currency", "بين X و Y currency" (also ما بين)
// and "X-Y currency" at token i.
func (e *Extractor) rangeAt(toks []textdoc.Token, nums *lexicon.Numbers, i int, ctx func() map[string]evidence) ([]Found, int, bool) {
	t := toks[i]
	if t.Kind == textdoc.Number {
		return e.rangeToken(toks, i, ctx)
	}
	if !opensRange.Of(t) || i+1 >= len(toks) {
		return nil, 0, false
	}
	j := i + 1
	n1, ok := nums.At(j)
	if !ok {
		return nil, 0, false
	}
	if _, standsAlone := e.amountAt(toks, nums, j); standsAlone {
		return nil, 0, false // من 2.4 مليار دولار إلى …: each amount stands alone
	}
	k := n1.Next
	if k < len(toks) && (isWord(toks[k], rangeTo...) || toks[k].Key == "و") {
		k++
	}
	if k >= len(toks) {
		return nil, 0, false
	}
	second, ok := e.amountAt(toks, nums, k)
	if !ok {
		return nil, 0, false
	}
	code, by := pickCurrency(second.readings, ctx)
	q := e.qualifier(toks, i, second.next)
	v1 := n1.Value
	if n1.Value == n1.Figure {
		v1 *= second.scale // the first figure takes the scale written after the second
	}
	if v1 <= 0 || v1 >= second.found.Amount {
		return nil, 0, false
	}
	first := Found{Span: textdoc.Span{Start: n1.Start, End: toks[n1.Next-1].End}, Amount: v1,
		Currency: code, ResolvedBy: by, Word: second.found.Word, Qualifier: q}
	sf := second.found
	sf.Currency, sf.ResolvedBy, sf.Qualifier = code, by, q
	return []Found{first, sf}, second.next, true
}

// rangeToken reads "10-20 دولار", the two figures written as one token.
func (e *Extractor) rangeToken(toks []textdoc.Token, i int, ctx func() map[string]evidence) ([]Found, int, bool) {
	t := toks[i]
	a, b, found := strings.Cut(t.Text, "-")
	if !found {
		return nil, 0, false
	}
	secondStart := t.Start + len(a) + 1
	// 10$-20$: the symbol of the first figure glued to it
	a = strings.TrimRight(a, "$€£¥")
	v1, ok1 := arabic.ParseNumber(a)
	v2, ok2 := arabic.ParseNumber(b)
	if !ok1 || !ok2 || v1 <= 0 || v1 >= v2 {
		return nil, 0, false
	}
	scale := 1.0
	j := i + 1
	for j < len(toks) {
		m, ok := e.lex.Scales.Longest(toks, j, false)
		if !ok {
			break
		}
		scale *= m.Value.Value
		j += m.Tokens
	}
	m, ok := e.lex.Currencies.Longest(toks, j, false)
	if !ok {
		return nil, 0, false
	}
	code, by := pickCurrency(m.Value, ctx)
	if v2*scale > maxAmount {
		return nil, 0, false
	}
	next := j + m.Tokens
	q := e.qualifier(toks, i, next)
	mid := t.Start + len(a)
	word := textdoc.Span{Start: toks[j].Start, End: toks[next-1].End}
	first := Found{Span: textdoc.Span{Start: t.Start, End: mid}, Amount: v1 * scale, Currency: code, ResolvedBy: by, Word: word, Qualifier: q}
	second := Found{Span: textdoc.Span{Start: secondStart, End: toks[next-1].End}, Amount: v2 * scale, Currency: code, ResolvedBy: by, Word: word, Qualifier: q}
	return []Found{first, second}, next, true
}

// isWord reports whether a token, with its proclitics peeled in any way, is
// one of words (matching keys).
func isWord(t textdoc.Token, words ...string) bool {
	for _, w := range words {
		if t.Stem == w || strings.TrimPrefix(t.Key, "و") == w {
			return true
		}
	}
	for _, c := range t.Candidates() {
		for _, w := range words {
			if c.Key == w {
				return true
			}
		}
	}
	return false
}

// qualifier returns the qualifier before token i (qualifierBefore) or,
// failing that, "على الأقل" right after the amount that ends before token
// next.
func (e *Extractor) qualifier(toks []textdoc.Token, i, next int) string {
	if q := e.qualifierBefore(toks, i); q != "exact" {
		return q
	}
	if next+1 < len(toks) && toks[next].Stem == "علي" && toks[next+1].Stem == "اقل" {
		return "at_least"
	}
	return "exact"
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

// pickCurrency chooses among the readings of a currency word and says how
// (schemas.CurrencyResolvedBy): the only one ("text"); else the one used by
// the only country among the readings' that the article names ("context");
// else the reading news means by default, دولار → USD ("default"); else
// none ("ambiguous": a bare ريال or دينار in an article that names no
// country using it, or several).
func pickCurrency(readings []lexicon.Currency, context func() map[string]evidence) (string, string) {
	if len(readings) == 1 || allSameCode(readings) {
		return readings[0].Code, "text"
	}
	ctx := context()
	// a country named outright decides; failing that, a city of only one
	// of the readings' countries (صفاقس for دينار in a Tunisian story)
	for _, least := range []evidence{namedCountry, namedCity} {
		var inContext []string
		for _, r := range readings {
			for _, c := range r.Countries {
				if ctx[c] >= least {
					inContext = append(inContext, r.Code)
					break
				}
			}
		}
		if len(inContext) == 1 {
			return inContext[0], "context"
		}
		if len(inContext) > 1 {
			break // two named countries use the word: a city does not settle it
		}
	}
	for _, r := range readings {
		if r.Default {
			return r.Code, "default"
		}
	}
	return "", "ambiguous"
}

func allSameCode(readings []lexicon.Currency) bool {
	for _, r := range readings[1:] {
		if r.Code != readings[0].Code {
			return false
		}
	}
	return len(readings) > 0
}

// evidence is how strongly an article points at a country: by one of its
// cities, or by its name, short name or adjective.
type evidence int

const (
	namedCity evidence = iota + 1
	namedCountry
)

// countriesIn returns the countries the article names and how: a city says
// less about the currency than the country's name, so it counts only when
// no country named outright decides.
func (e *Extractor) countriesIn(d *textdoc.Document) map[string]evidence {
	out := map[string]evidence{}
	for _, m := range e.gaz.ScanDocument(d) {
		for _, en := range m.Entries {
			if en.Country == nil || en.Has(gazetteer.NeedsContext) || len(m.Entries) > 1 && (en.Kind == "city" || en.Kind == "capital") {
				continue
			}
			how := namedCountry
			if en.Kind == "city" || en.Kind == "capital" {
				how = namedCity
			}
			out[en.Country.ISO2] = max(out[en.Country.ISO2], how)
		}
	}
	return out
}
