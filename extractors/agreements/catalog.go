package agreements

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/schemas"
)

// Entry is one agreement of the curated catalogue
// (lexicon/data/agreement_catalog.tsv).
type Entry struct {
	Key, Type, NameAR, NameEN string
	Aliases                   []string
	Parties                   []string // ISO 3166-1 alpha-2, sorted
	Year                      int
}

// Catalog is the curated catalogue, indexed by the normalised form of every
// alias.
type Catalog struct {
	Entries []Entry
	byKey   map[string]*Entry
	byAlias map[string]*Entry
}

// NewCatalog builds the catalogue from the rows of agreement_catalog.tsv.
// A later row with the key of an earlier one replaces it (a user's file
// overrides the built-in entry).
func NewCatalog(recs []lexicon.Record) *Catalog {
	c := &Catalog{byKey: map[string]*Entry{}, byAlias: map[string]*Entry{}}
	index := map[string]int{}
	for _, r := range recs {
		e := Entry{Key: r.Get("key"), Type: r.Get("type"), NameAR: r.Get("name_ar"), NameEN: r.Get("name_en"),
			Parties: strings.Fields(r.Get("parties"))}
		slices.Sort(e.Parties)
		e.Year, _ = strconv.Atoi(r.Get("year"))
		for _, a := range strings.Split(r.Get("aliases"), "|") {
			if a = strings.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, a)
			}
		}
		if i, ok := index[e.Key]; ok {
			c.Entries[i] = e
		} else {
			index[e.Key] = len(c.Entries)
			c.Entries = append(c.Entries, e)
		}
	}
	for i := range c.Entries {
		e := &c.Entries[i]
		c.byKey[e.Key] = e
		for _, a := range append([]string{e.NameAR}, e.Aliases...) {
			if n := NormalizeName(a); n != "" {
				c.byAlias[n] = e
			}
		}
	}
	return c
}

// Lookup returns the catalogue entry a name refers to, if any.
func (c *Catalog) Lookup(name string) (*Entry, bool) {
	e, ok := c.byAlias[NormalizeName(name)]
	return e, ok
}

// NormalizeName is the form names are compared in: letters folded (hamza
// and alef forms, ى/ي, ة/ه, diacritics and tatweel dropped, digits as
// ASCII), quotes, dashes, slashes and underscores dropped, the article ال
// removed from every word, and a ل left by a contracted للـ removed from the
// first word (لاتفاق → اتفاق). Words are joined by one space.
func NormalizeName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '«', '»', '"', '„', '_', '-', '–', '—', '/', '(', ')', '#', '،', ',', '.':
			return ' '
		}
		return r
	}, name)
	var words []string
	for i, w := range strings.Fields(name) {
		k := arabic.Fold(w)
		if i == 0 && strings.HasPrefix(k, "لا") && len([]rune(k)) > 4 && !strings.HasPrefix(k, "لائ") {
			k = strings.TrimPrefix(k, "ل")
		}
		if strings.HasPrefix(k, "ال") && len([]rune(k)) > 3 {
			k = strings.TrimPrefix(k, "ال")
		} else if strings.HasPrefix(k, "وال") && len([]rune(k)) > 4 {
			k = "و" + strings.TrimPrefix(k, "وال")
		}
		words = append(words, k)
	}
	return strings.Join(words, " ")
}

// Key returns the agreement_key of a named mention: the catalogue key when
// the name is a catalogue alias, else the type and the normalised name. A
// name that is only a conventional designation (بيان مشترك، البيان الختامي)
// names a different document in every article, so its key carries a
// fingerprint of the article text.
// Known reports whether a name is one of the curated catalogue's names or
// aliases.
func (c *Catalog) Known(name string) bool {
	_, ok := c.Lookup(cleanName(name))
	return ok
}

func (c *Catalog) Key(name, typ string, generic bool, text string) string {
	if e, ok := c.Lookup(name); ok {
		return e.Key
	}
	k := typ + ":" + NormalizeName(name)
	if generic {
		h := sha256.Sum256([]byte(text))
		k += "@" + hex.EncodeToString(h[:4])
	}
	return k
}

var defaultCatalog = sync.OnceValue(func() *Catalog { return NewCatalog(lexicon.Default().AgreementCatalog) })

// BuildCatalog builds the agreements_catalog table from the articles and
// agreements tables of a run, with the built-in curated catalogue.
func BuildCatalog(articles, agreements []schemas.Row) []schemas.Row {
	return BuildCatalogWith(defaultCatalog(), articles, agreements)
}

// BuildCatalogWith builds the agreements_catalog table with the given
// curated catalogue (lexicon.Lexicon.AgreementCatalog of the run, so that
// a user's --lexicons additions count): one row per agreement_key, sorted
// by key. Rows without a key (counted, unnamed documents) are left out.
// The result depends only on its inputs, not on their order.
func BuildCatalogWith(cat *Catalog, articles, agreements []schemas.Row) []schemas.Row {
	published := map[string]time.Time{}
	for _, a := range articles {
		if d, ok := a.Get("published_date").(time.Time); ok {
			published[a.String("article_id")] = d
		}
	}
	type group struct {
		key                        string
		names, types               map[string]int
		articles, actions, parties map[string]bool
		mentions                   int
		first, last                time.Time
		firstYear                  int64
	}
	groups := map[string]*group{}
	for _, r := range agreements {
		key := r.String("agreement_key")
		if key == "" {
			continue
		}
		g := groups[key]
		if g == nil {
			g = &group{key: key, names: map[string]int{}, types: map[string]int{}, articles: map[string]bool{}, actions: map[string]bool{}, parties: map[string]bool{}}
			groups[key] = g
		}
		g.mentions++
		g.names[r.String("name")]++
		g.types[r.String("type")]++
		g.actions[r.String("action")] = true
		id := r.String("article_id")
		g.articles[id] = true
		if ps, ok := r.Get("parties").([]string); ok {
			for _, p := range ps {
				g.parties[p] = true
			}
		}
		if y := r.Int("year"); y != 0 && (g.firstYear == 0 || y < g.firstYear) {
			g.firstYear = y
		}
		if d, ok := published[id]; ok {
			if g.first.IsZero() || d.Before(g.first) {
				g.first = d
			}
			if g.last.IsZero() || d.After(g.last) {
				g.last = d
			}
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]schemas.Row, 0, len(keys))
	for _, k := range keys {
		g := groups[k]
		row := schemas.AgreementsCatalog.NewRow().
			Set("agreement_key", k).
			Set("mention_count", int64(g.mentions)).
			Set("article_count", int64(len(g.articles))).
			Set("article_ids", sortedKeys(g.articles)).
			Set("names", sortedKeys(g.names)).
			Set("actions", sortedKeys(g.actions))
		name, typ := mostFrequent(g.names), mostFrequent(g.types)
		year := g.firstYear
		e, curated := cat.byKey[k]
		if curated {
			name, typ = e.NameAR, e.Type
			row.Set("canonical_name_en", e.NameEN)
			for _, p := range e.Parties {
				g.parties[p] = true
			}
			if e.Year != 0 && (year == 0 || int64(e.Year) < year) {
				year = int64(e.Year)
			}
		}
		row.Set("canonical_name_ar", name).Set("type", typ).Set("curated", curated).Set("parties", sortedKeys(g.parties))
		if !g.first.IsZero() {
			row.Set("first_mention", g.first).Set("last_mention", g.last)
		}
		if year != 0 {
			row.Set("first_year", year)
		}
		out = append(out, row)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// mostFrequent returns the most frequent value; ties go to the longest,
// then to the first in sort order, so that the result is deterministic.
func mostFrequent(m map[string]int) string {
	best, n := "", -1
	for _, k := range sortedKeys(m) {
		c := m[k]
		if c > n || c == n && len([]rune(k)) > len([]rune(best)) {
			best, n = k, c
		}
	}
	return best
}
