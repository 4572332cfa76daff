package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

var formsHeader = []string{"form", "iso2", "kind", "flags", "source"}

// licenseFiles maps source licence files to their name in data/licenses/.
var licenseFiles = [][2]string{
	{"cldr-47/LICENSE", "cldr-LICENSE"},
	{"golang-x-text/LICENSE", "xtext-LICENSE"},
	{"dr5hn-csc/LICENSE", "dr5hn-LICENSE"},
	{"dr5hn-csc/CONTENT_LICENSE", "dr5hn-CONTENT_LICENSE"},
	{"mledoze-countries/LICENSE", "mledoze-LICENSE"},
	{"world-cities-ar/LICENSE", "world-cities-LICENSE"},
	{"wikidata-country-aliases/LICENSE", "wikidata-aliases-LICENSE"},
}

func kindIndex(k string) int {
	for i, x := range kindOrder {
		if x == k {
			return i
		}
	}
	return len(kindOrder)
}

// sortedEntries returns the entries ordered by country, kind and form.
func (b *builder) sortedEntries() []*entry {
	list := make([]*entry, 0, len(b.entries))
	for _, e := range b.entries {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool {
		a, c := list[i], list[j]
		if a.iso2 != c.iso2 {
			return a.iso2 < c.iso2
		}
		if ka, kc := kindIndex(a.kind), kindIndex(c.kind); ka != kc {
			return ka < kc
		}
		if a.form != c.form {
			return a.form < c.form
		}
		return normKey(a.form) < normKey(c.form)
	})
	return list
}

func (b *builder) write() error {
	out := b.cfg.out
	if err := writeTSV(filepath.Join(out, "countries.tsv"),
		[]string{"iso2", "iso3", "numeric", "wikidata", "name_en", "name_ar", "source"}, b.countryRows()); err != nil {
		return err
	}
	var open, odbl [][]string
	for _, e := range b.sortedEntries() {
		row := []string{e.form, e.iso2, e.kind, e.flagString(), e.sourceString()}
		if e.odblOnly() {
			odbl = append(odbl, row)
		} else {
			open = append(open, row)
		}
	}
	if err := writeTSV(filepath.Join(out, "forms.tsv"), formsHeader, open); err != nil {
		return err
	}
	if err := writeTSV(filepath.Join(out, "forms_odbl.tsv"), formsHeader, odbl); err != nil {
		return err
	}
	if err := writeTSV(filepath.Join(out, "places.tsv"),
		[]string{"form", "place_id", "kind", "name_en", "members", "source"}, b.placeRows()); err != nil {
		return err
	}
	for _, lf := range licenseFiles {
		data, err := os.ReadFile(b.srcPath(filepath.FromSlash(lf[0])))
		if err != nil {
			return err
		}
		if err := writeFileIfChanged(filepath.Join(out, "licenses", lf[1]), data); err != nil {
			return err
		}
	}
	return nil
}

// report prints row counts, coverage and the checks a reviewer needs.
func (b *builder) report(w io.Writer) {
	type counts struct{ open, odbl int }
	perKind := map[string]*counts{}
	perCountry := map[string]map[string]bool{} // iso2 → kinds present (any file)
	perCountryOpen := map[string]map[string]bool{}
	flagged := map[string]int{}
	for _, e := range b.entries {
		c := perKind[e.kind]
		if c == nil {
			c = &counts{}
			perKind[e.kind] = c
		}
		if e.odblOnly() {
			c.odbl++
		} else {
			c.open++
			if perCountryOpen[e.iso2] == nil {
				perCountryOpen[e.iso2] = map[string]bool{}
			}
			perCountryOpen[e.iso2][e.kind] = true
		}
		if perCountry[e.iso2] == nil {
			perCountry[e.iso2] = map[string]bool{}
		}
		perCountry[e.iso2][e.kind] = true
		for f := range e.flags {
			flagged[f]++
		}
	}
	fmt.Fprintf(w, "countries.tsv: %d rows\n", len(b.codes))
	fmt.Fprintf(w, "%-10s %8s %8s\n", "kind", "forms", "odbl")
	to, tb := 0, 0
	for _, k := range kindOrder {
		c := perKind[k]
		if c == nil {
			c = &counts{}
		}
		fmt.Fprintf(w, "%-10s %8d %8d\n", k, c.open, c.odbl)
		to += c.open
		tb += c.odbl
	}
	fmt.Fprintf(w, "%-10s %8d %8d\n", "total", to, tb)
	fmt.Fprintf(w, "flags: needs_context %d, city_same_as_country %d\n", flagged[flagContext], flagged[flagSameCity])
	fmt.Fprintf(w, "places.tsv: %d rows\n", len(b.places))

	cover := func(kind string, m map[string]map[string]bool, unOnly bool) (int, int, []string) {
		n, total := 0, 0
		var missing []string
		for _, code := range b.codes {
			if unOnly && !b.countries[code].unMember {
				continue
			}
			total++
			if m[code][kind] {
				n++
			} else {
				missing = append(missing, code)
			}
		}
		return n, total, missing
	}
	for _, kind := range []string{"name", "adjective", "capital"} {
		n, total, missing := cover(kind, perCountry, false)
		no, _, _ := cover(kind, perCountryOpen, false)
		un, untotal, unMissing := cover(kind, perCountry, true)
		fmt.Fprintf(w, "coverage %-9s: %d/%d codes (%d in forms.tsv alone), UN members %d/%d\n", kind, n, total, no, un, untotal)
		if kind != "name" && len(missing) > 0 {
			fmt.Fprintf(w, "  without %s: %s\n", kind, strings.Join(missing, " "))
		}
		if len(unMissing) > 0 {
			fmt.Fprintf(w, "  UN members without %s: %s\n", kind, strings.Join(unMissing, " "))
		}
	}
	if len(b.ambiguous) > 0 {
		var list []string
		for _, k := range sortedKeys(b.ambiguous) {
			list = append(list, k+" ("+strings.Join(b.ambiguous[k], " ")+")")
		}
		fmt.Fprintf(w, "forms shared by several countries, flagged needs_context (%d): %s\n", len(list), strings.Join(list, "; "))
	}
	if len(b.rejected) > 0 {
		fmt.Fprintln(w, "source forms not used:")
		for _, k := range sortedKeys(b.rejected) {
			fmt.Fprintf(w, "  %6d  %s\n", b.rejected[k], k)
		}
	}
	// Rows for one country that match nothing are stale; the "*" stop-list
	// is a safety net and is expected to match rarely.
	var unused []string
	for _, k := range sortedKeys(b.excl) {
		for _, x := range b.excl[k] {
			if x.hits == 0 && x.iso2 != "*" {
				unused = append(unused, x.form+"/"+x.iso2)
			}
		}
	}
	if len(unused) > 0 {
		fmt.Fprintf(w, "exclude.tsv rows that matched nothing (%d): %s\n", len(unused), strings.Join(unused, " "))
	}
	if len(b.warnings) > 0 {
		fmt.Fprintln(w, "warnings:")
		for _, s := range b.warnings {
			fmt.Fprintln(w, "  "+s)
		}
	}
}
