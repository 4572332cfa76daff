// Package report writes the review page: one self-contained HTML file (no
// network, no external scripts or fonts) with every article's text, right to
// left, each mention highlighted by kind with its normalised value, a
// sidebar of the article's mentions, navigation across articles, a summary
// page with counts per country, currency and year drawn as inline SVG, and,
// when gold annotations are given, misses and false alarms marked apart.
//
// Opened as report.html#selftest the page checks itself: every highlight's
// data-start/data-end must be its code-point offsets in the article text and
// its text must be its data-surface; the result is written into
// #selftest-result (used by .ci/browser-test through headless Chromium).
package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/khabar-data/khabar/eval"
	"github.com/khabar-data/khabar/schemas"
)

//go:embed page.html
var pageHTML string

var page = template.Must(template.New("page").Parse(pageHTML))

// Options tune the page.
type Options struct {
	Title string // page title; default "khabar review"
	// MaxBars is how many bars a summary chart shows at most (default 25).
	MaxBars int
}

// Write renders the review page for a run's tables. gold may be nil; when
// given, misses, false alarms and wrong values are marked and scored.
func Write(w io.Writer, rows map[string][]schemas.Row, gold []eval.Gold) error {
	return WriteOptions(w, rows, gold, Options{})
}

// WriteOptions is Write with options.
func WriteOptions(w io.Writer, rows map[string][]schemas.Row, gold []eval.Gold, opt Options) error {
	if opt.Title == "" {
		opt.Title = "khabar review"
	}
	if opt.MaxBars <= 0 {
		opt.MaxBars = 25
	}
	return page.Execute(w, build(rows, gold, opt))
}

// kindTables maps the page's kinds to their tables, in display order.
var kindTables = []struct {
	Kind  string
	Label string
	Table *schemas.Table
}{
	{"date", "Dates", schemas.Dates},
	{"money", "Amounts", schemas.Money},
	{"country", "Countries", schemas.Countries},
	{"agreement", "Agreements", schemas.Agreements},
}

// mark is one highlighted span.
type mark struct {
	Kind, Surface, Value string
	Start, End           int
	Status               string // "", "fa" (false alarm), "wv" (wrong value), "miss" (gold not found)
	Detail               string
	drawn                bool
}

// Mention is a sidebar entry.
type Mention struct {
	Kind, Surface, Value, Status, Detail string
	Start, End                           int
	Drawn                                bool
}

// KindList is one sidebar block.
type KindList struct {
	Kind, Label string
	Items       []Mention
}

// Article is one article page.
type Article struct {
	N                 int
	ID, SourceID      string
	Title, Source     string
	Published         string
	Chars             int
	HTML              template.HTML
	Kinds             []KindList
	Counts            map[string]int
	Misses, FalseAlms int
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Count int
	Y     int
	W     float64
}

// Chart is an inline SVG bar chart.
type Chart struct {
	Title  string
	Bars   []Bar
	Height int
	More   int
}

// Score is one line of the gold score table.
type Score struct {
	Kind                             string
	Gold, Found                      int
	Exact, Overlap, Value            string
	Misses, FalseAlarms, WrongValues int
}

type data struct {
	Title     string
	Generated string
	Articles  []Article
	Totals    []KindTotal
	Charts    []Chart
	HasGold   bool
	Scores    []Score
}

// KindTotal is a count on the summary page.
type KindTotal struct {
	Kind, Label string
	Count       int
}

func build(rows map[string][]schemas.Row, gold []eval.Gold, opt Options) data {
	d := data{Title: opt.Title, Generated: time.Now().UTC().Format(time.DateOnly), HasGold: gold != nil}
	// gold status of found spans and the misses, per article
	status := map[string]map[[3]int]*eval.Error{} // article source id → (kind index, start, end)
	misses := map[string][]mark{}
	if gold != nil {
		scores, _ := eval.Score(gold, eval.ArticlesOf(rows), rows)
		for _, s := range scores {
			ki := kindIndex(s.Kind)
			sc := Score{Kind: s.Kind, Gold: s.Gold, Found: s.Found, Exact: prf(s.Exact), Overlap: prf(s.Overlap), Value: prf(s.Value)}
			for i := range s.Errors {
				e := &s.Errors[i]
				switch e.Type {
				case "miss":
					sc.Misses++
					misses[e.SourceID] = append(misses[e.SourceID], mark{Kind: s.Kind, Surface: e.Surface, Start: e.Start, End: e.End, Status: "miss", Value: goldValue(gold, e.SourceID, s.Kind, e.Start, e.End, e.Surface)})
				case "false_alarm":
					sc.FalseAlarms++
				case "wrong_value":
					sc.WrongValues++
				}
				if e.Type != "miss" {
					if status[e.SourceID] == nil {
						status[e.SourceID] = map[[3]int]*eval.Error{}
					}
					status[e.SourceID][[3]int{ki, e.Start, e.End}] = e
				}
			}
			d.Scores = append(d.Scores, sc)
		}
	}
	byArticle := map[string][]mark{}
	countries, currencies, years := map[string]int{}, map[string]int{}, map[string]int{}
	for _, kt := range kindTables {
		for _, r := range rows[kt.Table.Name] {
			m := mark{Kind: kt.Kind, Surface: r.String("surface"), Start: int(r.Int("char_start")), End: int(r.Int("char_end")), Value: valueOf(kt.Kind, r)}
			aid := r.String("article_id")
			byArticle[aid] = append(byArticle[aid], m)
			switch kt.Kind {
			case "country":
				countries[r.String("iso2")+" "+r.String("name_en")]++
			case "money":
				currencies[currencyLabel(r)]++
			case "date":
				if t, ok := r.Get("start_date").(time.Time); ok {
					years[strconv.Itoa(t.Year())]++
				} else {
					years["unresolved"]++
				}
			}
		}
	}
	for i, a := range rows[schemas.Articles.Name] {
		id, src := a.String("article_id"), a.String("source_id")
		marks := byArticle[id]
		st := status[src]
		for j := range marks {
			if e := st[[3]int{kindIndex(marks[j].Kind), marks[j].Start, marks[j].End}]; e != nil {
				marks[j].Status = map[string]string{"false_alarm": "fa", "wrong_value": "wv"}[e.Type]
				marks[j].Detail = e.Detail
			}
		}
		marks = append(marks, misses[src]...)
		text := []rune(a.String("text"))
		art := Article{N: i, ID: id, SourceID: src, Title: a.String("title"), Source: a.String("source_name"), Chars: len(text), Counts: map[string]int{}}
		if t, ok := a.Get("published_date").(time.Time); ok {
			art.Published = t.Format(time.DateOnly)
		}
		art.HTML = render(text, marks)
		for _, kt := range kindTables {
			kl := KindList{Kind: kt.Kind, Label: kt.Label}
			for _, m := range marks {
				if m.Kind != kt.Kind {
					continue
				}
				kl.Items = append(kl.Items, Mention{Kind: m.Kind, Surface: m.Surface, Value: m.Value, Status: m.Status, Detail: m.Detail, Start: m.Start, End: m.End, Drawn: m.drawn})
				if m.Status != "miss" {
					art.Counts[kt.Kind]++
				}
				switch m.Status {
				case "miss":
					art.Misses++
				case "fa":
					art.FalseAlms++
				}
			}
			sort.SliceStable(kl.Items, func(x, y int) bool { return kl.Items[x].Start < kl.Items[y].Start })
			art.Kinds = append(art.Kinds, kl)
		}
		d.Articles = append(d.Articles, art)
	}
	for _, kt := range kindTables {
		d.Totals = append(d.Totals, KindTotal{Kind: kt.Kind, Label: kt.Label, Count: len(rows[kt.Table.Name])})
	}
	d.Charts = []Chart{
		chart("Country mentions per country", countries, opt.MaxBars, false),
		chart("Amounts per currency", currencies, opt.MaxBars, false),
		chart("Dates per year (start year)", years, opt.MaxBars, true),
	}
	return d
}

func kindIndex(kind string) int {
	for i, kt := range kindTables {
		if kt.Kind == kind {
			return i
		}
	}
	return -1
}

func prf(c eval.Counts) string {
	return fmt.Sprintf("%.2f / %.2f / %.2f", c.Precision(), c.Recall(), c.F1())
}

// goldValue describes the gold value of a missed mention: the gold row
// at that span, else one with the same surface in the article.
func goldValue(gold []eval.Gold, source, kind string, s, e int, surface string) string {
	for _, pass := range []bool{true, false} {
		for _, g := range gold {
			if g.SourceID != source || g.Kind != kind {
				continue
			}
			if (pass && g.CharStart == s && g.CharEnd == e) || (!pass && g.Surface == surface) {
				return describeGold(kind, g.Value)
			}
		}
	}
	return ""
}

func describeGold(kind string, v map[string]any) string {
	s := func(k string) string {
		if x, ok := v[k]; ok && x != nil {
			return fmt.Sprint(x)
		}
		return ""
	}
	switch kind {
	case "date":
		if s("start") == "" {
			return "gold: unresolved " + s("granularity")
		}
		return "gold: " + s("start") + " … " + s("end") + " (" + s("granularity") + ")"
	case "money":
		a, _ := v["amount"].(float64)
		return "gold: " + formatAmount(a) + " " + s("currency") + " (" + s("qualifier") + ")"
	case "country":
		return "gold: " + s("iso2") + " (" + s("match_kind") + ")"
	case "agreement":
		return "gold: " + s("type") + ", " + s("action")
	}
	return ""
}

// valueOf describes a row's normalised value.
func valueOf(kind string, r schemas.Row) string {
	switch kind {
	case "date":
		st, ok1 := r.Get("start_date").(time.Time)
		en, ok2 := r.Get("end_date").(time.Time)
		if !ok1 || !ok2 {
			return "unresolved " + r.String("kind") + " (" + r.String("granularity") + ")"
		}
		iso := r.String("iso")
		return fmt.Sprintf("%s = %s … %s (%s, %s)", iso, st.Format(time.DateOnly), en.Format(time.DateOnly), r.String("kind"), r.String("granularity"))
	case "money":
		a, _ := r.Get("amount").(float64)
		q := r.String("qualifier")
		out := formatAmount(a) + " " + currencyLabel(r)
		if q != "" && q != "exact" {
			out += " (" + q + ")"
		}
		return out
	case "country":
		return fmt.Sprintf("%s · %s · %s (%s, %.2f)", r.String("iso2"), r.String("name_en"), r.String("name_ar"), r.String("match_kind"), r.Get("confidence"))
	case "agreement":
		out := r.String("type") + ", " + r.String("action")
		if p, ok := r.Get("parties").([]string); ok && len(p) > 0 {
			out += ", parties " + strings.Join(p, " ")
		}
		if y, ok := r.Get("year").(int64); ok {
			out += fmt.Sprintf(", %d", y)
		}
		return out
	}
	return ""
}

// formatAmount writes an amount with thousands separators and at most
// four decimals.
func formatAmount(a float64) string {
	s := strconv.FormatFloat(math.Abs(a), 'f', 4, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	var b strings.Builder
	if a < 0 {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// render writes the text with marks as nested <mark> elements. Marks that
// cross another (neither inside nor apart) are left out of the text and
// only listed in the sidebar.
func render(text []rune, marks []mark) template.HTML {
	idx := make([]int, 0, len(marks))
	for i, m := range marks {
		if m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
			idx = append(idx, i)
		}
	}
	// outer spans first: by start, then longer first
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := marks[idx[a]], marks[idx[b]]
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return x.End > y.End
	})
	var b strings.Builder
	var stack []int // indices into marks, innermost last
	pos := 0
	closeTo := func(limit int) {
		for len(stack) > 0 && marks[stack[len(stack)-1]].End <= limit {
			top := marks[stack[len(stack)-1]]
			b.WriteString(template.HTMLEscapeString(string(text[pos:top.End])))
			pos = top.End
			b.WriteString("</mark>")
			stack = stack[:len(stack)-1]
		}
	}
	for _, i := range idx {
		m := &marks[i]
		closeTo(m.Start)
		if len(stack) > 0 && marks[stack[len(stack)-1]].End < m.End {
			continue // crosses its enclosing mark: sidebar only
		}
		b.WriteString(template.HTMLEscapeString(string(text[pos:m.Start])))
		pos = m.Start
		cls := "m k-" + m.Kind
		if m.Status != "" {
			cls += " s-" + m.Status
		}
		tip := m.Kind + ": " + m.Value
		if m.Detail != "" {
			tip += " — " + m.Detail
		}
		switch m.Status {
		case "miss":
			tip = "MISSED (in gold, not found) " + tip
		case "fa":
			tip = "FALSE ALARM (found, not in gold) " + tip
		case "wv":
			tip = "WRONG VALUE " + tip
		}
		fmt.Fprintf(&b, `<mark class="%s" data-kind="%s" data-start="%d" data-end="%d" data-surface="%s" data-value="%s" title="%s" tabindex="0">`,
			cls, m.Kind, m.Start, m.End, template.HTMLEscapeString(m.Surface), template.HTMLEscapeString(m.Value), template.HTMLEscapeString(tip))
		m.drawn = true
		stack = append(stack, i)
	}
	closeTo(len(text) + 1)
	b.WriteString(template.HTMLEscapeString(string(text[pos:])))
	return template.HTML(b.String())
}

func chart(title string, counts map[string]int, maxBars int, byLabel bool) Chart {
	c := Chart{Title: title}
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range counts {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool {
		if byLabel {
			return all[i].k < all[j].k
		}
		if all[i].v != all[j].v {
			return all[i].v > all[j].v
		}
		return all[i].k < all[j].k
	})
	if len(all) > maxBars {
		if byLabel { // keep the most frequent years, in order
			top := append([]kv(nil), all...)
			sort.SliceStable(top, func(i, j int) bool { return top[i].v > top[j].v })
			keep := map[string]bool{}
			for _, x := range top[:maxBars] {
				keep[x.k] = true
			}
			var kept []kv
			for _, x := range all {
				if keep[x.k] {
					kept = append(kept, x)
				}
			}
			c.More = len(all) - len(kept)
			all = kept
		} else {
			c.More = len(all) - maxBars
			all = all[:maxBars]
		}
	}
	most := 1
	for _, x := range all {
		most = max(most, x.v)
	}
	for i, x := range all {
		c.Bars = append(c.Bars, Bar{Label: x.k, Count: x.v, Y: i * 22, W: 300 * float64(x.v) / float64(most)})
	}
	c.Height = len(all)*22 + 4
	return c
}

// currencyLabel is a money row's ISO code, or its currency word marked
// ambiguous when the article did not decide the code.
func currencyLabel(r schemas.Row) string {
	if c := r.String("currency"); c != "" {
		return c
	}
	return r.String("currency_word") + " (ambiguous)"
}
