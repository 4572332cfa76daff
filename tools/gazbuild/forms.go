package main

import (
	"fmt"
	"strconv"
	"strings"
)

// loadCurated reads the hand-curated files. exclude.tsv must be loaded
// before any source form is added.
func (b *builder) loadCurated() error {
	var err error
	ex, err := readTSV(b.curatedPath("exclude.tsv"), true, "form", "iso2", "reason")
	if err != nil {
		return err
	}
	for i := range ex.rows {
		form, iso2, reason := cleanForm(ex.get(i, "form")), strings.TrimSpace(ex.get(i, "iso2")), ex.get(i, "reason")
		if form == "" || reason == "" {
			return fmt.Errorf("%s:%d: empty form or reason", ex.path, ex.lines[i])
		}
		if _, ok := b.countries[iso2]; !ok && iso2 != "*" {
			return fmt.Errorf("%s:%d: unknown iso2 %q", ex.path, ex.lines[i], iso2)
		}
		k := normKey(form)
		b.excl[k] = append(b.excl[k], &exclusion{form: form, iso2: iso2, reason: reason})
	}
	if b.curForms, err = readTSV(b.curatedPath("forms.tsv"), true, "form", "iso2", "kind", "flags", "note"); err != nil {
		return err
	}
	if b.curAdj, err = readTSV(b.curatedPath("adjectives.tsv"), true, "form", "iso2", "flags", "note"); err != nil {
		return err
	}
	if b.curPlaces, err = readTSV(b.curatedPath("places.tsv"), true, "form", "place_id", "kind", "name_en", "members", "note"); err != nil {
		return err
	}
	return nil
}

func (b *builder) curatedPath(name string) string {
	return b.cfg.curated + "/" + name
}

// officialHeads are first words that mark a long official name.
var officialHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"جمهورية", "الجمهورية", "مملكة", "المملكة", "دولة", "إمارة", "سلطنة",
		"دوقية", "كومونولث", "كومنولث", "اتحاد", "الاتحاد", "ولايات", "الولايات", "إقليم", "منطقة", "التجمع"} {
		m[normKey(w)] = true
	}
	return m
}()

// classifyName decides the kind of a country-name form given the CLDR name:
// name (equal to it), official (a long form such as جمهورية أوزبكستان or
// روسيا الاتحادية), short (a contiguous part of the CLDR name, such as
// الإمارات or السعودية) or variant.
func classifyName(form, cldrName string) string {
	fk := normKey(form)
	if fk == normKey(cldrName) {
		return "name"
	}
	words := strings.Fields(fk)
	for _, n := range []string{cldrName, stripParens(cldrName)} {
		nw := strings.Fields(normKey(n))
		if len(words) < len(nw) && containsRun(nw, words) {
			return "short"
		}
	}
	cw := strings.Fields(normKey(stripParens(cldrName)))
	if len(words) >= 2 && (officialHeads[words[0]] || words[len(words)-1] == normKey("الاتحادية")) {
		// A spelling variant of a CLDR name that itself starts with
		// جمهورية (جمهورية الدومنيكان) is a variant, not a longer name.
		if len(cw) > 0 && officialHeads[cw[0]] && len(cw) == len(words) && cw[0] == words[0] {
			return "variant"
		}
		return "official"
	}
	return "variant"
}

// containsRun reports whether sub occurs as a contiguous run of words in s.
func containsRun(s, sub []string) bool {
	if len(sub) == 0 {
		return false
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		ok := true
		for j := range sub {
			if s[i+j] != sub[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// derivedSource maps a provenance token of derived/country_names_ar.tsv to
// our source token and a kind hint. An empty token means "do not use".
// The "official" hint of mledoze is not used: mledoze repeats the common
// name as the official one for many territories; official names are
// recognised by their form (see classifyName).
func derivedSource(s string) (tok, hint string) {
	switch {
	case s == "cldr47:ar":
		return srcCLDR, ""
	case s == "cldr47:ar:short":
		return srcCLDR, "short"
	case strings.HasPrefix(s, "cldr47:"):
		return srcCLDR, "variant"
	case s == "x/text":
		return srcXText, ""
	case s == "mledoze:official":
		return srcMledoze, "official"
	case strings.HasPrefix(s, "mledoze"):
		return srcMledoze, ""
	case s == "dr5hn":
		return srcDr5hn, ""
	case s == "i18n-iso-countries":
		return srcI18N, ""
	case strings.HasPrefix(s, "wikidata2017:ary"):
		// Moroccan Darija labels (فرانصا، صبانيا، لمغريب) are not news Arabic.
		return "", ""
	case strings.HasPrefix(s, "wikidata2017:"):
		return srcWikidata, ""
	case s == "world-cities-ar":
		return srcWorldCity, ""
	}
	return "", ""
}

// addCountryNames adds the CLDR names and every usable row of
// derived/country_names_ar.tsv.
func (b *builder) addCountryNames() error {
	for _, code := range b.codes {
		c := b.countries[code]
		// The canonical CLDR name is kept exactly as CLDR writes it, even
		// with a bracketed qualifier, so every code has its name row.
		b.addEntry(code, "name", c.nameAr, srcCLDR, false)
		if s := stripParens(c.nameAr); s != c.nameAr && s != "" {
			b.add(code, "short", s, srcCLDR)
		}
	}
	t, err := readTSV(b.srcPath("derived", "country_names_ar.tsv"), false, "iso2", "name_ar", "sources", "review")
	if err != nil {
		return err
	}
	for i := range t.rows {
		iso2, form, review := t.get(i, "iso2"), t.get(i, "name_ar"), t.get(i, "review")
		c := b.countries[iso2]
		if c == nil {
			b.warnf("country_names_ar.tsv: unknown iso2 %s", iso2)
			continue
		}
		switch {
		case strings.HasPrefix(review, "bad:"), strings.HasPrefix(review, "odd:"),
			review == "rare-variant", review == "abbreviation":
			b.rejected["review flag in country_names_ar.tsv"]++
			continue
		}
		var srcs []string
		short := false
		for _, s := range strings.Split(t.get(i, "sources"), ";") {
			tok, hint := derivedSource(strings.TrimSpace(s))
			if tok == "" {
				continue
			}
			srcs = append(srcs, tok)
			short = short || hint == "short"
		}
		if len(srcs) == 0 {
			b.rejected["Darija-only Wikidata label"]++
			continue
		}
		kind := classifyName(form, c.nameAr)
		var flags []string
		switch {
		case review == "demonym-not-name":
			kind = "adjective"
		case strings.HasPrefix(review, "ambiguous"):
			flags = append(flags, flagContext)
			if kind != "name" {
				kind = "short"
			}
		case kind == "variant" && short:
			kind = "short"
		}
		for _, s := range srcs {
			b.add(iso2, kind, form, s, flags...)
		}
	}
	return nil
}

// addEntry is add with the source checks optional (used for the CLDR
// canonical names, which are kept verbatim, diacritics included).
func (b *builder) addEntry(iso2, kind, form, src string, check bool, flags ...string) bool {
	if check {
		return b.add(iso2, kind, form, src, flags...)
	}
	k := entryKey(iso2, kind, form)
	e := b.entries[k]
	if e == nil {
		b.entries[k] = &entry{iso2: iso2, kind: kind, sources: map[string]bool{}, flags: map[string]bool{}}
		e = b.entries[k]
	}
	// Rank -1: no other spelling replaces a verbatim form (عُمان stays عُمان).
	e.form, e.rank = cleanForm(form), -1
	e.sources[src] = true
	for _, f := range flags {
		e.flags[f] = true
	}
	return true
}

// adminPrefixes are words that world-cities-ar and dr5hn put before some
// city names ("ولاية قندهار", "منطقة الرياض"). World-cities rows are cities,
// so the prefix is dropped; dr5hn rows with a prefix are administrative
// units and are skipped.
var adminPrefixes = []string{"ولاية ", "منطقة ", "محافظة ", "مقاطعة ", "إقليم ", "إدارة ", "بلدية ", "ضاحية ", "وزارة ", "ناحية ", "قضاء ", "مديرية ", "حي ", "دائرة ", "قسم "}

func stripAdminPrefix(s string) (string, bool) {
	for _, p := range adminPrefixes {
		if strings.HasPrefix(s, p) {
			return strings.TrimPrefix(s, p), true
		}
	}
	return s, false
}

// cityIndex maps iso2|Arabic name → English names, for checking that a
// capital candidate really is the capital.
type cityIndex map[string][]string

func (ci cityIndex) add(iso2, ar, en string) {
	k := iso2 + "|" + normKey(ar)
	ci[k] = appendUnique(ci[k], en)
}

func (ci cityIndex) matches(iso2, ar string, capitalsEn []string) bool {
	for _, en := range ci[iso2+"|"+normKey(ar)] {
		for _, c := range capitalsEn {
			if sameLatinName(en, c) {
				return true
			}
		}
	}
	return false
}

// addCapitals adds the capital candidates of derived/capitals_ar.tsv that
// can be trusted: CLDR time-zone cities, dr5hn and world-cities rows whose
// English name is the capital's, and dr5hn name matches. GeoNames rows only
// corroborate (see corroborate).
func (b *builder) addCapitals() error {
	drCap, wc := cityIndex{}, cityIndex{}
	dr, err := readTSV(b.srcPath("dr5hn-csc", "cities.tsv"), false, "country_code", "type", "name_en", "name_ar", "population")
	if err != nil {
		return err
	}
	for i := range dr.rows {
		if dr.get(i, "type") == "capital" {
			drCap.add(dr.get(i, "country_code"), dr.get(i, "name_ar"), dr.get(i, "name_en"))
		}
	}
	w, err := readTSV(b.srcPath("world-cities-ar", "world-cities.iso2.tsv"), false, "iso2", "city_en", "city_ar", "population")
	if err != nil {
		return err
	}
	for i := range w.rows {
		ar, _ := stripAdminPrefix(cleanForm(w.get(i, "city_ar")))
		wc.add(w.get(i, "iso2"), ar, w.get(i, "city_en"))
	}
	t, err := readTSV(b.srcPath("derived", "capitals_ar.tsv"), false, "iso2", "capital_en", "capital_ar", "source")
	if err != nil {
		return err
	}
	for i := range t.rows {
		iso2, form, src := t.get(i, "iso2"), cleanForm(t.get(i, "capital_ar")), t.get(i, "source")
		c := b.countries[iso2]
		if c == nil {
			continue
		}
		var capsEn []string
		for _, s := range strings.Split(t.get(i, "capital_en"), ";") {
			capsEn = append(capsEn, strings.TrimSpace(s))
		}
		switch {
		case src == "cldr-tz-exemplar":
			b.add(iso2, "capital", form, srcCLDRTZ)
		case src == "dr5hn-cities:type=capital":
			if drCap.matches(iso2, form, capsEn) {
				b.add(iso2, "capital", form, srcDr5hn)
			} else {
				b.rejected["dr5hn capital row that is not the capital"]++
			}
		case strings.HasPrefix(src, "dr5hn-"):
			b.add(iso2, "capital", form, srcDr5hn)
		case src == "world-cities-ar":
			ar, _ := stripAdminPrefix(form)
			if wc.matches(iso2, ar, capsEn) {
				b.add(iso2, "capital", ar, srcWorldCity)
			} else {
				b.rejected["world-cities capital row that is not the capital"]++
			}
		}
	}
	return nil
}

// allowedDr5hnTypes are the dr5hn city types that denote towns; districts,
// counties and prefectures (mostly Chinese and Bangladeshi administrative
// units with huge populations) are left out.
// Rows of type "capital" are left out too: besides the capital itself
// (handled by addCapitals) they are districts of the capital that carry its
// population (Kingston's "قلم المنح", Montevideo's "مركز").
var allowedDr5hnTypes = map[string]bool{"city": true, "adm1": true, "gov_seat": true, "municipality": true}

// addCities adds cities of at least -min-pop inhabitants from
// world-cities-ar and dr5hn, and the CLDR time-zone exemplar cities whose
// population (looked up by English name in GeoNames, world-cities or dr5hn)
// reaches the threshold. A form that is already the country's capital is
// not repeated as a city.
func (b *builder) addCities() error {
	addCity := func(iso2, form, src string) {
		if b.has(iso2, "capital", form) {
			b.corroborateEntry(iso2, "capital", form, src)
			return
		}
		b.add(iso2, "city", form, src)
	}
	recordPop := func(iso2, en string, p int) {
		k := iso2 + "|" + foldLatin(en)
		if p > b.pop[k] {
			b.pop[k] = p
		}
	}

	w, err := readTSV(b.srcPath("world-cities-ar", "world-cities.iso2.tsv"), false, "iso2", "city_en", "city_ar", "population")
	if err != nil {
		return err
	}
	for i := range w.rows {
		p, _ := strconv.Atoi(w.get(i, "population"))
		recordPop(w.get(i, "iso2"), w.get(i, "city_en"), p)
		if p < b.cfg.minPop {
			continue
		}
		ar, _ := stripAdminPrefix(cleanForm(w.get(i, "city_ar")))
		addCity(w.get(i, "iso2"), ar, srcWorldCity)
	}

	dr, err := readTSV(b.srcPath("dr5hn-csc", "cities.tsv"), false, "country_code", "type", "name_en", "name_ar", "population")
	if err != nil {
		return err
	}
	for i := range dr.rows {
		p, _ := strconv.Atoi(dr.get(i, "population"))
		iso2 := dr.get(i, "country_code")
		if allowedDr5hnTypes[dr.get(i, "type")] {
			recordPop(iso2, dr.get(i, "name_en"), p)
		}
		if p < b.cfg.minPop || !allowedDr5hnTypes[dr.get(i, "type")] {
			continue
		}
		ar := cleanForm(dr.get(i, "name_ar"))
		if _, prefixed := stripAdminPrefix(ar); prefixed || ar == "" {
			continue
		}
		addCity(iso2, ar, srcDr5hn)
	}

	g, err := readTSV(b.srcPath("geonames-2012", "cities15000.arabic-script.tsv"), false, "name", "asciiname", "iso2", "population")
	if err != nil {
		return err
	}
	for i := range g.rows {
		p, _ := strconv.Atoi(g.get(i, "population"))
		recordPop(g.get(i, "iso2"), g.get(i, "name"), p)
		recordPop(g.get(i, "iso2"), g.get(i, "asciiname"), p)
	}

	tz, err := readTSV(b.srcPath("derived", "cldr_tz_exemplar_cities_ar.tsv"), false, "iso2", "exemplar_city_ar", "exemplar_city_en", "equals_country_name_ar")
	if err != nil {
		return err
	}
	for i := range tz.rows {
		iso2, ar, en := tz.get(i, "iso2"), cleanForm(tz.get(i, "exemplar_city_ar")), tz.get(i, "exemplar_city_en")
		if _, ok := b.countries[iso2]; !ok || tz.get(i, "equals_country_name_ar") == "yes" {
			continue
		}
		if b.corroborateEntry(iso2, "capital", ar, srcCLDRTZ) || b.corroborateEntry(iso2, "city", ar, srcCLDRTZ) {
			continue
		}
		if b.pop[iso2+"|"+foldLatin(en)] >= b.cfg.minPop {
			addCity(iso2, ar, srcCLDRTZ)
		}
	}
	return nil
}

// addCuratedForms adds curated/forms.tsv and curated/adjectives.tsv, and
// the demonyms Wikidata filed as country aliases.
func (b *builder) addCuratedForms() error {
	validKind := map[string]bool{}
	for _, k := range kindOrder {
		validKind[k] = true
	}
	parseFlags := func(t *table, i int) ([]string, error) {
		var out []string
		for _, f := range strings.Split(t.get(i, "flags"), ",") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			if !validFlags[f] {
				return nil, fmt.Errorf("%s:%d: unknown flag %q", t.path, t.lines[i], f)
			}
			out = append(out, f)
		}
		return out, nil
	}
	check := func(t *table, i int, form, iso2 string) error {
		if _, ok := b.countries[iso2]; !ok {
			return fmt.Errorf("%s:%d: unknown iso2 %q", t.path, t.lines[i], iso2)
		}
		if !isArabicForm(form) {
			return fmt.Errorf("%s:%d: form %q is not plain Arabic script", t.path, t.lines[i], form)
		}
		return nil
	}
	for i := range b.curForms.rows {
		t := b.curForms
		form, iso2, kind := cleanForm(t.get(i, "form")), strings.TrimSpace(t.get(i, "iso2")), strings.TrimSpace(t.get(i, "kind"))
		if err := check(t, i, form, iso2); err != nil {
			return err
		}
		if !validKind[kind] {
			return fmt.Errorf("%s:%d: unknown kind %q", t.path, t.lines[i], kind)
		}
		flags, err := parseFlags(t, i)
		if err != nil {
			return err
		}
		b.add(iso2, kind, form, srcCurated, flags...)
	}
	for i := range b.curAdj.rows {
		t := b.curAdj
		form, iso2 := cleanForm(t.get(i, "form")), strings.TrimSpace(t.get(i, "iso2"))
		if err := check(t, i, form, iso2); err != nil {
			return err
		}
		flags, err := parseFlags(t, i)
		if err != nil {
			return err
		}
		b.add(iso2, "adjective", form, srcCurated, flags...)
	}
	return nil
}

// corroborate adds GeoNames 2012 as a further source of capitals and cities
// already attested elsewhere (its alternate names carry no language tag, so
// it never adds a form on its own), and CLDR language names (الأوزبكية) to
// curated adjectives that coincide with the language of the same country.
func (b *builder) corroborate() error {
	g, err := readTSV(b.srcPath("geonames-2012", "cities15000.arabic-script.tsv"), false, "iso2", "feature", "alt_arabic_letters_only")
	if err != nil {
		return err
	}
	for i := range g.rows {
		iso2 := g.get(i, "iso2")
		for _, alt := range strings.Split(g.get(i, "alt_arabic_letters_only"), "|") {
			if alt = cleanForm(alt); alt == "" {
				continue
			}
			if !b.corroborateEntry(iso2, "capital", alt, srcGeoNames) {
				b.corroborateEntry(iso2, "city", alt, srcGeoNames)
			}
		}
	}
	langs, err := readTSV(b.srcPath("derived", "cldr_language_names_ar.tsv"), false, "name_ar", "likely_territory", "official_in")
	if err != nil {
		return err
	}
	for i := range langs.rows {
		ar := langs.get(i, "name_ar")
		bare := strings.TrimPrefix(cleanForm(ar), "ال")
		terr := []string{langs.get(i, "likely_territory")}
		terr = append(terr, strings.Fields(strings.ReplaceAll(langs.get(i, "official_in"), ",", " "))...)
		for _, iso2 := range terr {
			if iso2 == "" {
				continue
			}
			b.corroborateEntry(iso2, "adjective", ar, srcCLDR)
			b.corroborateEntry(iso2, "adjective", bare, srcCLDR)
		}
	}
	return nil
}

// applyFlags derives the flags that depend on the whole gazetteer:
//   - city_same_as_country on a capital or city whose form is also a name of
//     its country (الجزائر، تونس، الكويت), and on that name;
//   - needs_context on every form that, article aside, belongs to more than
//     one country (عمان: Oman and Amman; الكونغو: CD and CG);
//   - needs_context on adjectives written exactly like a country name
//     (مالي، هايتي، جيبوتي; not السعودية/سعودية, which differ by the article).
func (b *builder) applyFlags() error {
	byAmb := map[string][]*entry{}
	for _, e := range b.entries {
		k := ambKey(e.form)
		byAmb[k] = append(byAmb[k], e)
	}
	isNameKind := func(k string) bool {
		return k == "name" || k == "short" || k == "official" || k == "variant"
	}
	for k, list := range byAmb {
		isos := map[string]bool{}
		for _, e := range list {
			isos[e.iso2] = true
		}
		if len(isos) > 1 {
			b.ambiguous[k] = sortedKeys(isos)
			for _, e := range list {
				e.flags[flagContext] = true
			}
		}
		for _, e := range list {
			if e.kind == "capital" || e.kind == "city" {
				for _, n := range list {
					if n.iso2 == e.iso2 && isNameKind(n.kind) {
						e.flags[flagSameCity] = true
						n.flags[flagSameCity] = true
					}
				}
			}
			if e.kind == "adjective" {
				for _, n := range list {
					if isNameKind(n.kind) && normKey(n.form) == normKey(e.form) {
						e.flags[flagContext] = true
					}
				}
			}
		}
	}
	return nil
}

// mergeKinds resolves one form filed under two kinds for one country:
//   - a curated short/official/variant row wins over a source row of
//     another of these kinds (أمريكا is short, whatever Wikidata says);
//   - a city that is also the country's capital is kept as the capital.
//
// The sources of the dropped row are merged into the kept one.
func (b *builder) mergeKinds() error {
	nameish := []string{"short", "official", "variant"}
	for _, k := range sortedKeys(b.entries) {
		e := b.entries[k]
		if e == nil {
			continue
		}
		var losers []string
		switch {
		case e.sources[srcCurated] && (e.kind == "short" || e.kind == "official" || e.kind == "variant"):
			for _, other := range nameish {
				if other != e.kind {
					losers = append(losers, entryKey(e.iso2, other, e.form))
				}
			}
		case e.kind == "capital":
			losers = append(losers, entryKey(e.iso2, "city", e.form))
		}
		for _, lk := range losers {
			l := b.entries[lk]
			if l == nil || (l.sources[srcCurated] && e.kind != "capital") {
				continue
			}
			for s := range l.sources {
				e.sources[s] = true
			}
			for f := range l.flags {
				e.flags[f] = true
			}
			delete(b.entries, lk)
		}
	}
	return nil
}
