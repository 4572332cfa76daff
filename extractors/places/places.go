// Package places finds mentions of regions, organisations, seas, rivers,
// historical states and other places that are not countries (آسيا الوسطى،
// بحر قزوين، الأمم المتحدة، مجلس التعاون الخليجي) through the gazetteer, the
// same single pass over the tokens the countries extractor makes: a place
// consumed whole is never read as a country inside it. Adjectives of places
// (أوروبي، عربي) are recognised by the gazetteer but are not place mentions.
package places

import (
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Extractor finds place mentions.
type Extractor struct{ gaz *gazetteer.Gazetteer }

// New builds the extractor.
func New(res *resources.Resources) *Extractor { return &Extractor{gaz: res.Gazetteer} }

// Table is schemas.Places.
func (*Extractor) Table() *schemas.Table { return schemas.Places }

// Extract returns the place mentions of d.
func (e *Extractor) Extract(d *textdoc.Document) []resources.Mention {
	var out []resources.Mention
	for _, m := range e.gaz.ScanDocument(d) {
		p := place(m.Entries)
		if p == nil {
			continue
		}
		members := p.Members
		if members == nil {
			members = []string{}
		}
		row := schemas.Places.NewRow().
			Set("place_id", p.ID).
			Set("kind", p.Kind).
			Set("name_en", p.NameEN).
			Set("members", members)
		out = append(out, resources.Mention{Span: m.Span, Row: row})
	}
	return out
}

// place returns the place a match names, or nil when it names a country or
// only a place adjective, or an ordinary word the gazetteer consumes so that
// no place is read inside it (كبيرا، مسقط رأس). A form that is both a place and a country (rare)
// is left to the countries extractor.
func place(entries []*gazetteer.Entry) *gazetteer.Place {
	var p *gazetteer.Place
	for _, e := range entries {
		switch {
		case e.Country != nil:
			return nil
		case e.Place.Kind == "adjective", e.Place.Kind == gazetteer.NotAPlace:
		case p == nil:
			p = e.Place
		}
	}
	return p
}
