package report

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/khabar-data/khabar/eval"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/pipeline"
	"github.com/khabar-data/khabar/raw"
	"github.com/khabar-data/khabar/schemas"
)

var markRe = regexp.MustCompile(`<mark class="([^"]*)" data-kind="(\w+)" data-start="(\d+)" data-end="(\d+)" data-surface="([^"]*)"`)

// TestSeedReport renders the seed articles with their gold and checks that
// every highlight's offsets slice its surface out of the article text, that
// every row is on the page, and that the page needs nothing from outside.
func TestSeedReport(t *testing.T) {
	res, err := pipeline.Run(pipeline.Config{InFS: raw.FS, In: ".", Resources: resources.Default()})
	if err != nil {
		t.Fatal(err)
	}
	gold, err := eval.LoadGold("../testdata/gold/seeds.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, res.Rows, gold); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"http://", "https://", "<link", "src=", "@import", "url("} {
		if i := strings.Index(page, bad); i >= 0 && !strings.Contains(page[max(0, i-40):i+40], "w3.org/2000/svg") {
			t.Errorf("page refers to something outside itself: %q", page[max(0, i-40):min(len(page), i+40)])
		}
	}
	texts := map[string][]rune{}
	for _, a := range res.Rows[schemas.Articles.Name] {
		texts[a.String("article_id")] = []rune(a.String("text"))
	}
	sections := strings.Split(page, `class="article" data-id="`)[1:]
	if len(sections) != len(texts) {
		t.Fatalf("%d article sections, want %d", len(sections), len(texts))
	}
	rows := 0
	for _, tbl := range []*schemas.Table{schemas.Dates, schemas.Money, schemas.Countries, schemas.Agreements} {
		rows += len(res.Rows[tbl.Name])
	}
	drawn, misses, status := 0, 0, 0
	for _, sec := range sections {
		id := sec[:strings.IndexByte(sec, '"')]
		text := texts[id]
		for _, m := range markRe.FindAllStringSubmatch(sec, -1) {
			s, _ := strconv.Atoi(m[3])
			e, _ := strconv.Atoi(m[4])
			surface := html.UnescapeString(m[5])
			if e > len(text) || string(text[s:e]) != surface {
				t.Errorf("%s: mark %d-%d %q does not slice the text", id, s, e, surface)
			}
			switch {
			case strings.Contains(m[1], "s-miss"):
				misses++
			case strings.Contains(m[1], "s-"):
				status++
				drawn++
			default:
				drawn++
			}
		}
	}
	if drawn != rows {
		t.Errorf("%d found mentions highlighted, want every one of the %d rows", drawn, rows)
	}
	scores, _ := eval.Score(gold, eval.ArticlesOf(res.Rows), res.Rows)
	wantMiss, wantStatus := 0, 0
	for _, s := range scores {
		for _, e := range s.Errors {
			if e.Type == "miss" {
				wantMiss++
			} else {
				wantStatus++
			}
		}
	}
	if misses != wantMiss || status != wantStatus {
		t.Errorf("marked %d misses and %d false alarms/wrong values, the scorer has %d and %d", misses, status, wantMiss, wantStatus)
	}
	for _, want := range []string{`dir="rtl"`, "<svg", "Country mentions per country", "Against the gold", "SELFTEST"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestRenderNesting(t *testing.T) {
	text := []rune("وقّعت مصر والأردن “اتفاقية عمّان 2018” في 5 مايو 2018")
	find := func(s string) (int, int) {
		i := strings.Index(string(text), s)
		st := len([]rune(string(text)[:i]))
		return st, st + len([]rune(s))
	}
	mk := func(kind, s string) mark {
		a, b := find(s)
		return mark{Kind: kind, Surface: s, Start: a, End: b}
	}
	tests := []struct {
		name  string
		marks []mark
		drawn int
	}{
		{"apart", []mark{mk("country", "مصر"), mk("country", "الأردن"), mk("date", "5 مايو 2018")}, 3},
		{"nested", []mark{mk("agreement", "اتفاقية عمّان 2018"), mk("date", "2018"), mk("country", "عمّان")}, 3},
		{"crossing", []mark{mk("agreement", "اتفاقية عمّان"), {Kind: "date", Surface: "عمّان 2018", Start: 0, End: 0}}, 1},
	}
	tests[2].marks[1].Start, tests[2].marks[1].End = find("عمّان 2018")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(render(text, tt.marks))
			plain := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out, "")
			if html.UnescapeString(plain) != string(text) {
				t.Errorf("text changed: %q", plain)
			}
			if n := strings.Count(out, "<mark"); n != tt.drawn || strings.Count(out, "</mark>") != n {
				t.Errorf("%d marks drawn, want %d: %s", n, tt.drawn, out)
			}
			for _, m := range markRe.FindAllStringSubmatch(out, -1) {
				s, _ := strconv.Atoi(m[3])
				e, _ := strconv.Atoi(m[4])
				if string(text[s:e]) != html.UnescapeString(m[5]) {
					t.Errorf("mark %s-%s %q is not its text", m[3], m[4], m[5])
				}
			}
		})
	}
}

func TestFormatAmount(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want string
	}{{1800000000, "1,800,000,000"}, {68.76, "68.76"}, {0.99, "0.99"}, {750, "750"}, {13829000000, "13,829,000,000"}} {
		if got := formatAmount(tt.in); got != tt.want {
			t.Errorf("formatAmount(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
