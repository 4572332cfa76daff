package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNormKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"أُوزْبَكِسْتَان", "اوزبكستان"}, // diacritics, hamza
		{"دوشنبة", "دوشنبه"},             // teh marbuta
		{"بخارى", "بخاري"},               // alef maksura
		{"قـطر", "قطر"},                  // tatweel
		{"إیران", "ايران"},               // Persian yeh in a Wikidata label
		{"جمهورية ألمانيا اﻻتحادية", normKey("جمهورية ألمانيا الاتحادية")}, // lam-alef ligature
		{"تيمور - ليشتي", "تيمور ليشتي"},                                   // punctuation
		{"  آسيا   الوسطى ", "اسيا الوسطي"},                                // spaces
		{"عمّان", normKey("عُمان")},
	}
	for _, tc := range tests {
		if got := normKey(tc.a); got != tc.b {
			t.Errorf("normKey(%q) = %q, want %q", tc.a, got, tc.b)
		}
	}
}

func TestAmbKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"عُمان", "عمّان", true},     // Oman and Amman collide
		{"الكونغو", "كونغو", true},   // article stripped
		{"الأوزبكي", "أوزبكي", true}, // adjective with and without article
		{"الكويت", "مدينة الكويت", false},
		{"ألمانيا", "مانيا", true}, // hamza folded before the article is stripped: a matcher hazard
	}
	for _, tc := range tests {
		if got := ambKey(tc.a) == ambKey(tc.b); got != tc.same {
			t.Errorf("ambKey(%q) == ambKey(%q) is %v, want %v (%q, %q)", tc.a, tc.b, got, tc.same, ambKey(tc.a), ambKey(tc.b))
		}
	}
}

func TestIsArabicForm(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"عُمان", true},
		{"أبو ظبي", true},
		{"بورت أو برنس", true},
		{"شروان (توضيح)", false},      // Wikipedia disambiguator
		{"سان خوسيه، الفلبين", false}, // comma-qualified
		{"براغ 1", false},
		{"Kabul", false},
		{"ﻻ", false}, // presentation form
		{"و", false}, // fewer than two letters
	}
	for _, tc := range tests {
		if got := isArabicForm(tc.s); got != tc.want {
			t.Errorf("isArabicForm(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestHasNonArabicLetters(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"تىرانا", true},      // Uyghur-style medial alef maksura (GeoNames)
		{"ئىسلامئاباد", true}, // Uyghur
		{"لوكسمبورگ", true},   // Persian gaf
		{"برازیل", true},      // Persian yeh
		{"بخارى", false},      // final alef maksura is Arabic
		{"صنعاء", false},
		{"مولدوڤا", false}, // veh is used in Arabic for V
	}
	for _, tc := range tests {
		if got := hasNonArabicLetters(tc.s); got != tc.want {
			t.Errorf("hasNonArabicLetters(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestStripHelpers(t *testing.T) {
	if got := stripParens("ميانمار (بورما)"); got != "ميانمار" {
		t.Errorf("stripParens = %q", got)
	}
	if got := stripParens("هونغ كونغ الصينية (منطقة إدارية خاصة)"); got != "هونغ كونغ الصينية" {
		t.Errorf("stripParens = %q", got)
	}
	if got, ok := stripAdminPrefix("ولاية قندهار"); got != "قندهار" || !ok {
		t.Errorf("stripAdminPrefix = %q, %v", got, ok)
	}
	if got, ok := stripAdminPrefix("مدينة الكويت"); got != "مدينة الكويت" || ok {
		t.Errorf("stripAdminPrefix kept city prefix wrongly: %q, %v", got, ok)
	}
	if got := stripHarakat("سَمسون"); got != "سمسون" {
		t.Errorf("stripHarakat = %q", got)
	}
	if n := letterCount("أوش"); n != 3 {
		t.Errorf("letterCount(أوش) = %d", n)
	}
}

func TestClassifyName(t *testing.T) {
	tests := []struct{ form, cldr, want string }{
		{"عمان", "عُمان", "name"},
		{"الإمارات", "الإمارات العربية المتحدة", "short"},
		{"السعودية", "المملكة العربية السعودية", "short"},
		{"ميانمار", "ميانمار (بورما)", "short"},
		{"جمهورية أوزبكستان", "أوزبكستان", "official"},
		{"الجمهورية القيرغيزية", "قيرغيزستان", "official"},
		{"روسيا الاتحادية", "روسيا", "official"},
		{"قرغيزستان", "قيرغيزستان", "variant"},
		{"جمهورية الدومنيكان", "جمهورية الدومينيكان", "variant"},
	}
	for _, tc := range tests {
		if got := classifyName(tc.form, tc.cldr); got != tc.want {
			t.Errorf("classifyName(%q, %q) = %q, want %q", tc.form, tc.cldr, got, tc.want)
		}
	}
}

func TestSameLatinName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Bogotá D.C.", "Bogota", true},
		{"Kuwait City", "Kuwait", true},
		{"Malé", "Male", true},
		{"City of San Marino", "San Marino", true},
		{"Nur-Sultan", "Astana", false},
		{"North Jakarta", "Jakarta", false},
	}
	for _, tc := range tests {
		if got := sameLatinName(tc.a, tc.b); got != tc.want {
			t.Errorf("sameLatinName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestParseTSV(t *testing.T) {
	data := []byte("\ufeff# comment\r\nform\tiso2\tnote\r\n\r\nطشقند\tUZ\tcapital\r\n  # indented comment\nأوش\tKG\n")
	tb, err := parseTSV("x.tsv", data, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.rows) != 2 {
		t.Fatalf("got %d rows, want 2: %v", len(tb.rows), tb.rows)
	}
	if got := tb.get(0, "form"); got != "طشقند" {
		t.Errorf("row 0 form = %q", got)
	}
	if got := tb.get(0, "note"); got != "capital" {
		t.Errorf("row 0 note = %q", got)
	}
	if got := tb.get(1, "note"); got != "" {
		t.Errorf("missing column gave %q", got)
	}
}

// testBuilder returns a builder that knows a few countries, without sources.
func testBuilder() *builder {
	b := newBuilder(config{minPop: 500000})
	for _, c := range []string{"JO", "KW", "OM", "TJ", "ML", "UZ"} {
		b.countries[c] = &country{iso2: c}
	}
	return b
}

func TestAddMergesSpellings(t *testing.T) {
	b := testBuilder()
	b.excl[normKey("مركز")] = []*exclusion{{form: "مركز", iso2: "*", reason: "word"}}
	b.add("TJ", "capital", "دوشنبة", srcDr5hn)
	b.add("TJ", "capital", "دوشنبه", srcCurated)
	b.add("TJ", "capital", "دوشنبه", srcWorldCity)
	if len(b.entries) != 1 {
		t.Fatalf("got %d entries, want 1", len(b.entries))
	}
	for _, e := range b.entries {
		if e.form != "دوشنبه" {
			t.Errorf("representative spelling %q, want the curated دوشنبه", e.form)
		}
		if got := e.sourceString(); got != "curated+world-cities-ar+dr5hn" {
			t.Errorf("sources %q", got)
		}
	}
	if b.add("UZ", "city", "مركز", srcDr5hn) {
		t.Error("excluded word مركز was added")
	}
	if b.add("UZ", "city", "قوي", srcWorldCity) {
		t.Error("3-letter source city was added")
	}
	if !b.add("UZ", "city", "قوي", srcCurated) {
		t.Error("curated 3-letter city was refused")
	}
}

func TestApplyFlags(t *testing.T) {
	b := testBuilder()
	b.add("OM", "name", "عُمان", srcCLDR)
	b.add("JO", "capital", "عمّان", srcCurated)
	b.add("KW", "name", "الكويت", srcCLDR)
	b.add("KW", "capital", "الكويت", srcCurated)
	b.add("ML", "name", "مالي", srcCLDR)
	b.add("ML", "adjective", "مالي", srcCurated)
	b.add("ML", "adjective", "مالية", srcCurated)
	if err := b.applyFlags(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		entryKey("OM", "name", "عُمان"):      flagContext,
		entryKey("JO", "capital", "عمّان"):   flagContext,
		entryKey("KW", "name", "الكويت"):     flagSameCity,
		entryKey("KW", "capital", "الكويت"):  flagSameCity,
		entryKey("ML", "adjective", "مالي"):  flagContext,
		entryKey("ML", "adjective", "مالية"): "",
		entryKey("ML", "name", "مالي"):       "",
	}
	for k, flags := range want {
		e := b.entries[k]
		if e == nil {
			t.Fatalf("missing entry %s", k)
		}
		if got := e.flagString(); got != flags {
			t.Errorf("%s: flags %q, want %q", k, got, flags)
		}
	}
}

// TestBuild runs the whole build on the real sources, twice, and checks the
// invariants of the output. It needs ../shared/gazetteer-sources beside the
// repository and is skipped without it.
func TestBuild(t *testing.T) {
	src := filepath.Join("..", "..", "..", "shared", "gazetteer-sources")
	if _, err := os.Stat(filepath.Join(src, "README.md")); err != nil {
		t.Skipf("sources not found at %s (needs the shared/ folder beside the repository): %v", src, err)
	}
	curated := filepath.Join("..", "..", "gazetteer", "curated")
	var outputs [2]map[string][]byte
	for i := range outputs {
		out := t.TempDir()
		if err := run(config{src: src, curated: curated, out: out, minPop: 500000, quiet: true}); err != nil {
			t.Fatal(err)
		}
		outputs[i] = map[string][]byte{}
		for _, name := range []string{"countries.tsv", "forms.tsv", "forms_odbl.tsv", "places.tsv"} {
			data, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			outputs[i][name] = data
		}
	}
	for name, data := range outputs[0] {
		if !bytes.Equal(data, outputs[1][name]) {
			t.Errorf("%s differs between two runs", name)
		}
		if bytes.Contains(data, []byte("\r")) {
			t.Errorf("%s has CR characters", name)
		}
	}
	countries := strings.Split(strings.TrimSpace(string(outputs[0]["countries.tsv"])), "\n")
	if len(countries) != 251 {
		t.Fatalf("countries.tsv has %d lines, want 251", len(countries))
	}
	names := map[string]bool{}
	cldrName := map[string]string{}
	for _, line := range countries[1:] {
		f := strings.Split(line, "\t")
		cldrName[f[0]] = f[5]
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(outputs[0]["forms.tsv"])), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("bad forms.tsv line %q", line)
		}
		if f[2] == "name" && f[0] == cldrName[f[1]] {
			names[f[1]] = true
		}
		k := f[0] + "|" + f[1] + "|" + f[2]
		if seen[k] {
			t.Errorf("duplicate row %s", k)
		}
		seen[k] = true
	}
	for _, line := range countries[1:] {
		iso2 := strings.SplitN(line, "\t", 2)[0]
		if !names[iso2] {
			t.Errorf("%s has no name row with its CLDR name in forms.tsv", iso2)
		}
	}
}
