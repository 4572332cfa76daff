// Package countries finds references to countries — by name and spelling
// variant, official name, adjective (الأوزبكي، الكازاخستانية), capital or
// city (طشقند، دوشنبه) — and resolves each to ISO 3166-1 through the
// gazetteer. Regions and organisations (آسيا الوسطى، الأمم المتحدة) are
// recognised so that they are not taken for countries, and are not output.
package countries

import (
	"strings"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Extractor finds country references.
type Extractor struct{ gaz *gazetteer.Gazetteer }

// New builds the extractor.
func New(res *resources.Resources) *Extractor { return &Extractor{gaz: res.Gazetteer} }

// Table is schemas.Countries.
func (*Extractor) Table() *schemas.Table { return schemas.Countries }

// kindRank orders match kinds from the most to the least direct reference;
// when one form names several countries, the most direct reading wins.
var kindRank = map[string]int{"name": 0, "short": 1, "official": 2, "variant": 3, "adjective": 4, "capital": 5, "city": 6}

// confidence by match kind: a country's own name is near certain; a city
// stands for its country less surely.
var confidence = map[string]float64{"name": 0.99, "short": 0.97, "official": 0.99, "variant": 0.95, "adjective": 0.9, "capital": 0.85, "city": 0.8}

// Found is one resolved country reference.
type Found struct {
	textdoc.Span
	Entry      *gazetteer.Entry
	Confidence float64
}

// Extract returns the country mentions of d.
func (e *Extractor) Extract(d *textdoc.Document) []resources.Mention {
	var out []resources.Mention
	for _, f := range e.Find(d, 0, len(d.Tokens)) {
		c := f.Entry.Country
		row := schemas.Countries.NewRow().
			Set("iso2", c.ISO2).
			Set("iso3", c.ISO3).
			Set("name_en", c.NameEN).
			Set("name_ar", c.NameAR).
			Set("match_kind", f.Entry.Kind).
			Set("confidence", f.Confidence)
		out = append(out, resources.Mention{Span: f.Span, Row: row})
	}
	return out
}

// Find resolves the country references in tokens [from, to) of d. Forms
// flagged needs_context (a common word, or a form shared by two countries
// such as عمان) count only when the article names that country elsewhere
// unambiguously.
func (e *Extractor) Find(d *textdoc.Document, from, to int) []Found {
	all := e.gaz.Scan(d.Tokens, 0, len(d.Tokens))
	// Countries the article names without ambiguity: the context for the rest.
	context := map[string]bool{}
	for _, m := range all {
		if c, ok := resolve(m.Entries, nil); ok {
			context[c.Country.ISO2] = true
		}
	}
	names := quotedNames(d)
	var out []Found
	for _, m := range all {
		if m.From < from || m.To > to {
			continue
		}
		if insideName(names, m) {
			continue
		}
		entry, ok := resolve(m.Entries, context)
		if !ok {
			continue
		}
		conf := confidence[entry.Kind]
		if entry.Has(gazetteer.NeedsContext) {
			conf *= 0.8
		}
		out = append(out, Found{Span: m.Span, Entry: entry, Confidence: conf})
	}
	return out
}

// resolve picks the country a match refers to. A match that is a place
// (region, organisation, sea) refers to no country. Without context, forms
// flagged needs_context are dropped; with context, they are kept when their
// country is in it. When the most direct readings still name more than one
// country, the match is ambiguous and dropped.
func resolve(entries []*gazetteer.Entry, context map[string]bool) (*gazetteer.Entry, bool) {
	var best []*gazetteer.Entry
	bestRank := 1 << 30
	for _, e := range entries {
		if e.Place != nil {
			return nil, false
		}
		if e.Has(gazetteer.NeedsContext) && !context[e.Country.ISO2] {
			continue
		}
		r := kindRank[e.Kind]
		switch {
		case r < bestRank:
			best, bestRank = []*gazetteer.Entry{e}, r
		case r == bestRank:
			best = append(best, e)
		}
	}
	if len(best) == 0 {
		return nil, false
	}
	for _, e := range best[1:] {
		if e.Country != best[0].Country {
			return nil, false
		}
	}
	return best[0], true
}

// maxNameWords is the longest quotation read as a name (“إعلان خجند”,
// “منتدى فرغانة للسلام”) rather than quoted speech, in which a country
// named is a real mention.
const maxNameWords = 6

// speechOpener are words a quoted name does not start with but quoted
// speech often does (“في إعادة إعمار الأراضي الأذربيجانية المحررة”).
var speechOpener = map[string]bool{}

func init() {
	for _, w := range []string{"في", "من", "إلى", "على", "عن", "أن", "إن", "لقد", "قد", "لا", "لن", "لم", "ما", "هذا", "هذه", "نحن", "إننا", "كما", "و", "بل"} {
		speechOpener[arabic.Fold(w)] = true
	}
}

// quotedNames returns the token ranges inside short quotations: names of
// documents, events, buildings or products.
func quotedNames(d *textdoc.Document) [][2]int {
	var out [][2]int
	open := -1
	for i, t := range d.Tokens {
		if t.Kind != textdoc.Punct {
			continue
		}
		switch {
		case open < 0 && strings.ContainsAny(t.Text, "“«\"”"):
			open = i
		case open >= 0 && strings.ContainsAny(t.Text, "”»\"“"):
			if words := i - open - 1; words >= 1 && words <= maxNameWords && !speechOpener[d.Tokens[open+1].Key] {
				out = append(out, [2]int{open + 1, i})
			}
			open = -1
		case open >= 0 && (t.Text == "." || t.Text == "؟" || t.Text == "!"):
			open = -1
		}
	}
	return out
}

// insideName reports whether a match lies in a quoted name and is not the
// whole of it (a quoted “قطر” is still the country).
func insideName(names [][2]int, m gazetteer.Match) bool {
	for _, n := range names {
		if m.From >= n[0] && m.To <= n[1] {
			return !(m.From == n[0] && m.To == n[1])
		}
	}
	return false
}
