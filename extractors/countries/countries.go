// Package countries finds references to countries — by name and spelling
// variant, official name, adjective (الأوزبكي، الكازاخستانية), capital or
// city (طشقند، دوشنبه) — and resolves each to ISO 3166-1 through the
// gazetteer. Regions and organisations (آسيا الوسطى، الأمم المتحدة) are
// recognised so that they are not taken for countries (the places extractor
// reports them).
//
// Ambiguity is resolved from the text around the match, and the row says
// how (resolved_by, see schemas.ResolvedBy):
//   - vowel marks, when the text has them (عُمان Oman, عمّان Amman);
//   - the word before (data/cues.tsv): العاصمة / مدينة pick the city reading,
//     صلاة المغرب is a prayer, بنك فرنسا / بريد قطر / منتخب مصر / بحيرة تشاد
//     are parts of longer names, not country references;
//   - a form that is both a name and an adjective (السعودية، السورية) right
//     after a definite word is the adjective (الحكومة السعودية);
//   - forms flagged needs_context (shared by two countries, or also common
//     words: عمان، مالي، كوريا) count only when the article names that
//     country unambiguously elsewhere;
//   - a bare form that ends a place the article names (ولاية جورجيا … جورجيا,
//     بحر قزوين … قزوين) is that place when the country is not one of the
//     place's members, or when the form needs context;
//   - a place inside a short quoted name (“إعلان خجند”) is not a mention;
//   - a country followed by the nisba of one of its cities or of its own
//     name is a club (المغرب الفاسي، قطر القطري), not a mention.
package countries

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

//go:embed data/cues.tsv
var cuesTSV string

// cue effects (data/cues.tsv).
const (
	namePart   = "name_part"
	otherSense = "other_sense"
	cityCue    = "city"
	teamCue    = "team"
)

// cueKey identifies a cue: the folded key of the word before and the form
// (folded keys joined by spaces, or "*").
type cueKey struct{ cue, form string }

var cues = mustCues()

// cue is one row of data/cues.tsv: its effect, and whether the cue is
// written with the article, which the word in the text must then carry too
// (العاصمة عمان is the city Amman, while عاصمة عمان is the capital of Oman).
type cue struct {
	effect   string
	definite bool
}

func mustCues() map[cueKey]cue {
	recs, err := lexicon.ReadTSV(strings.NewReader(cuesTSV), "extractors/countries/data/cues.tsv", "cue", "form", "effect")
	if err != nil {
		panic(err)
	}
	out := map[cueKey]cue{}
	for _, r := range recs {
		form := r.Get("form")
		if form != "*" {
			form = strings.Join(gazetteer.FormKeys(form), " ")
		}
		switch eff := r.Get("effect"); eff {
		case namePart, otherSense, cityCue, teamCue:
			out[cueKey{arabic.Key(r.Get("cue")), form}] = cue{effect: eff, definite: gazetteer.WordHasArticle(r.Get("cue"))}
		default:
			panic(fmt.Sprintf("extractors/countries/data/cues.tsv:%d: unknown effect %q", r.Line, eff))
		}
	}
	return out
}

// Extractor finds country references.
type Extractor struct {
	gaz *gazetteer.Gazetteer
	lex *lexicon.Lexicon // scale words, which tell a range (1 - 2 مليون) from a score

	clubNisbas     map[string]string // see cityNisbas
	clubNisbasOnce sync.Once

	// boxed holds each country's columns, and every allowed match_kind and
	// resolved_by, already stored in interfaces: a row's values are
	// interfaces, and boxing the same few strings afresh for every row was
	// seven allocations per mention, the most of any table.
	boxed   map[*gazetteer.Country]*[4]any
	boxedAs map[string]any
}

// New builds the extractor.
func New(res *resources.Resources) *Extractor {
	e := &Extractor{gaz: res.Gazetteer, lex: res.Lexicon,
		boxed: map[*gazetteer.Country]*[4]any{}, boxedAs: map[string]any{}}
	for _, c := range res.Gazetteer.Countries() {
		e.boxed[c] = &[4]any{c.ISO2, c.ISO3, c.NameEN, c.NameAR}
	}
	for _, col := range []string{"match_kind", "resolved_by"} {
		for _, v := range schemas.Countries.Columns[schemas.Countries.Index(col)].Enum {
			e.boxedAs[v] = v
		}
	}
	return e
}

// box returns s in an interface, the one made in New when s is an
// allowed value of match_kind or resolved_by.
func (e *Extractor) box(s string) any {
	if b, ok := e.boxedAs[s]; ok {
		return b
	}
	return s
}

// cityNisbas maps the folded key of the definite nisba adjective of each
// one-word city or capital (فاس → الفاسي، تطوان → التطواني، وجدة → الوجدي) to
// the city's country. A country's name followed by the nisba of one of its
// own cities is a club's name (المغرب الفاسي، المغرب التطواني), not the
// country. Nisbas that are themselves gazetteer forms (الجزائري, the
// adjective of Algeria and of Algiers) are left out.
func (e *Extractor) cityNisbas() map[string]string {
	e.clubNisbasOnce.Do(func() {
		e.clubNisbas = map[string]string{}
		for _, c := range e.gaz.Countries() {
			for _, en := range e.gaz.Forms(c.ISO2) {
				if (en.Kind != "city" && en.Kind != "capital") || strings.Contains(en.Form, " ") {
					continue
				}
				base := strings.TrimPrefix(arabic.Fold(en.Form), arabic.Fold("ال"))
				base = strings.TrimSuffix(strings.TrimSuffix(base, arabic.Fold("ة")), arabic.Fold("ه"))
				if utf8.RuneCountInString(base) < 3 {
					continue
				}
				nisba := "ال" + base + "ي"
				if len(e.gaz.Lookup(nisba)) > 0 {
					continue
				}
				e.clubNisbas[arabic.Fold(nisba)] = c.ISO2
			}
		}
	})
	return e.clubNisbas
}

// clubName reports whether the country match m, read as the form
// matched, is followed by the nisba of one of that country's cities
// (المغرب التطواني) or by the nisba of the very word matched (قطر القطري،
// الكويت الكويتي): the name of a club. The nisba after the club is still a
// mention of its own (the guidelines' برشلونة الإسباني). A nisba of the
// country in other words (ايرلندا الشمالية البريطاني, the British province)
// is not a club's.
func (e *Extractor) clubName(d *textdoc.Document, m gazetteer.Match, matched *gazetteer.Entry) bool {
	if m.To >= len(d.Tokens) {
		return false
	}
	next := d.Tokens[m.To]
	if next.Kind != textdoc.Word {
		return false
	}
	return e.cityNisbas()[next.Key] == matched.Country.ISO2 || ownNisba(matched.Form, next.Key)
}

// ownNisba reports whether the folded word key is the nisba, with the
// article, of the one-word form (قطر → القطري، الكويت → الكويتي).
func ownNisba(form, key string) bool {
	if strings.Contains(form, " ") {
		return false
	}
	al := arabic.Fold("ال")
	base := strings.TrimPrefix(arabic.Fold(form), al)
	return len(key) == len(al)+len(base)+len("ي") && key == al+base+arabic.Fold("ي")
}

// Table is schemas.Countries.
func (*Extractor) Table() *schemas.Table { return schemas.Countries }

// kindRank orders match kinds from the most to the least direct reference;
// when one form names several countries, the most direct reading wins.
var kindRank = map[string]int{"name": 0, "short": 1, "official": 2, "variant": 3, "adjective": 4, "capital": 5, "city": 6}

// confidence by match kind: a country's own name is near certain; a city
// stands for its country less surely; a sports side is the country's team.
var confidence = map[string]float64{"name": 0.99, "short": 0.97, "official": 0.99, "variant": 0.95, "adjective": 0.9, "capital": 0.85, "city": 0.8, "team": 0.9}

// Found is one resolved country reference.
type Found struct {
	textdoc.Span
	Entry *gazetteer.Entry
	// Kind is the match_kind: the entry's kind, or "team" when the country
	// stands for its national team.
	Kind       string
	Confidence float64
	ResolvedBy string // one of schemas.ResolvedBy
}

// Extract returns the country mentions of d.
func (e *Extractor) Extract(d *textdoc.Document) []resources.Mention {
	var out []resources.Mention
	for _, f := range e.Find(d, 0, len(d.Tokens)) {
		c := f.Entry.Country
		b, ok := e.boxed[c]
		if !ok {
			// a country the gazetteer did not list when New ran
			b = &[4]any{c.ISO2, c.ISO3, c.NameEN, c.NameAR}
		}
		row := schemas.Countries.NewRow().
			Set("iso2", b[0]).
			Set("iso3", b[1]).
			Set("name_en", b[2]).
			Set("name_ar", b[3]).
			Set("match_kind", e.box(f.Kind)).
			Set("confidence", f.Confidence).
			Set("resolved_by", e.box(f.ResolvedBy))
		out = append(out, resources.Mention{Span: f.Span, Row: row})
	}
	return out
}

// Find resolves the country references in tokens [from, to) of d, using the
// whole article as context. The whole-article answer is computed once per
// document (the countries and agreements extractors both ask).
func (e *Extractor) Find(d *textdoc.Document, from, to int) []Found {
	if from == 0 && to == len(d.Tokens) {
		type memoKey struct{ gaz *gazetteer.Gazetteer }
		return textdoc.Memo(d, memoKey{e.gaz}, func() []Found { return e.find(d, from, to) })
	}
	return e.find(d, from, to)
}

func (e *Extractor) find(d *textdoc.Document, from, to int) []Found {
	all := e.gaz.ScanDocument(d)
	// Countries the article names without ambiguity, and the bare forms that
	// end the places it names: the context for the rest.
	context := map[string]bool{}
	tails := map[string][]*gazetteer.Place{}
	for _, m := range all {
		if c, ok := resolve(m.Entries, nil); ok {
			context[c.Country.ISO2] = true
		}
		for _, en := range m.Entries {
			// only places with members and a namesake country: ولاية جورجيا, not
			// بني إسرائيل (historical, no members)
			if en.Place == nil || len(en.Place.Members) == 0 || en.Place.Kind == "historical" {
				continue
			}
			if keys := gazetteer.FormKeys(en.Form); len(keys) > 1 {
				tail := strings.Join(keys[1:], " ")
				tails[tail] = append(tails[tail], en.Place)
			}
		}
	}
	names := quotedNames(d)
	sports := map[int]bool{} // sentence index → is a sports report, computed on demand
	var out []Found
	for _, m := range all {
		if m.From < from || m.To > to || insideName(names, m) {
			continue
		}
		f, ok := e.read(d, m, context, tails)
		if !ok || (isName(f.Kind) || f.Kind == "team") && e.clubName(d, m, f.Entry) {
			continue
		}
		if f.Kind != "team" && isName(f.Kind) && !locative(d, m.From, m.Start) && !parenthesised(d, m) {
			s := d.SentenceIndex(m.Start)
			is, seen := sports[s]
			if !seen {
				is = e.sportsReportAt(d, m.Start)
				sports[s] = is
			}
			if is {
				f.Kind, f.Confidence, f.ResolvedBy = "team", confidence["team"], "sports_context"
			}
		}
		out = append(out, f)
	}
	return out
}

// isName reports whether a match kind names the country itself (not an
// adjective, a capital or a city).
func isName(kind string) bool {
	return kind == "name" || kind == "short" || kind == "official" || kind == "variant"
}

// read decides what one match refers to, if it is a country reference.
func (e *Extractor) read(d *textdoc.Document, m gazetteer.Match, context map[string]bool, tails map[string][]*gazetteer.Place) (Found, bool) {
	entries := m.Entries
	for _, en := range entries {
		if en.Place != nil {
			return Found{}, false
		}
	}
	by := ""
	if es := byDiacritics(d.Text[m.Start:d.Tokens[m.From].End], entries); len(es) < len(entries) {
		entries, by = es, "diacritics"
	}
	keys := matchKeys(d, m)
	team := false
	// a cue is the head of a construct (مستشفى مصر، خليج المكسيك): a
	// proclitic on the place breaks it (مستشفى بالأردن، الخليج والعراق)
	proclitics := peeled(d, m)
	if eff := cueBefore(d, m.From, keys); eff != "" && proclitics == "" {
		direct := notAdjectives(entries)
		switch {
		case len(direct) == 0:
		case eff == teamCue:
			// منتخب مصر is Egypt's team; فريق برشلونة is a club, which
			// does not stand for Spain
			if entries = ofKinds(entries, "name", "short", "official", "variant"); len(entries) == 0 {
				return Found{}, false
			}
			by, team = "team_cue", true
		case eff == cityCue:
			if cities := ofKinds(entries, "capital", "city"); len(cities) > 0 {
				entries, by = cities, "city_cue"
			}
		default: // a part of a longer name, or another sense of the word
			if entries = adjectives(entries); len(entries) == 0 {
				return Found{}, false
			}
		}
	}
	for _, p := range tails[keys] {
		entries = notNamesake(entries, p)
		if len(entries) == 0 {
			return Found{}, false
		}
	}
	if by == "" && m.To == m.From+1 && articleOnBareName(d.Text[m.Start:d.Tokens[m.From].End], entries) {
		// التشيلي، البوروندي: a name that never takes the article, written
		// with it, is the adjective spelt like the name
		entries, by = adjectives(entries), "adjective_position"
	}
	if by == "" && !strings.ContainsAny(proclitics, "بلك") && definiteBefore(d, m.From) {
		// a preposition makes it a noun (سجن الحائر بالسعودية), while an
		// adjective may be joined by و (الشركات الإماراتية والسعودية)
		// counted first: the filtered list is made only when it is taken
		if n := countAdjectives(entries); n > 0 && n < len(entries) && sameCountry(entries) {
			entries, by = adjectives(entries), "adjective_position"
		}
	}
	if by == "diacritics" && sameCountry(entries) {
		// the marks chose between the readings: no other evidence needed
		context = map[string]bool{entries[0].Country.ISO2: true}
	}
	entry, ok := resolve(entries, context)
	if !ok {
		return Found{}, false
	}
	conf := confidence[entry.Kind]
	if entry.Has(gazetteer.NeedsContext) {
		conf *= 0.8
		if by == "" {
			by = "context"
		}
	}
	switch {
	case by != "":
	case entry.Has(gazetteer.CitySameAsCountry):
		by = "city_same_as_country"
	default:
		by = "unique"
	}
	kind := entry.Kind
	if team {
		kind, conf = "team", confidence["team"]
	}
	return Found{Span: m.Span, Entry: entry, Kind: kind, Confidence: conf, ResolvedBy: by}, true
}

// peeled returns the proclitics the match left out of its first word
// (و ف ب ل ك, not the article, which is part of the form it matched).
func peeled(d *textdoc.Document, m gazetteer.Match) string {
	return strings.TrimSuffix(d.Text[d.Tokens[m.From].Start:m.Start], "ال")
}

// matchKeys is the match's form as the gazetteer keys it: the first word's
// key with the proclitics the match peeled, then the other words' stems.
func matchKeys(d *textdoc.Document, m gazetteer.Match) string {
	first := d.Tokens[m.From]
	keys := []string{arabic.Key(d.Text[m.Start:first.End])}
	for _, t := range d.Tokens[m.From+1 : m.To] {
		keys = append(keys, t.Stem)
	}
	return strings.Join(keys, " ")
}

// cueBefore returns the effect of the word before token i (data/cues.tsv)
// on the form keys, looking past one definite adjective for the city cue
// (العاصمة الأردنية عمان).
func cueBefore(d *textdoc.Document, i int, keys string) string {
	for back := 1; back <= 2 && i-back >= 0; back++ {
		t := d.Tokens[i-back]
		if t.Kind != textdoc.Word {
			return ""
		}
		for _, c := range t.Candidates() {
			if cu, ok := cues[cueKey{c.Key, keys}]; ok && back == 1 && (!cu.definite || definiteWord(t.Text)) {
				return cu.effect
			}
			if cu, ok := cues[cueKey{c.Key, "*"}]; ok && (back == 1 || cu.effect == cityCue) && (!cu.definite || definiteWord(t.Text)) {
				return cu.effect
			}
		}
		if !gazetteer.WordHasArticle(t.Text) {
			return ""
		}
	}
	return ""
}

// definiteWord reports whether w carries the article, after at most a
// conjunction (و ف) and a preposition (ب ك), or as لل: والعاصمة، بالعاصمة، للعاصمة.
func definiteWord(w string) bool {
	for _, conj := range []string{"", "و", "ف"} {
		rest, ok := strings.CutPrefix(w, conj)
		if !ok {
			continue
		}
		for _, prep := range []string{"", "ب", "ك"} {
			if r, ok := strings.CutPrefix(rest, prep); ok && gazetteer.WordHasArticle(r) {
				return true
			}
		}
		if strings.HasPrefix(rest, "لل") {
			return true
		}
	}
	return false
}

// definiteBefore reports whether token i follows a definite word (with the
// article, or لل), the position of an adjective (الحكومة السعودية), not of
// a noun after a preposition (في السعودية).
func definiteBefore(d *textdoc.Document, i int) bool {
	if i == 0 || d.Tokens[i-1].Kind != textdoc.Word || d.Tokens[i-1].End == d.Tokens[i].Start {
		return false
	}
	w := d.Tokens[i-1].Text
	for _, conj := range []string{"و", "ف"} {
		if rest := strings.TrimPrefix(w, conj); rest != w && (gazetteer.WordHasArticle(rest) || strings.HasPrefix(rest, "لل")) {
			return true
		}
	}
	return gazetteer.WordHasArticle(w) || strings.HasPrefix(w, "لل")
}

// articleOnBareName reports whether word carries the article while the
// name readings of the match are written without it, and the match also
// has adjective readings of that same country.
func articleOnBareName(word string, entries []*gazetteer.Entry) bool {
	if !gazetteer.WordHasArticle(word) && !strings.HasPrefix(word, "لل") {
		return false
	}
	bare := false
	for _, e := range entries {
		if e.Kind != "adjective" && e.NeedsArticle(0) {
			return false
		}
		bare = bare || e.Kind != "adjective"
	}
	return bare && countAdjectives(entries) > 0 && sameCountry(entries)
}

// byDiacritics keeps the entries whose form shares a vowel mark with the
// word as written (عُمان → the form عُمان, عمّان → the form عمّان), when the
// text has marks and some entry agrees with them.
func byDiacritics(word string, entries []*gazetteer.Entry) []*gazetteer.Entry {
	marks := letterMarks(word)
	if len(marks) == 0 {
		return entries
	}
	var out []*gazetteer.Entry
	for _, e := range entries {
		fm := letterMarks(strings.Fields(e.Form)[0])
		for k, r := range marks {
			if fm[k] == r {
				out = append(out, e)
				break
			}
		}
	}
	if len(out) == 0 {
		return entries
	}
	return out
}

// letterMarks maps a letter index (after the article) to the vowel mark on
// that letter.
func letterMarks(w string) map[int]rune {
	var out map[int]rune
	if gazetteer.WordHasArticle(w) {
		_, size := utf8.DecodeRuneInString(w)
		w = w[size+len("ل"):]
	}
	k := -1
	for _, r := range w {
		switch {
		case arabic.IsDiacritic(r):
			if k >= 0 {
				if out == nil {
					out = map[int]rune{}
				}
				out[k] = r
			}
		case r != arabic.Tatweel:
			k++
		}
	}
	return out
}

func ofKinds(entries []*gazetteer.Entry, kinds ...string) []*gazetteer.Entry {
	var out []*gazetteer.Entry
	for _, e := range entries {
		for _, k := range kinds {
			if e.Kind == k {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func adjectives(entries []*gazetteer.Entry) []*gazetteer.Entry {
	return ofKinds(entries, "adjective")
}

// countAdjectives is len(adjectives(entries)), without making the list.
func countAdjectives(entries []*gazetteer.Entry) int {
	n := 0
	for _, e := range entries {
		if e.Kind == "adjective" {
			n++
		}
	}
	return n
}

func notAdjectives(entries []*gazetteer.Entry) []*gazetteer.Entry {
	return ofKinds(entries, "name", "short", "official", "variant", "capital", "city")
}

func sameCountry(entries []*gazetteer.Entry) bool {
	for _, e := range entries[1:] {
		if e.Country != entries[0].Country {
			return false
		}
	}
	return true
}

// notNamesake drops the entries that, as the bare end of a place the
// article names, more likely mean that place: a country that is not one of
// its members (ولاية جورجيا … جورجيا), or a form that needs context
// (بحر قزوين … قزوين).
func notNamesake(entries []*gazetteer.Entry, p *gazetteer.Place) []*gazetteer.Entry {
	var out []*gazetteer.Entry
	for _, e := range entries {
		member := false
		for _, c := range p.Members {
			member = member || c == e.Country.ISO2
		}
		if member && !e.Has(gazetteer.NeedsContext) {
			out = append(out, e)
		}
	}
	return out
}

// resolve picks the country a match refers to. Without context, forms
// flagged needs_context are dropped; with context, they are kept when their
// country is in it. When the most direct readings still name more than one
// country, the match is ambiguous and dropped.
func resolve(entries []*gazetteer.Entry, context map[string]bool) (*gazetteer.Entry, bool) {
	// on the stack: resolve runs for every gazetteer match, often twice
	var room [4]*gazetteer.Entry
	best := room[:0]
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
			best, bestRank = append(best[:0], e), r
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
