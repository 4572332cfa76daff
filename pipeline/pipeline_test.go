package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/raw"
	"github.com/khabar-data/khabar/schemas"
)

func runSeeds(t *testing.T) *Result {
	t.Helper()
	res, err := Run(Config{InFS: raw.FS, In: ".", Resources: resources.Default(), MaxBytes: DefaultMaxBytes})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSeedOffsets checks the offset contract on every row of every mention
// table for every seed article: the code-point slice of articles.text is
// the surface. It recomputes the slice itself rather than trusting the
// validator.
func TestSeedOffsets(t *testing.T) {
	res := runSeeds(t)
	texts := map[string][]rune{}
	for _, a := range res.Rows["articles"] {
		texts[a.String("article_id")] = []rune(a.String("text"))
	}
	for _, table := range schemas.Mentions() {
		rows := res.Rows[table.Name]
		if len(rows) == 0 {
			t.Errorf("%s: no rows on the seed articles", table.Name)
		}
		for _, r := range rows {
			text := texts[r.String("article_id")]
			s, e := r.Int("char_start"), r.Int("char_end")
			if s < 0 || e > int64(len(text)) || s >= e {
				t.Fatalf("%s %s: span %d-%d outside the text", table.Name, r.String("mention_id"), s, e)
			}
			if got := string(text[s:e]); got != r.String("surface") {
				t.Errorf("%s %s: text[%d:%d] = %q, surface %q", table.Name, r.String("mention_id"), s, e, got, r.String("surface"))
			}
		}
	}
	if n := len(res.Rows["rejects"]); n != 0 {
		t.Errorf("%d rows rejected on the seed articles: %v", n, res.Rows["rejects"][0].Map())
	}
	for _, in := range res.Inputs {
		if in.Status != StatusOK {
			t.Errorf("%s: %s %s", in.SourceFile, in.Status, in.Reason)
		}
	}
}

// TestSeedBehaviours checks what the seed articles plainly say.
func TestSeedBehaviours(t *testing.T) {
	res := runSeeds(t)
	has := func(table string, match func(schemas.Row) bool) bool {
		for _, r := range res.Rows[table] {
			if match(r) {
				return true
			}
		}
		return false
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	checks := []struct {
		what  string
		table string
		match func(schemas.Row) bool
	}{
		{"10.7 مليار دولار → 10700000000 USD", "money", func(r schemas.Row) bool {
			return r.String("surface") == "10.7 مليار دولار" && r.Get("amount") == 10700000000.0 && r.String("currency") == "USD"
		}},
		{"5,7 مليار دولار → 5700000000 USD", "money", func(r schemas.Row) bool {
			return r.String("surface") == "5,7 مليار دولار" && r.Get("amount") == 5700000000.0 && r.String("currency") == "USD"
		}},
		{"9 أغسطس 2024 → 2024-08-09", "dates", func(r schemas.Row) bool {
			return r.String("surface") == "9 أغسطس 2024" && r.Get("start_date") == day("2024-08-09") && r.Get("end_date") == day("2024-08-09")
		}},
		{"2026-2028 → 2026-01-01..2028-12-31", "dates", func(r schemas.Row) bool {
			return r.String("surface") == "2026-2028" && r.Get("start_date") == day("2026-01-01") && r.Get("end_date") == day("2028-12-31")
		}},
		{"قرغيزستان → KG", "countries", func(r schemas.Row) bool {
			return r.String("surface") == "قرغيزستان" && r.String("iso2") == "KG"
		}},
		{"دوشنبه → TJ", "countries", func(r schemas.Row) bool { return r.String("surface") == "دوشنبه" && r.String("iso2") == "TJ" }},
		{"“إعلان خجند” → a declaration", "agreements", func(r schemas.Row) bool {
			return r.String("name") == "إعلان خجند" && r.String("type") == "declaration"
		}},
	}
	for _, c := range checks {
		if !has(c.table, c.match) {
			t.Errorf("missing: %s", c.what)
		}
	}
	// No percentage or population counted as money.
	for _, r := range res.Rows["money"] {
		s := r.String("surface")
		if strings.Contains(s, "%") || strings.Contains(s, "نسمة") || r.Get("amount") == 80000000.0 || r.Get("amount") == 100000000.0 {
			t.Errorf("false money: %q", s)
		}
	}
	// The article with a publication-date line carries it, and its
	// unrelated "read also" article is not in the text.
	for _, a := range res.Rows["articles"] {
		if a.String("source_file") == "002_30a4ec211ec3d303.txt" {
			if a.Get("published_date") != day("2025-11-16") || a.String("source_name") != "عين ليبيا" {
				t.Errorf("002: published %v, source %q", a.Get("published_date"), a.String("source_name"))
			}
			if strings.Contains(a.String("text"), "الاتحاد البريدي") {
				t.Errorf("002: the read-also article leaked into the text")
			}
		}
	}
}

func TestDeterministicRows(t *testing.T) {
	a, b := runSeeds(t), runSeeds(t)
	if !reflect.DeepEqual(a.Rows, b.Rows) || !reflect.DeepEqual(a.Inputs, b.Inputs) {
		t.Fatal("two runs on the same input differ")
	}
}

// TestBadInputs checks that unreadable inputs are reported, never fatal,
// and never stop the other files.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := "وعقد الاجتماع في طشقند في 9 أغسطس 2024، وبلغت التجارة 10.7 مليار دولار."
	write("good.txt", []byte(good))
	write("nested/also-good.txt", []byte("زار الرئيس دوشنبه عام 2023."))
	write("dup.txt", []byte(good))
	write("empty.txt", nil)
	write("latin1.txt", []byte{0xC7, 0xE1, 0xD1, 0xC6, 0xED, 0xD3})
	write("binary.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13})
	write("huge.txt", []byte(strings.Repeat("ب", 600)))
	write("notes.md", []byte("# notes"))
	write(".DS_Store", []byte{0})
	res, err := Run(Config{In: dir, Resources: resources.Default(), MaxBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"dup.txt":              StatusOK, // the first of two identical files, in path order, is read
		"good.txt":             StatusSkipped,
		"nested/also-good.txt": StatusOK,
		"empty.txt":            StatusFailed,
		"latin1.txt":           StatusFailed,
		"binary.txt":           StatusFailed,
		"huge.txt":             StatusFailed,
		"notes.md":             StatusSkipped,
		".DS_Store":            StatusSkipped,
	}
	if len(res.Inputs) != len(want) {
		t.Errorf("got %d inputs, want %d: %+v", len(res.Inputs), len(want), res.Inputs)
	}
	for _, in := range res.Inputs {
		if want[in.SourceFile] != in.Status {
			t.Errorf("%s: %s (%s), want %s", in.SourceFile, in.Status, in.Reason, want[in.SourceFile])
		}
		if in.Status != StatusOK && in.Reason == "" {
			t.Errorf("%s: %s with no reason", in.SourceFile, in.Status)
		}
	}
	if got := len(res.Rows["articles"]); got != 2 {
		t.Errorf("%d articles, want 2", got)
	}
	if res.Failed() != 4 {
		t.Errorf("Failed() = %d, want 4", res.Failed())
	}
}

func TestJSONLInput(t *testing.T) {
	p := filepath.Join(t.TempDir(), "articles.jsonl")
	lines := []string{
		`{"id": "a1", "text": "زار الوفد طشقند العام الماضي.", "published": "2025-11-16", "source": "وكالة", "title": "زيارة"}`,
		`{"id": 7, "text": "وقعت قرغيزستان مذكرة تفاهم."}`,
		`{"id": "bad", "text": }`,
		`{"id": "notext"}`,
		``,
		`{"text": "نص بلا معرف عن أوزبكستان."}`,
	}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Config{In: p, Resources: resources.Default(), RefDate: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[string]string{}
	for _, in := range res.Inputs {
		statuses[in.SourceID] = in.Status
	}
	want := map[string]string{"a1": StatusOK, "7": StatusOK, "articles.jsonl:3": StatusFailed, "notext": StatusFailed, "articles.jsonl:6": StatusOK}
	if !reflect.DeepEqual(statuses, want) {
		t.Errorf("statuses %v, want %v", statuses, want)
	}
	for _, a := range res.Rows["articles"] {
		if a.String("source_id") == "a1" {
			if a.String("title") != "زيارة" || a.String("source_name") != "وكالة" {
				t.Errorf("a1 title/source: %q %q", a.String("title"), a.String("source_name"))
			}
		}
	}
	// The relative date resolves against the record's published date, not --ref-date.
	found := false
	for _, d := range res.Rows["dates"] {
		if d.String("surface") == "العام الماضي" {
			found = true
			if d.String("iso") != "2024" {
				t.Errorf("العام الماضي resolved to %s, want 2024", d.String("iso"))
			}
		}
	}
	if !found {
		t.Error("العام الماضي not found")
	}
}

// TestShadowedDates: a year or a century inside an agreement's name belongs
// to the name; a validity range inside it is still a date.
func TestShadowedDates(t *testing.T) {
	res := resources.Default()
	cases := []struct {
		name, text string
		dates      []string
	}{
		{"century in a treaty name",
			"وقّع القادة معاهدة الصداقة وحسن الجوار والتعاون من أجل تنمية آسيا الوسطى في القرن الحادي والعشرين عام 2022.",
			[]string{"عام 2022"}},
		{"validity range in a plan name",
			"أقرّ الاجتماع خطة العمل لتنمية التعاون الصناعي 2025–2027 بين الدول الخمس.",
			[]string{"2025–2027"}},
		{"century outside any name",
			"شهد القرن العشرين حربين عالميتين.",
			[]string{"القرن العشرين"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range ExtractText(c.text, time.Time{}, res) {
				if r.Table == schemas.Dates {
					got = append(got, r.String("surface"))
				}
			}
			if !slices.Equal(got, c.dates) {
				t.Errorf("dates %q, want %q", got, c.dates)
			}
		})
	}
}
