package main

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// cldrNonCountries are two-letter CLDR territory keys that are not ISO
// 3166-1 countries: exceptional reservations, pseudo-locales and groupings.
// Their names go to places.tsv where they are places.
var cldrNonCountries = map[string]bool{
	"AC": true, "CP": true, "DG": true, "EA": true, "IC": true, "TA": true,
	"XA": true, "XB": true, "ZZ": true, "EU": true, "EZ": true, "UN": true, "QO": true,
}

// Kosovo has no ISO 3166-1 numeric code. CLDR uses the private-use XKK/983;
// the EU, IMF and World Bank use XKX. We follow the common XKX and leave
// the numeric code empty.
const kosovoISO3 = "XKX"

// loadCountries builds the 250 countries from CLDR 47 (names, codes),
// checks the codes against golang.org/x/text, and takes Wikidata QIDs from
// dr5hn countries.tsv and capitals from derived/capitals_ar.tsv.
func (b *builder) loadCountries() error {
	var err error
	if b.cldrAr, err = cldrTerritories(b.srcPath("cldr-47", "ar.territories.json")); err != nil {
		return err
	}
	if b.cldrEn, err = cldrTerritories(b.srcPath("cldr-47", "en.territories.json")); err != nil {
		return err
	}
	var cm struct {
		Supplemental struct {
			CodeMappings map[string]struct {
				Numeric string `json:"_numeric"`
				Alpha3  string `json:"_alpha3"`
			} `json:"codeMappings"`
		} `json:"supplemental"`
	}
	if err := readJSON(b.srcPath("cldr-47", "codeMappings.json"), &cm); err != nil {
		return err
	}
	for code, name := range b.cldrAr {
		if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || cldrNonCountries[code] {
			continue
		}
		c := &country{iso2: code, nameAr: cleanForm(name), nameEn: b.cldrEn[code]}
		m := cm.Supplemental.CodeMappings[code]
		c.iso3, c.numeric = m.Alpha3, m.Numeric
		if code == "XK" {
			c.iso3, c.numeric = kosovoISO3, ""
		}
		if c.nameEn == "" || c.iso3 == "" {
			return fmt.Errorf("CLDR: %s lacks an English name or alpha-3 code", code)
		}
		if r, err := language.ParseRegion(code); err == nil && code != "XK" {
			if r.ISO3() != c.iso3 {
				b.warnf("%s: x/text ISO3 %s, CLDR 47 %s", code, r.ISO3(), c.iso3)
			}
			if c.numeric != "" && fmt.Sprintf("%03d", r.M49()) != c.numeric {
				b.warnf("%s: x/text M49 %03d, CLDR 47 %s", code, r.M49(), c.numeric)
			}
		}
		b.countries[code] = c
	}
	if len(b.countries) != 250 {
		return fmt.Errorf("CLDR 47 gives %d countries, want 250", len(b.countries))
	}
	for code := range b.countries {
		b.codes = append(b.codes, code)
	}
	sort.Strings(b.codes)

	// UN membership from CLDR territoryContainment.
	cont, err := b.containment()
	if err != nil {
		return err
	}
	for _, code := range cont["UN"] {
		if c := b.countries[code]; c != nil {
			c.unMember = true
		}
	}

	dr, err := readTSV(b.srcPath("dr5hn-csc", "countries.tsv"), false, "iso2", "wikidata", "capital_en")
	if err != nil {
		return err
	}
	for i := range dr.rows {
		if c := b.countries[dr.get(i, "iso2")]; c != nil {
			c.qid = dr.get(i, "wikidata")
			if capEn := dr.get(i, "capital_en"); capEn != "" {
				c.capitalsEn = appendUnique(c.capitalsEn, capEn)
			}
		}
	}
	caps, err := readTSV(b.srcPath("derived", "capitals_ar.tsv"), false, "iso2", "capital_en")
	if err != nil {
		return err
	}
	for i := range caps.rows {
		if c := b.countries[caps.get(i, "iso2")]; c != nil {
			for _, en := range strings.Split(caps.get(i, "capital_en"), ";") {
				if en = strings.TrimSpace(en); en != "" {
					c.capitalsEn = appendUnique(c.capitalsEn, en)
				}
			}
		}
	}
	for _, code := range b.codes {
		if b.countries[code].qid == "" {
			b.warnf("%s: no Wikidata QID in dr5hn countries.tsv", code)
		}
	}
	return nil
}

// containment returns CLDR territoryContainment: region → contained codes,
// without the deprecated and grouping variants.
func (b *builder) containment() (map[string][]string, error) {
	var tc struct {
		Supplemental struct {
			TerritoryContainment map[string]struct {
				Contains []string `json:"_contains"`
			} `json:"territoryContainment"`
		} `json:"supplemental"`
	}
	if err := readJSON(b.srcPath("cldr-47", "territoryContainment.json"), &tc); err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for k, v := range tc.Supplemental.TerritoryContainment {
		if strings.Contains(k, "-status-") {
			continue
		}
		out[k] = v.Contains
	}
	return out, nil
}

// expandMembers returns the countries (of our 250) contained in a region,
// recursively, sorted.
func (b *builder) expandMembers(cont map[string][]string, region string) []string {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(r string) {
		for _, c := range cont[r] {
			if _, ok := b.countries[c]; ok {
				seen[c] = true
			} else if _, ok := cont[c]; ok && c != r {
				walk(c)
			}
		}
	}
	walk(region)
	return sortedKeys(seen)
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// countryRows returns the rows of countries.tsv.
func (b *builder) countryRows() [][]string {
	var rows [][]string
	for _, code := range b.codes {
		c := b.countries[code]
		src := srcCLDR
		if c.qid != "" {
			src += "+" + srcDr5hn
		}
		rows = append(rows, []string{c.iso2, c.iso3, c.numeric, c.qid, c.nameEn, c.nameAr, src})
	}
	return rows
}
