// Command gazbuild builds the khabar country gazetteer in gazetteer/data/
// from the public sources in ../shared/gazetteer-sources and the
// hand-curated layer in gazetteer/curated/.
//
// Run it from the repository root:
//
//	go run ./tools/gazbuild
//
// The output is deterministic: rows are sorted, text is NFC with LF line
// endings, and files whose content does not change are not rewritten.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Source tokens used in the source column. Several are joined with '+'.
const (
	srcCurated   = "curated"
	srcCLDR      = "cldr47"
	srcCLDRTZ    = "cldr47-tz"
	srcXText     = "xtext"
	srcI18N      = "i18n-iso"
	srcWikidata  = "wikidata2017"
	srcWorldCity = "world-cities-ar"
	srcGeoNames  = "geonames2012"
	srcMledoze   = "mledoze"
	srcDr5hn     = "dr5hn"
)

// sourceRank orders sources by how much their spelling is trusted when two
// spellings of one form (equal after normalisation) must be reduced to one.
var sourceRank = map[string]int{
	srcCurated: 0, srcCLDR: 1, srcCLDRTZ: 2, srcXText: 3, srcI18N: 4,
	srcWikidata: 5, srcWorldCity: 6, srcGeoNames: 7, srcMledoze: 8, srcDr5hn: 9,
}

// odblSources are the share-alike (ODbL) sources. A form attested only by
// these goes to forms_odbl.tsv.
var odblSources = map[string]bool{srcMledoze: true, srcDr5hn: true}

// Kinds of forms, in output order.
var kindOrder = []string{"name", "short", "official", "variant", "adjective", "capital", "city"}

// Flags a form may carry.
const (
	flagContext   = "needs_context"
	flagSameCity  = "city_same_as_country"
	flagNoArticle = "no_article"
)

var validFlags = map[string]bool{flagContext: true, flagSameCity: true, flagNoArticle: true}

// Kinds of non-country places in places.tsv.
var placeKinds = map[string]bool{
	"region": true, "organisation": true, "sea": true, "lake": true, "river": true,
	"valley": true, "historical": true, "city_district": true, "adjective": true,
	"word": true, // not a place: consumed so that no form is read inside it
}

type config struct {
	src, curated, out string
	minPop            int
	quiet             bool
}

func main() {
	var cfg config
	flag.StringVar(&cfg.src, "src", "../shared/gazetteer-sources", "directory of the public gazetteer sources")
	flag.StringVar(&cfg.curated, "curated", "gazetteer/curated", "directory of the hand-curated TSV files")
	flag.StringVar(&cfg.out, "out", "gazetteer/data", "output directory")
	flag.IntVar(&cfg.minPop, "min-pop", 500000, "minimum population for a source city to become a form")
	flag.BoolVar(&cfg.quiet, "q", false, "print only errors")
	flag.Parse()

	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "gazbuild:", err)
		os.Exit(1)
	}
}

func run(cfg config) error {
	if st, err := os.Stat(cfg.src); err != nil || !st.IsDir() {
		return fmt.Errorf("source directory %s not found (set -src; run from the repository root)", cfg.src)
	}
	b := newBuilder(cfg)
	steps := []func() error{
		b.loadCountries,
		b.loadCurated,
		b.addCountryNames,
		b.addCapitals,
		b.addCities,
		b.addCuratedForms,
		b.mergeKinds,
		b.corroborate,
		b.applyFlags,
		b.buildPlaces,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := b.write(); err != nil {
		return err
	}
	if !cfg.quiet {
		b.report(os.Stdout)
	}
	return nil
}

// country is one ISO 3166-1 entry (249 assigned codes plus XK).
type country struct {
	iso2, iso3, numeric, qid string
	nameEn, nameAr           string
	capitalsEn               []string
	unMember                 bool
}

// entry is one output row of forms.tsv / forms_odbl.tsv: a form, a country
// and a kind. Spellings equal after normKey are merged into one entry whose
// form is the spelling of the most trusted source.
type entry struct {
	form    string
	rank    int
	iso2    string
	kind    string
	sources map[string]bool
	flags   map[string]bool
}

func (e *entry) odblOnly() bool {
	for s := range e.sources {
		if !odblSources[s] {
			return false
		}
	}
	return true
}

func (e *entry) sourceString() string {
	keys := sortedKeys(e.sources)
	sort.SliceStable(keys, func(i, j int) bool { return sourceRank[keys[i]] < sourceRank[keys[j]] })
	return strings.Join(keys, "+")
}

func (e *entry) flagString() string {
	return strings.Join(sortedKeys(e.flags), ",")
}

// exclusion is one row of curated/exclude.tsv.
type exclusion struct {
	form, iso2, reason string
	hits               int
}

type builder struct {
	cfg       config
	countries map[string]*country
	codes     []string
	cldrAr    map[string]string
	cldrEn    map[string]string

	entries  map[string]*entry
	excl     map[string][]*exclusion // normKey → exclusions
	rejected map[string]int          // reason → count

	// population by iso2|foldLatin(english name), the largest seen.
	pop map[string]int

	places    []placeRow
	curForms  *table
	curAdj    *table
	curPlaces *table
	ambiguous map[string][]string // ambKey → iso2 list, for the report
	warnings  []string
}

func newBuilder(cfg config) *builder {
	return &builder{
		cfg:       cfg,
		countries: map[string]*country{},
		entries:   map[string]*entry{},
		excl:      map[string][]*exclusion{},
		rejected:  map[string]int{},
		pop:       map[string]int{},
		ambiguous: map[string][]string{},
	}
}

func (b *builder) srcPath(parts ...string) string {
	return filepath.Join(append([]string{b.cfg.src}, parts...)...)
}

func (b *builder) warnf(format string, args ...any) {
	b.warnings = append(b.warnings, fmt.Sprintf(format, args...))
}

// entryKey identifies an entry.
func entryKey(iso2, kind, form string) string {
	return iso2 + "|" + kind + "|" + normKey(form)
}

// betterSpelling decides between two spellings of equal source rank: prefer
// the one without Persian letters or diacritics, then the one with more
// hamza, teh marbuta and alef maksura (the fuller news orthography), then
// the lexically smaller.
func betterSpelling(a, b string) bool {
	score := func(s string) int {
		n := 0
		for _, r := range s {
			switch {
			case r == 'ی' || r == 'ک' || r == 'ڤ':
				n -= 100
			case isHaraka(r):
				n -= 10
			case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ة' || r == 'ى' || r == 'ؤ' || r == 'ئ':
				n++
			}
		}
		return n
	}
	if sa, sb := score(a), score(b); sa != sb {
		return sa > sb
	}
	return a < b
}

// excluded reports whether form is listed in exclude.tsv for iso2 (or for
// every country with iso2 "*"), counting the hit.
func (b *builder) excluded(form, iso2 string) bool {
	for _, x := range b.excl[normKey(form)] {
		if x.iso2 == "*" || x.iso2 == iso2 {
			x.hits++
			return true
		}
	}
	return false
}

// add records one attestation of a form. Forms from sources other than the
// curated layer are checked: they must be plain Arabic script, not excluded,
// and city names need at least four letters. It reports whether the form
// was kept.
func (b *builder) add(iso2, kind, form, src string, flags ...string) bool {
	form = cleanForm(form)
	if src != srcCurated {
		// News rarely writes short vowels; source spellings such as
		// "سَمسون" are reduced to their letters.
		form = stripHarakat(form)
	}
	if _, ok := b.countries[iso2]; !ok {
		b.warnf("form %q: unknown country %q", form, iso2)
		return false
	}
	if src != srcCurated {
		switch {
		case !isArabicForm(form):
			b.rejected["not plain Arabic script"]++
			return false
		case hasNonArabicLetters(form):
			b.rejected["Persian/Urdu/Uyghur letters"]++
			return false
		case (kind == "city" || kind == "capital") && letterCount(form) <= 3:
			b.rejected["city name of 3 letters or fewer"]++
			return false
		case b.excluded(form, iso2):
			b.rejected["curated/exclude.tsv"]++
			return false
		}
	}
	rank, ok := sourceRank[src]
	if !ok {
		panic("unknown source " + src)
	}
	k := entryKey(iso2, kind, form)
	e := b.entries[k]
	if e == nil {
		e = &entry{form: form, rank: rank, iso2: iso2, kind: kind, sources: map[string]bool{}, flags: map[string]bool{}}
		b.entries[k] = e
	} else if src == srcCurated && e.sources[srcCurated] && e.form != form {
		b.warnf("curated %s %s: %q and %q are the same form after normalisation; keep one", iso2, kind, e.form, form)
	} else if rank < e.rank || (rank == e.rank && betterSpelling(form, e.form)) {
		e.form, e.rank = form, rank
	}
	e.sources[src] = true
	for _, f := range flags {
		if f != "" {
			e.flags[f] = true
		}
	}
	return true
}

// corroborateEntry adds src to an existing entry, if there is one.
func (b *builder) corroborateEntry(iso2, kind, form, src string) bool {
	if e := b.entries[entryKey(iso2, kind, cleanForm(form))]; e != nil {
		e.sources[src] = true
		return true
	}
	return false
}

func (b *builder) has(iso2, kind, form string) bool {
	return b.entries[entryKey(iso2, kind, form)] != nil
}
