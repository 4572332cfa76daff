package main

import (
	"fmt"
	"sort"
	"strings"
)

// placeRow is one row of places.tsv: a form naming a region, organisation,
// sea, river … (or an adjective of one) that is not a country.
type placeRow struct {
	form, placeID, kind, nameEn string
	members                     []string
	sources                     map[string]bool
}

// cldrPlaceKinds gives the kind of the CLDR two-letter non-country codes
// that become places. XA, XB, ZZ and QO are not places anyone writes about.
var cldrPlaceKinds = map[string]string{
	"EU": "organisation", "UN": "organisation", "EZ": "region",
	"AC": "region", "CP": "region", "DG": "region", "EA": "region", "IC": "region", "TA": "region",
}

// buildPlaces merges the CLDR M49 regions (with their member countries from
// territoryContainment), the CLDR groupings and special areas, and
// curated/places.tsv.
func (b *builder) buildPlaces() error {
	cont, err := b.containment()
	if err != nil {
		return err
	}
	byKey := map[string]*placeRow{}
	cldrIDName := map[string]string{}
	add := func(form, id, kind, nameEn string, members []string, src string) {
		form = cleanForm(form)
		k := normKey(form) + "|" + id + "|" + kind
		p := byKey[k]
		if p == nil {
			p = &placeRow{form: form, placeID: id, kind: kind, nameEn: nameEn, sources: map[string]bool{}}
			byKey[k] = p
		} else if src == srcCurated {
			p.form = form
		}
		if p.nameEn == "" || (src == srcCLDR && nameEn != "") {
			p.nameEn = nameEn
		}
		if len(members) > 0 && (len(p.members) == 0 || src == srcCurated) {
			p.members = members
		}
		p.sources[src] = true
	}
	for code, ar := range b.cldrAr {
		switch {
		case len(code) == 3 && code[0] >= '0' && code[0] <= '9':
			var members []string
			if code != "001" {
				members = b.expandMembers(cont, code)
			}
			add(ar, "M49-"+code, "region", b.cldrEn[code], members, srcCLDR)
			cldrIDName["M49-"+code] = b.cldrEn[code]
		case cldrPlaceKinds[code] != "":
			var members []string
			if code == "EU" || code == "EZ" {
				members = b.expandMembers(cont, code)
			}
			add(ar, "CLDR-"+code, cldrPlaceKinds[code], b.cldrEn[code], members, srcCLDR)
			cldrIDName["CLDR-"+code] = b.cldrEn[code]
		}
	}
	t := b.curPlaces
	for i := range t.rows {
		form, id, kind := cleanForm(t.get(i, "form")), strings.TrimSpace(t.get(i, "place_id")), strings.TrimSpace(t.get(i, "kind"))
		if form == "" || id == "" || !placeKinds[kind] {
			return fmt.Errorf("%s:%d: bad row (form %q, place_id %q, kind %q)", t.path, t.lines[i], form, id, kind)
		}
		if !isArabicForm(form) {
			return fmt.Errorf("%s:%d: form %q is not plain Arabic script", t.path, t.lines[i], form)
		}
		members := strings.Fields(t.get(i, "members"))
		for _, m := range members {
			if _, ok := b.countries[m]; !ok {
				return fmt.Errorf("%s:%d: unknown member %q", t.path, t.lines[i], m)
			}
		}
		sort.Strings(members)
		add(form, id, kind, strings.TrimSpace(t.get(i, "name_en")), members, srcCurated)
	}
	// Rows of one place_id share name_en and members: fill them from the
	// row that has them (the CLDR row, or the first curated row).
	idName, idMembers := map[string]string{}, map[string][]string{}
	for _, k := range sortedKeys(byKey) {
		p := byKey[k]
		if p.kind == "adjective" {
			continue
		}
		if p.nameEn != "" && (idName[p.placeID] == "" || p.sources[srcCLDR]) {
			idName[p.placeID] = p.nameEn
		}
		if len(p.members) > 0 && (len(idMembers[p.placeID]) == 0 || p.sources[srcCurated]) {
			idMembers[p.placeID] = p.members
		}
	}
	for _, p := range byKey {
		// Rows of a CLDR place all carry the CLDR English name;
		// adjectives keep their own ("European").
		if cldrName, ok := cldrIDName[p.placeID]; ok && p.kind != "adjective" {
			p.nameEn = cldrName
		}
		if p.nameEn == "" {
			p.nameEn = idName[p.placeID]
		}
		if len(p.members) == 0 {
			p.members = idMembers[p.placeID]
		}
		b.places = append(b.places, *p)
	}
	// A form should be either a country form or a place, not both.
	countryForms := map[string]string{}
	for _, e := range b.entries {
		countryForms[ambKey(e.form)] = e.iso2 + " " + e.kind
	}
	for _, k := range sortedKeys(byKey) {
		p := byKey[k]
		if c, ok := countryForms[ambKey(p.form)]; ok {
			b.warnf("places.tsv %q (%s) is also a country form (%s)", p.form, p.placeID, c)
		}
	}
	sort.Slice(b.places, func(i, j int) bool {
		a, c := b.places[i], b.places[j]
		if a.placeID != c.placeID {
			return a.placeID < c.placeID
		}
		if a.kind != c.kind {
			return a.kind < c.kind
		}
		return a.form < c.form
	})
	return nil
}

func (b *builder) placeRows() [][]string {
	var rows [][]string
	for _, p := range b.places {
		srcs := sortedKeys(p.sources)
		sort.SliceStable(srcs, func(i, j int) bool { return sourceRank[srcs[i]] < sourceRank[srcs[j]] })
		rows = append(rows, []string{p.form, p.placeID, p.kind, p.nameEn, strings.Join(p.members, " "), strings.Join(srcs, "+")})
	}
	return rows
}
