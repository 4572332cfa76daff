// Package gazetteer is the reference data that country mentions are
// normalised against: the ISO 3166-1 countries with their codes and names,
// every Arabic surface form worth matching (names, variants, adjectives,
// capitals, cities), and the regions and organisations that must never be
// taken for a country. The data are TSV files embedded from gazetteer/data
// (built by tools/gazbuild from the sources listed in data/NOTICE.md) and
// loaded once; a user adds or overrides forms with a TSV of the same columns
// (--gazetteer extra.tsv), without rebuilding.
package gazetteer

import (
	"embed"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/textdoc"
)

//go:embed data/*.tsv
var builtin embed.FS

// Country is one ISO 3166-1 entry.
type Country struct {
	ISO2, ISO3, Numeric, Wikidata, NameEN, NameAR string
}

// Place is a region, organisation or geographic feature that is not a country.
type Place struct {
	ID, Kind, NameEN string
	Members          []string // ISO2 codes of member or bordering countries, if meaningful
}

// Entry is one surface form and what it refers to: a country (Country set,
// Kind one of name, short, official, variant, adjective, capital, city) or a
// place (Place set, Kind the place's kind).
type Entry struct {
	Form    string
	Kind    string
	Flags   []string
	Source  string
	Country *Country
	Place   *Place
	// article has bit i set when word i of Form is written with the
	// article: the text must carry it too (الرياض, not the given name
	// رياض; السلفادور, not سلفادور دالي).
	article uint64
	// bareFirst: the first word must not carry the article (NoArticle).
	bareFirst bool
}

// NeedsArticle reports whether word i of the form must carry the article
// in the text.
func (e *Entry) NeedsArticle(i int) bool { return i < 64 && e.article&(1<<i) != 0 }

// Has reports whether the entry carries a flag.
func (e *Entry) Has(flag string) bool {
	for _, f := range e.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// Flags the data files use.
const (
	// NeedsContext marks a form that is also a common word, a name, or
	// ambiguous between places: it counts only when the article's context
	// supports it.
	NeedsContext = "needs_context"
	// NoArticle marks a form that names the place only without the article:
	// written with it, it is another word (بوتان Bhutan, البوتان butane).
	NoArticle = "no_article"
	// CitySameAsCountry marks a city and its country that share the name
	// (الجزائر، تونس، الكويت): either reading is the same country.
	CitySameAsCountry = "city_same_as_country"
)

// NotAPlace is the place kind of an ordinary word or a name whose letters,
// once a proclitic is peeled, spell a form (كبيرا is ك + بيرا, Beira), or of
// a phrase in which a place's name means something else (مسقط رأس,
// birthplace). The matcher consumes it whole like any form, so nothing is
// read inside it, and no extractor reports it.
const NotAPlace = "word"

// Gazetteer holds the countries and the form trie.
type Gazetteer struct {
	countries map[string]*Country
	places    map[string]*Place
	root      *node
	forms     int
	byCountry map[string][]*Entry
	// opens keeps per word whether a form starts with one of its readings
	// (see opensAt): Scan asks at every word of every article, and most
	// words start none. Made once every form is loaded.
	opens *textdoc.WordTest
}

type node struct {
	next    map[string]*node
	entries []*Entry
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the built-in gazetteer, loaded once.
func Default() *Gazetteer {
	defaultOnce.Do(func() { defaultGaz, defaultErr = Load() })
	if defaultErr != nil {
		panic("gazetteer: built-in data is broken: " + defaultErr.Error())
	}
	return defaultGaz
}

// Load reads the built-in data plus the user's extra form files (same
// columns as data/forms.tsv; a row whose form is "-" prefixed, like
// "-مركز", removes that form instead of adding it).
func Load(extra ...string) (*Gazetteer, error) {
	g := &Gazetteer{countries: map[string]*Country{}, places: map[string]*Place{}, root: &node{}, byCountry: map[string][]*Entry{}}
	if err := g.readBuiltin("countries.tsv", g.addCountries); err != nil {
		return nil, err
	}
	for _, name := range []string{"forms.tsv", "forms_odbl.tsv"} {
		if err := g.readBuiltin(name, g.addForms); err != nil {
			return nil, err
		}
	}
	if err := g.readBuiltin("places.tsv", g.addPlaces); err != nil {
		return nil, err
	}
	for _, path := range extra {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		err = g.addForms(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	g.opens = textdoc.NewWordTest(g.opensAt)
	return g, nil
}

func (g *Gazetteer) readBuiltin(name string, add func(io.Reader, string) error) error {
	f, err := builtin.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	return add(f, "gazetteer/data/"+name)
}

func (g *Gazetteer) addCountries(r io.Reader, name string) error {
	recs, err := lexicon.ReadTSV(r, name, "iso2", "iso3", "name_en", "name_ar")
	if err != nil {
		return err
	}
	for _, rec := range recs {
		c := &Country{ISO2: rec.Get("iso2"), ISO3: rec.Get("iso3"), Numeric: rec.Get("numeric"),
			Wikidata: rec.Get("wikidata"), NameEN: rec.Get("name_en"), NameAR: rec.Get("name_ar")}
		g.countries[c.ISO2] = c
	}
	return nil
}

var countryKinds = map[string]bool{"name": true, "short": true, "official": true, "variant": true, "adjective": true, "capital": true, "city": true}

func (g *Gazetteer) addForms(r io.Reader, name string) error {
	recs, err := lexicon.ReadTSV(r, name, "form", "iso2", "kind")
	if err != nil {
		return err
	}
	for _, rec := range recs {
		form := rec.Get("form")
		c := g.countries[rec.Get("iso2")]
		if c == nil {
			return fmt.Errorf("%s:%d: unknown country %q", name, rec.Line, rec.Get("iso2"))
		}
		if !countryKinds[rec.Get("kind")] {
			return fmt.Errorf("%s:%d: unknown kind %q", name, rec.Line, rec.Get("kind"))
		}
		if strings.HasPrefix(form, "-") {
			g.remove(strings.TrimPrefix(form, "-"), c)
			continue
		}
		g.insert(&Entry{Form: form, Kind: rec.Get("kind"), Flags: splitFlags(rec.Get("flags")), Source: rec.Get("source"), Country: c})
	}
	return nil
}

func (g *Gazetteer) addPlaces(r io.Reader, name string) error {
	recs, err := lexicon.ReadTSV(r, name, "form", "place_id", "kind")
	if err != nil {
		return err
	}
	for _, rec := range recs {
		id := rec.Get("place_id")
		p := g.places[id]
		if p == nil {
			p = &Place{ID: id, Kind: rec.Get("kind"), NameEN: rec.Get("name_en"), Members: strings.Fields(rec.Get("members"))}
			g.places[id] = p
		}
		g.insert(&Entry{Form: rec.Get("form"), Kind: rec.Get("kind"), Source: rec.Get("source"), Place: p})
	}
	return nil
}

func splitFlags(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// FormKeys returns the matching keys of a form's words: folded, without
// the article. Words are separated by spaces only, as the tokeniser keeps
// a hyphen between letters inside the token (تشولبون-آتا).
func FormKeys(form string) []string {
	words := strings.FieldsFunc(form, func(r rune) bool { return r == ' ' || r == '\u00a0' })
	keys := make([]string, 0, len(words))
	for _, w := range words {
		if k := arabic.Key(w); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

func (g *Gazetteer) insert(e *Entry) {
	keys := FormKeys(e.Form)
	if len(keys) == 0 {
		return
	}
	i := 0
	for _, w := range strings.FieldsFunc(e.Form, func(r rune) bool { return r == ' ' || r == '\u00a0' }) {
		if arabic.Key(w) == "" {
			continue
		}
		if WordHasArticle(w) && i < 64 {
			e.article |= 1 << i
		}
		i++
	}
	e.bareFirst = e.Has(NoArticle)
	n := g.root
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		child := n.next[k]
		if child == nil {
			child = &node{}
			n.next[k] = child
		}
		n = child
	}
	n.entries = append(n.entries, e)
	g.forms++
	if e.Country != nil {
		g.byCountry[e.Country.ISO2] = append(g.byCountry[e.Country.ISO2], e)
	}
}

// Forms returns the forms of a country, in load order (entries removed by a
// user file are still listed; Lookup and Scan no longer find them).
func (g *Gazetteer) Forms(iso2 string) []*Entry { return g.byCountry[iso2] }

func (g *Gazetteer) remove(form string, c *Country) {
	n := g.walk(FormKeys(form))
	if n == nil {
		return
	}
	kept := n.entries[:0]
	for _, e := range n.entries {
		if e.Country != c {
			kept = append(kept, e)
		}
	}
	n.entries = kept
}

func (g *Gazetteer) walk(keys []string) *node {
	n := g.root
	for _, k := range keys {
		if n = n.next[k]; n == nil {
			return nil
		}
	}
	return n
}

// Country returns the country with the given alpha-2 code, or nil.
func (g *Gazetteer) Country(iso2 string) *Country { return g.countries[iso2] }

// Countries returns every country, by alpha-2 code.
func (g *Gazetteer) Countries() []*Country {
	out := make([]*Country, 0, len(g.countries))
	for _, c := range g.countries {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ISO2 < out[j].ISO2 })
	return out
}

// Lookup returns the entries of a form written on its own (clitics peeled
// in every way the matcher would).
func (g *Gazetteer) Lookup(form string) []*Entry {
	keys := FormKeys(form)
	if len(keys) == 0 {
		return nil
	}
	var out []*Entry
	seen := map[*Entry]bool{}
	words := strings.Fields(form)
	for _, c := range arabic.Candidates(words[0]) {
		n := g.walk(append([]string{c.Key}, keys[1:]...))
		if n == nil {
			continue
		}
		for _, e := range n.entries {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// Size returns the number of forms loaded.
func (g *Gazetteer) Size() int { return g.forms }

// WordHasArticle reports whether a word as written (diacritics and tatweel
// aside) starts with the definite article ال (or ٱل) followed by at least
// three letters. ألمانيا, with a hamza, has none.
func WordHasArticle(w string) bool {
	letters := make([]rune, 0, 8)
	for _, r := range w {
		if r == arabic.Tatweel || arabic.IsDiacritic(r) {
			continue
		}
		letters = append(letters, r)
		if len(letters) == 5 {
			break
		}
	}
	return len(letters) >= 5 && (letters[0] == 'ا' || letters[0] == 'ٱ') && letters[1] == 'ل'
}
