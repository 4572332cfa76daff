// Package dates finds date expressions in Arabic news: full dates
// (9 أغسطس 2024), months (مارس 2025), years in context (عام 2017، في 2022),
// year ranges (2026-2028، بين عامي 2026 و2028، من 2018 إلى 2023) and
// relative expressions (العام الماضي، شهر أكتوبر، نوفمبر المقبل) resolved
// against the article's reference date. Ages and durations (29 عامًا،
// عامين) are not dates.
//
// The scanner walks the token stream once; at each token it tries the
// patterns from the most to the least specific and keeps the first match.
package dates

import (
	"fmt"
	"strings"
	"time"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Extractor finds dates.
type Extractor struct{ lex *lexicon.Lexicon }

// New builds the extractor.
func New(res *resources.Resources) *Extractor { return &Extractor{lex: res.Lexicon} }

// Table is schemas.Dates.
func (*Extractor) Table() *schemas.Table { return schemas.Dates }

// Value is a normalised date expression.
type Value struct {
	First, Last time.Time // inclusive bounds; zero when unresolved
	Granularity string    // day, month, year
	Kind        string    // date, range, relative
	Resolved    bool
}

// ISO returns the ISO 8601 form of the value ("" when unresolved).
func (v Value) ISO() string {
	if !v.Resolved {
		return ""
	}
	one := func(t time.Time) string {
		switch v.Granularity {
		case "year":
			return fmt.Sprintf("%04d", t.Year())
		case "month":
			return t.Format("2006-01")
		}
		return t.Format(time.DateOnly)
	}
	a := one(v.First)
	b := one(v.Last)
	if v.Granularity == "day" && v.First.Equal(v.Last) {
		return a
	}
	if a == b {
		return a
	}
	return a + "/" + b
}

// Found is a date expression with its byte span.
type Found struct {
	textdoc.Span
	Value
}

// Extract returns the date mentions of d.
func (e *Extractor) Extract(d *textdoc.Document) []resources.Mention {
	var out []resources.Mention
	for _, f := range e.Find(d) {
		row := schemas.Dates.NewRow().
			Set("granularity", f.Granularity).
			Set("kind", f.Kind).
			Set("resolved", f.Resolved)
		if f.Resolved {
			row.Set("start_date", f.First).Set("end_date", f.Last).Set("iso", f.ISO())
		}
		out = append(out, resources.Mention{Span: f.Span, Row: row})
	}
	return out
}

// Find returns the date expressions of d in text order.
func (e *Extractor) Find(d *textdoc.Document) []Found {
	s := scanner{lex: e.lex, toks: d.Tokens, ref: d.RefDate}
	var out []Found
	for i := 0; i < len(s.toks); {
		if f, next, ok := s.at(i); ok {
			out = append(out, f)
			i = next
			continue
		}
		i++
	}
	return out
}

type scanner struct {
	lex  *lexicon.Lexicon
	toks []textdoc.Token
	ref  time.Time
}

// at tries every pattern at token i and returns the match and the index of
// the token after it.
func (s *scanner) at(i int) (Found, int, bool) {
	for _, p := range []func(int) (Found, int, bool){
		s.dayRange, s.dayMonth, s.yearRange, s.monthYear, s.relativeMonth, s.triggeredYear, s.relativeYear,
	} {
		if f, next, ok := p(i); ok {
			return f, next, true
		}
	}
	return Found{}, 0, false
}

// --- token helpers ---------------------------------------------------------

// number reads an integer token, allowing a proclitic و/ب/ل/ف glued to the
// digits (و2028). It returns the value, the digit count and the byte offset
// where the digits start.
func (s *scanner) number(i int) (n, digits, start int, ok bool) {
	if i >= len(s.toks) {
		return 0, 0, 0, false
	}
	t := s.toks[i]
	text := t.Text
	start = t.Start
	if t.Kind == textdoc.Word {
		r := []rune(text)
		if len(r) < 2 || !strings.ContainsRune("وبلف", r[0]) || !arabic.IsDigit(r[1]) {
			return 0, 0, 0, false
		}
		start += len(string(r[0]))
		text = string(r[1:])
	} else if t.Kind != textdoc.Number {
		return 0, 0, 0, false
	}
	for _, r := range text {
		v, isDigit := arabic.DigitValue(r)
		if !isDigit {
			return 0, 0, 0, false
		}
		n = n*10 + v
		digits++
	}
	return n, digits, start, digits > 0
}

// year reads a four-digit year between 1000 and 2200.
func (s *scanner) year(i int) (int, int, bool) {
	n, digits, start, ok := s.number(i)
	if !ok || digits != 4 || n < 1000 || n > 2200 {
		return 0, 0, false
	}
	return n, start, true
}

// day reads a day of the month.
func (s *scanner) day(i int) (int, int, bool) {
	n, digits, start, ok := s.number(i)
	if !ok || digits > 2 || n < 1 || n > 31 {
		return 0, 0, false
	}
	return n, start, true
}

// month reads a month name at token i (one or two tokens, or a combined
// form such as شباط/فبراير), returning the month and the next token index.
func (s *scanner) month(i int) (time.Month, int, bool) {
	if i >= len(s.toks) {
		return 0, 0, false
	}
	if m, ok := s.lex.Months.Longest(s.toks, i, false); ok {
		return time.Month(m.Value), i + m.Tokens, true
	}
	// "شباط/فبراير": two names of the same month joined by a slash.
	if left, right, found := strings.Cut(s.toks[i].Text, "/"); found {
		a, aok := s.monthWord(left)
		b, bok := s.monthWord(right)
		if aok && bok && a == b {
			return a, i + 1, true
		}
	}
	return 0, 0, false
}

func (s *scanner) monthWord(w string) (time.Month, bool) {
	toks := []textdoc.Token{textdoc.NewWord(w)}
	m, ok := s.lex.Months.Longest(toks, 0, false)
	return time.Month(m.Value), ok && m.Tokens == 1
}

// is reports whether token i, read with its proclitics and article peeled
// in any way, is one of words (given as matching keys).
func (s *scanner) is(i int, words ...string) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	for _, c := range s.toks[i].Candidates() {
		for _, w := range words {
			if c.Key == w {
				return true
			}
		}
	}
	// Short function words keep a glued conjunction: وفي، فمنذ.
	if k := s.toks[i].Key; len(k) >= 6 && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) {
		for _, w := range words {
			if k[len("و"):] == w {
				return true
			}
		}
	}
	return false
}

// isExact reports whether token i, folded and without the article but with
// no clitic peeled, is one of words.
func (s *scanner) isExact(i int, words ...string) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	k := s.toks[i].Stem
	for _, w := range words {
		if k == w {
			return true
		}
	}
	return false
}

func (s *scanner) punct(i int, marks ...string) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != textdoc.Punct {
		return false
	}
	for _, m := range marks {
		if s.toks[i].Text == m {
			return true
		}
	}
	return false
}

func (s *scanner) span(from, toTok int) textdoc.Span {
	return textdoc.Span{Start: from, End: s.toks[toTok-1].End}
}

// --- value builders --------------------------------------------------------

func dayValue(y int, m time.Month, d int) (Value, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Value{}, false // 31 أبريل
	}
	return Value{First: t, Last: t, Granularity: "day", Kind: "date", Resolved: true}, true
}

func monthValue(y int, m time.Month) Value {
	start := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return Value{First: start, Last: start.AddDate(0, 1, -1), Granularity: "month", Kind: "date", Resolved: true}
}

func yearValue(y int) Value {
	return Value{First: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Last: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC),
		Granularity: "year", Kind: "date", Resolved: true}
}

func yearRangeValue(a, b int) Value {
	v := yearValue(a)
	v.Last = yearValue(b).Last
	v.Kind = "range"
	return v
}

func unresolved(gran string) Value {
	return Value{Granularity: gran, Kind: "relative"}
}

// --- patterns --------------------------------------------------------------

// yearWords are the nouns that introduce a year (عام 2017، سنة 2020), as
// matching keys.
var yearWords = []string{"عام", "سنه"}

// optionalYearWord skips "عام" or "سنة" (possibly with a clitic) before a year.
func (s *scanner) optionalYearWord(i int) int {
	if s.is(i, yearWords...) {
		return i + 1
	}
	return i
}

// dayRange: 20 و22 مارس 2023، 20-22 مارس 2023، من 20 إلى 22 مارس.
func (s *scanner) dayRange(i int) (Found, int, bool) {
	if f, next, ok := s.dayRangeToken(i); ok {
		return f, next, true
	}
	d1, start, ok := s.day(i)
	if !ok {
		return Found{}, 0, false
	}
	j := i + 1
	switch {
	case s.punct(j, "-", "–", "—"):
		j++
	case s.is(j, "الي", "حتي"):
		j++
	}
	d2, _, ok := s.day(j)
	if !ok || j == i+1 && s.toks[j].Kind == textdoc.Number || d2 <= d1 {
		// two bare numbers side by side are not a range
		return Found{}, 0, false
	}
	m, j2, ok := s.month(j + 1)
	if !ok {
		return Found{}, 0, false
	}
	y, end, hasYear := s.yearAfterMonth(j2)
	if !hasYear {
		if s.ref.IsZero() {
			return Found{Span: s.span(start, j2), Value: unresolved("day")}, j2, true
		}
		y, end = s.ref.Year(), j2
	}
	a, ok1 := dayValue(y, m, d1)
	b, ok2 := dayValue(y, m, d2)
	if !ok1 || !ok2 {
		return Found{}, 0, false
	}
	v := Value{First: a.First, Last: b.Last, Granularity: "day", Kind: "range", Resolved: true}
	if !hasYear {
		v.Kind = "relative"
	}
	return Found{Span: s.span(start, end), Value: v}, end, true
}

// dayRangeToken: 20-22 مارس 2023 written as one token.
func (s *scanner) dayRangeToken(i int) (Found, int, bool) {
	t := s.toks[i]
	if t.Kind != textdoc.Number {
		return Found{}, 0, false
	}
	a, b, ok := strings.Cut(arabic.ASCIIDigits(t.Text), "-")
	if !ok || len(a) > 2 || len(b) > 2 {
		return Found{}, 0, false
	}
	d1, ok1 := arabic.ParseNumber(a)
	d2, ok2 := arabic.ParseNumber(b)
	if !ok1 || !ok2 || d1 < 1 || d2 > 31 || d1 >= d2 {
		return Found{}, 0, false
	}
	m, j, ok := s.month(i + 1)
	if !ok {
		return Found{}, 0, false
	}
	y, end, hasYear := s.yearAfterMonth(j)
	if !hasYear {
		return Found{}, 0, false
	}
	first, ok1 := dayValue(y, m, int(d1))
	last, ok2 := dayValue(y, m, int(d2))
	if !ok1 || !ok2 {
		return Found{}, 0, false
	}
	return Found{Span: s.span(t.Start, end), Value: Value{First: first.First, Last: last.Last, Granularity: "day", Kind: "range", Resolved: true}}, end, true
}

// yearAfterMonth reads an optional ", عام 2024" after a month name.
func (s *scanner) yearAfterMonth(j int) (year, next int, ok bool) {
	k := j
	if s.punct(k, "،", ",") {
		k++
	}
	if s.isExact(k, "من") {
		k++
	}
	k = s.optionalYearWord(k)
	if y, _, ok := s.year(k); ok {
		return y, k + 1, true
	}
	return 0, j, false
}

// dayMonth: 9 أغسطس 2024، 9 من أغسطس عام 2024، and 9 أغسطس alone
// (resolved against the reference year).
func (s *scanner) dayMonth(i int) (Found, int, bool) {
	d, start, ok := s.day(i)
	if !ok {
		return Found{}, 0, false
	}
	j := i + 1
	if s.isExact(j, "من") {
		j++
	}
	m, j2, ok := s.month(j)
	if !ok {
		return Found{}, 0, false
	}
	if y, end, ok := s.yearAfterMonth(j2); ok {
		v, valid := dayValue(y, m, d)
		if !valid {
			return Found{}, 0, false
		}
		return Found{Span: s.span(start, end), Value: v}, end, true
	}
	if s.ref.IsZero() {
		return Found{Span: s.span(start, j2), Value: unresolved("day")}, j2, true
	}
	v, valid := dayValue(s.ref.Year(), m, d)
	if !valid {
		return Found{}, 0, false
	}
	v.Kind = "relative"
	return Found{Span: s.span(start, j2), Value: v}, j2, true
}

// monthYear: مارس 2025، شهر مارس من عام 2025، كانون الثاني 2024.
func (s *scanner) monthYear(i int) (Found, int, bool) {
	start := s.toks[i].Start
	j := i
	if s.isExact(j, "شهر") {
		j++
	}
	m, j2, ok := s.month(j)
	if !ok {
		return Found{}, 0, false
	}
	y, end, ok := s.yearAfterMonth(j2)
	if !ok {
		return Found{}, 0, false
	}
	if j == i {
		start = s.toks[j].Start
	}
	return Found{Span: s.span(start, end), Value: monthValue(y, m)}, end, true
}

// monthContext are words after which a bare month name is a date (في مارس)
// rather than a homograph (مارس is also the verb "practised").
var monthContext = []string{"في", "شهر", "خلال", "منذ", "حتي", "مطلع", "اواخر", "منتصف", "اوائل", "بدايه", "نهايه", "مع", "قبل", "بعد"}

// relativeMonth: في شهر أكتوبر، نوفمبر المقبل، في مارس الماضي.
func (s *scanner) relativeMonth(i int) (Found, int, bool) {
	j := i
	start := s.toks[i].Start
	if s.isExact(i, "شهر") {
		j = i + 1
	}
	m, j2, ok := s.month(j)
	if !ok {
		return Found{}, 0, false
	}
	shift := 0
	end := j2
	switch {
	case s.isExact(j2, "ماضي"):
		shift, end = -1, j2+1
	case s.isExact(j2, "مقبل", "قادم"):
		shift, end = 1, j2+1
	case s.isExact(j2, "جاري", "حالي"):
		end = j2 + 1
	}
	if j == i && end == j2 && !s.is(i-1, monthContext...) {
		return Found{}, 0, false
	}
	if s.ref.IsZero() {
		return Found{Span: s.span(start, end), Value: unresolved("month")}, end, true
	}
	y := s.ref.Year()
	switch {
	case shift > 0 && m <= s.ref.Month():
		y++
	case shift < 0 && m >= s.ref.Month():
		y--
	}
	v := monthValue(y, m)
	v.Kind = "relative"
	return Found{Span: s.span(start, end), Value: v}, end, true
}

// yearRange: 2026-2028، 2025–2027، (2026 - 2029)، بين عامي 2026 و2028،
// من عام 2018 إلى 2023، للأعوام 2026-2028.
func (s *scanner) yearRange(i int) (Found, int, bool) {
	// one token: 2026-2028 or 2024/2025
	if t := s.toks[i]; t.Kind == textdoc.Number {
		for _, sep := range []string{"-", "/"} {
			if a, b, ok := strings.Cut(arabic.ASCIIDigits(t.Text), sep); ok {
				y1, ok1 := plainYear(a)
				y2, ok2 := plainYear(b)
				if ok1 && ok2 && validRange(y1, y2) && (sep == "-" || y2 == y1+1) {
					return Found{Span: t.Span, Value: yearRangeValue(y1, y2)}, i + 1, true
				}
			}
		}
	}
	start := s.toks[i].Start
	j := i
	fromTo := false
	switch {
	case s.isExact(i, "بين") && s.is(i+1, "عامي", "عامين", "سنتي", "سنتين", "اعوام"):
		j = i + 2
	case s.is(i, "عامي", "عامين", "سنتي", "سنتين"):
		j = i + 1
	case s.isExact(i, "من"):
		j, fromTo = s.optionalYearWord(i+1), true
	}
	y1, y1start, ok := s.year(j)
	if !ok {
		return Found{}, 0, false
	}
	if j == i {
		start = y1start
	}
	k := j + 1
	switch {
	case !fromTo && s.punct(k, "-", "–", "—", "/"):
		k++
	case fromTo && s.is(k, "الي", "حتي"):
		k = s.optionalYearWord(k + 1)
	case fromTo && s.punct(k, "-", "–", "—"):
		k++
	case !fromTo && j > i: // بين عامي 2026 و2028: the و is glued to the second year
	default:
		return Found{}, 0, false
	}
	y2, _, ok := s.year(k)
	if !ok || !validRange(y1, y2) {
		return Found{}, 0, false
	}
	if !fromTo && j > i && k == j+1 && !strings.HasPrefix(s.toks[k].Key, "و") {
		return Found{}, 0, false
	}
	return Found{Span: s.span(start, k+1), Value: yearRangeValue(y1, y2)}, k + 1, true
}

func plainYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, n >= 1000 && n <= 2200
}

func validRange(a, b int) bool { return a >= 1900 && b <= 2100 && a < b && b-a <= 100 }

// yearTriggers are the words after which a bare four-digit number is a
// year: the year nouns themselves and temporal prepositions.
var yearTriggers = []string{"في", "حتي", "منذ", "بحلول", "قبل", "بعد", "خلال", "مطلع", "اواخر", "منتصف", "اوائل", "بدايه", "نهايه", "لعام"}

// triggeredYear: عام 2017، العام 2020، في 2022، حتى 2035، منذ 2018.
func (s *scanner) triggeredYear(i int) (Found, int, bool) {
	if s.is(i, yearWords...) {
		if y, _, ok := s.year(i + 1); ok && y >= 1900 && y <= 2100 && !s.countedAfter(i+2) {
			return Found{Span: s.span(s.toks[i].Start, i+2), Value: yearValue(y)}, i + 2, true
		}
		return Found{}, 0, false
	}
	y, start, ok := s.year(i)
	if !ok || y < 1900 || y > 2100 || s.countedAfter(i+1) {
		return Found{}, 0, false
	}
	if !s.is(i-1, yearTriggers...) {
		return Found{}, 0, false
	}
	return Found{Span: s.span(start, i+1), Value: yearValue(y)}, i + 1, true
}

// countedAfter reports whether token i makes the number before it a count
// or an amount rather than a year (2000 مليون، 1800 مشروع، 2020 %).
func (s *scanner) countedAfter(i int) bool {
	if i >= len(s.toks) {
		return false
	}
	if s.punct(i, "%", "٪") {
		return true
	}
	if _, ok := s.lex.Scales.Longest(s.toks, i, false); ok {
		return true
	}
	if _, ok := s.lex.Currencies.Longest(s.toks, i, false); ok {
		return true
	}
	return false
}

// relativeYear: هذا العام، العام الماضي، العام المقبل، السنة الحالية.
func (s *scanner) relativeYear(i int) (Found, int, bool) {
	start, j := s.toks[i].Start, i
	demonstrative := s.is(i, "هذا", "هذه")
	if demonstrative {
		j++
	}
	// العام / السنة with the article: "عام" alone is "general" as often as "year".
	if !s.is(j, yearWords...) || !strings.Contains(s.toks[j].Key, "ال") {
		return Found{}, 0, false
	}
	shift, end := 0, j+1
	switch {
	case s.isExact(j+1, "ماضي", "ماضيه", "منصرم", "منصرمه", "فائت", "سابق"):
		shift, end = -1, j+2
	case s.isExact(j+1, "مقبل", "مقبله", "قادم", "قادمه"):
		shift, end = 1, j+2
	case s.isExact(j+1, "جاري", "حالي", "حاليه", "جاريه"):
		end = j + 2
	case demonstrative:
	default:
		return Found{}, 0, false
	}
	if s.ref.IsZero() {
		return Found{Span: s.span(start, end), Value: unresolved("year")}, end, true
	}
	v := yearValue(s.ref.Year() + shift)
	v.Kind = "relative"
	return Found{Span: s.span(start, end), Value: v}, end, true
}
