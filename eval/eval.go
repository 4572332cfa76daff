// Package eval scores the pipeline's mentions against hand-made gold
// annotations: per kind, precision, recall and F1 for spans (exact and
// overlapping) and for normalised values, with every miss and false alarm
// listed. The gold format is documented in testdata/gold/GUIDELINES.md.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/khabar-data/khabar/schemas"
)

// Gold is one hand-annotated mention.
type Gold struct {
	SourceID  string         `json:"source_id"`
	ArticleID string         `json:"article_id"`
	Kind      string         `json:"kind"`
	CharStart int            `json:"char_start"`
	CharEnd   int            `json:"char_end"`
	Surface   string         `json:"surface"`
	Value     map[string]any `json:"value"`
	Note      string         `json:"note,omitempty"`
}

// Kinds maps a gold kind to its table.
var Kinds = map[string]*schemas.Table{
	"date":      schemas.Dates,
	"money":     schemas.Money,
	"country":   schemas.Countries,
	"agreement": schemas.Agreements,
}

// KindOrder is the order kinds are reported in.
var KindOrder = []string{"date", "money", "country", "agreement"}

// LoadGold reads a gold file, or every .jsonl file in a folder.
func LoadGold(path string) ([]Gold, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	files := []string{path}
	if info.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.jsonl"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
	}
	var out []Gold
	for _, f := range files {
		g, err := loadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, g...)
	}
	return out, nil
}

func loadFile(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Gold
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var g Gold
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if Kinds[g.Kind] == nil {
			return nil, fmt.Errorf("%s:%d: unknown kind %q", path, n, g.Kind)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Counts are the outcome of one comparison.
type Counts struct {
	TP, FP, FN int
}

// Precision, Recall and F1 of the counts (1 when there is nothing to find
// and nothing was found).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }
func (c Counts) Recall() float64    { return ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// KindScore is the score of one kind.
type KindScore struct {
	Kind    string `json:"kind"`
	Gold    int    `json:"gold"`
	Found   int    `json:"found"`
	Exact   Counts `json:"span_exact"`
	Overlap Counts `json:"span_overlap"`
	// Value counts a found mention as right when it overlaps a gold
	// mention and its normalised value equals the gold value.
	Value Counts `json:"value"`
	// Errors lists misses, false alarms and wrong values.
	Errors []Error `json:"errors,omitempty"`
	// ValueNA is set when the gold carries no normalised values (external
	// data sets labelled with spans only): Value then repeats Overlap.
	ValueNA bool `json:"value_na,omitempty"`
}

// Error is one miss, false alarm or wrong value.
type Error struct {
	Type     string `json:"type"` // miss, false_alarm, wrong_value
	SourceID string `json:"source_id"`
	Surface  string `json:"surface"`
	Start    int    `json:"char_start"`
	End      int    `json:"char_end"`
	Detail   string `json:"detail,omitempty"`
	Sentence string `json:"sentence"`
}

// Article is what scoring needs of an article.
type Article struct {
	ID, SourceID string
	Text         []rune
}

type span struct {
	article  string
	start    int
	end      int
	surface  string
	gold     *Gold
	row      *schemas.Row
	matched  bool
	matchIdx int
}

// Score compares the rows of the mention tables with the gold. Gold for
// articles absent from articles is ignored (and counted in Skipped).
func Score(gold []Gold, articles []Article, rows map[string][]schemas.Row) ([]KindScore, int) {
	byID := map[string]Article{}
	bySource := map[string]Article{}
	for _, a := range articles {
		byID[a.ID] = a
		bySource[a.SourceID] = a
	}
	skipped := 0
	var out []KindScore
	for _, kind := range KindOrder {
		table := Kinds[kind]
		var gs, ps []*span
		for i := range gold {
			g := &gold[i]
			if g.Kind != kind {
				continue
			}
			a, ok := byID[g.ArticleID]
			if !ok {
				a, ok = bySource[g.SourceID]
			}
			if !ok {
				skipped++
				continue
			}
			s, e := anchor(a.Text, g.CharStart, g.CharEnd, g.Surface)
			if s < 0 {
				skipped++
				continue
			}
			gs = append(gs, &span{article: a.ID, start: s, end: e, surface: g.Surface, gold: g})
		}
		for i := range rows[table.Name] {
			r := &rows[table.Name][i]
			if _, ok := byID[r.String("article_id")]; !ok {
				continue
			}
			ps = append(ps, &span{article: r.String("article_id"), start: int(r.Int("char_start")), end: int(r.Int("char_end")), surface: r.String("surface"), row: r})
		}
		ks := scoreKind(kind, gs, ps, byID)
		for _, g := range gs {
			if g.gold.Value == nil {
				ks.ValueNA = true
			}
		}
		out = append(out, ks)
	}
	return out, skipped
}

// anchor finds the gold span in the text: at its offsets when the text
// there is its surface, else at the nearest occurrence of the surface (the
// text may have shifted since the gold was made).
func anchor(text []rune, s, e int, surface string) (int, int) {
	if s >= 0 && e <= len(text) && s < e && string(text[s:e]) == surface {
		return s, e
	}
	want := []rune(surface)
	best, bestDist := -1, math.MaxInt
	for i := 0; i+len(want) <= len(text); i++ {
		if string(text[i:i+len(want)]) == surface {
			if d := abs(i - s); d < bestDist {
				best, bestDist = i, d
			}
		}
	}
	if best < 0 {
		return -1, -1
	}
	return best, best + len(want)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func scoreKind(kind string, gs, ps []*span, articles map[string]Article) KindScore {
	ks := KindScore{Kind: kind, Gold: len(gs), Found: len(ps)}
	// exact
	exact := map[[3]any]*span{}
	for _, g := range gs {
		exact[[3]any{g.article, g.start, g.end}] = g
	}
	for _, p := range ps {
		if _, ok := exact[[3]any{p.article, p.start, p.end}]; ok {
			ks.Exact.TP++
		}
	}
	ks.Exact.FP = len(ps) - ks.Exact.TP
	ks.Exact.FN = len(gs) - ks.Exact.TP
	// overlap: one-to-one, greedy by largest overlap
	type pair struct {
		g, p *span
		ov   int
	}
	var pairs []pair
	for _, g := range gs {
		for _, p := range ps {
			if g.article == p.article && g.start < p.end && p.start < g.end {
				pairs = append(pairs, pair{g, p, min(g.end, p.end) - max(g.start, p.start)})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
	for _, pr := range pairs {
		if pr.g.matched || pr.p.matched {
			continue
		}
		pr.g.matched, pr.p.matched = true, true
		ks.Overlap.TP++
		if ok, detail := sameValue(kind, pr.g.gold, *pr.p.row); ok {
			ks.Value.TP++
		} else {
			ks.Value.FP++
			ks.Value.FN++
			ks.Errors = append(ks.Errors, errorAt("wrong_value", pr.p, articles, detail))
		}
	}
	ks.Overlap.FP = len(ps) - ks.Overlap.TP
	ks.Overlap.FN = len(gs) - ks.Overlap.TP
	ks.Value.FP += ks.Overlap.FP
	ks.Value.FN += ks.Overlap.FN
	for _, g := range gs {
		if !g.matched {
			ks.Errors = append(ks.Errors, errorAt("miss", g, articles, ""))
		}
	}
	for _, p := range ps {
		if !p.matched {
			ks.Errors = append(ks.Errors, errorAt("false_alarm", p, articles, ""))
		}
	}
	sort.SliceStable(ks.Errors, func(i, j int) bool {
		a, b := ks.Errors[i], ks.Errors[j]
		if a.SourceID != b.SourceID {
			return a.SourceID < b.SourceID
		}
		return a.Start < b.Start
	})
	return ks
}

func errorAt(typ string, s *span, articles map[string]Article, detail string) Error {
	a := articles[s.article]
	return Error{Type: typ, SourceID: a.SourceID, Surface: s.surface, Start: s.start, End: s.end, Detail: detail, Sentence: sentenceAround(a.Text, s.start, s.end)}
}

func sentenceAround(text []rune, s, e int) string {
	from, to := s, e
	for from > 0 && !strings.ContainsRune(".؟!\n", text[from-1]) && s-from < 200 {
		from--
	}
	for to < len(text) && !strings.ContainsRune(".؟!\n", text[to]) && to-e < 200 {
		to++
	}
	if to < len(text) {
		to++
	}
	return strings.TrimSpace(string(text[from:to]))
}

// sameValue compares a found row's normalised value with the gold value.
func sameValue(kind string, g *Gold, r schemas.Row) (bool, string) {
	v := g.Value
	if v == nil { // span-only gold
		return true, ""
	}
	switch kind {
	case "date":
		gs, _ := v["start"].(string)
		ge, _ := v["end"].(string)
		rs, re := dateString(r.Get("start_date")), dateString(r.Get("end_date"))
		if gs == rs && ge == re {
			return true, ""
		}
		return false, fmt.Sprintf("found %s..%s, gold %s..%s", rs, re, gs, ge)
	case "money":
		ga, _ := v["amount"].(float64)
		gc, _ := v["currency"].(string)
		ra, _ := r.Get("amount").(float64)
		rc := r.String("currency")
		if math.Abs(ga-ra) <= 1e-6*math.Max(1, ga) && gc == rc {
			return true, ""
		}
		return false, fmt.Sprintf("found %.0f %s, gold %.0f %s", ra, rc, ga, gc)
	case "country":
		gi, _ := v["iso2"].(string)
		if gi == r.String("iso2") {
			return true, ""
		}
		return false, fmt.Sprintf("found %s, gold %s", r.String("iso2"), gi)
	case "agreement":
		gt, _ := v["type"].(string)
		if gt == r.String("type") {
			return true, ""
		}
		return false, fmt.Sprintf("found type %s, gold %s", r.String("type"), gt)
	}
	return false, "unknown kind"
}

func dateString(v any) string {
	if t, ok := v.(time.Time); ok {
		return t.Format(time.DateOnly)
	}
	return ""
}
