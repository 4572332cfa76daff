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
	"iter"
	"maps"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Extractor finds dates.
type Extractor struct {
	lex *lexicon.Lexicon
	// starts holds the keys canOpen accepts: the cues and the first words
	// of the month, Hijri month, weekday and date-word phrases, gathered
	// once so that the pre-check run on every word is one lookup, not five
	starts map[string]bool
	// opens is canOpen over starts, answered once per distinct word: the
	// pre-check runs at every token of every article
	opens *textdoc.WordTest
	// ForwardWeekdays resolves a bare weekday (يوم الثلاثاء، الخميس) to the
	// next such day after the reference date, as Duckling does. Off by
	// default: news reports what happened, and a bare weekday in an article
	// is the last such day on or before its publication date. A weekday
	// with المقبل / الماضي is resolved the same way in both modes.
	ForwardWeekdays bool
}

// New builds the extractor.
func New(res *resources.Resources) *Extractor {
	e := &Extractor{lex: res.Lexicon, starts: startWords(res.Lexicon)}
	e.opens = textdoc.NewWordTest(func(t textdoc.Token) bool { return canOpen(e.starts, t) })
	return e
}

// startWords gathers the keys a date can start with (see known).
func startWords(lex *lexicon.Lexicon) map[string]bool {
	starts := maps.Clone(cues)
	for _, firsts := range []iter.Seq[string]{lex.Months.Firsts(), lex.DateWords.Firsts(), lex.Weekdays.Firsts(), lex.HijriMonths.Firsts()} {
		for k := range firsts {
			starts[k] = true
		}
	}
	return starts
}

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
	// joined marks a range read from its two ends (20 و22 مارس، 2 أكتوبر
	// إلى 22 أكتوبر): a من or بين before it belongs to the span.
	joined bool
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

// Find returns the date expressions of d in text order. The dates and
// agreements extractors both ask; the scan runs once per document and
// configuration.
func (e *Extractor) Find(d *textdoc.Document) []Found {
	type memoKey struct {
		lex     *lexicon.Lexicon
		forward bool
	}
	return textdoc.Memo(d, memoKey{e.lex, e.ForwardWeekdays}, func() []Found { return e.find(d) })
}

func (e *Extractor) find(d *textdoc.Document) []Found {
	s := scanner{lex: e.lex, opens: e.opens, toks: d.Tokens, ref: d.RefDate, forward: e.ForwardWeekdays}
	var out []Found
	for i := 0; i < len(s.toks); {
		if !s.canStart(i) {
			i++
			continue
		}
		if f, next, ok := s.at(i); ok {
			if g, end, ok := s.joinRange(f, i, next); ok {
				f, next = g, end
			}
			out = append(out, s.widen(f, i))
			i = next
			continue
		}
		i++
	}
	return out
}

type scanner struct {
	lex   *lexicon.Lexicon
	opens *textdoc.WordTest // Extractor.opens
	toks  []textdoc.Token
	ref   time.Time
	// forward resolves a bare weekday (يوم الثلاثاء) to the next one after
	// the reference date instead of the last one on or before it.
	forward bool
}

// at tries every pattern at token i and returns the match and the index of
// the token after it.
func (s *scanner) at(i int) (Found, int, bool) {
	for _, p := range []func(int) (Found, int, bool){
		s.numericDate, s.hijri, s.nthWeekday, s.weekThenWeekday, s.weekday, s.share, s.dayRange, s.monthFirstRange, s.dayMonth, s.yearRange, s.part,
		s.decade, s.century, s.monthYear, s.relativeMonth, s.relativeDay, s.triggeredYear, s.relativeYear,
	} {
		if f, next, ok := p(i); ok {
			return f, next, true
		}
	}
	return Found{}, 0, false
}

// cues are the words, other than numbers and the names and words of the
// lexicon, that can open a date expression (as matching keys).
var cues = map[string]bool{
	"شهر": true, "عام": true, "سنه": true, "بين": true, "عامي": true, "عامين": true, "سنتي": true,
	"سنتين": true, "اعوام": true, "من": true, "هذا": true, "هذه": true, "يوم": true, "قرن": true, "اخر": true,
	"اسبوع": true,
}

// canStart is a cheap pre-check: token i can open a date only if its word
// can (canOpen).
func (s *scanner) canStart(i int) bool { return s.opens.Of(s.toks[i]) }

// canOpen reports whether a token can open a date: it is a number, holds
// digits after a proclitic, or is (after peeling proclitics and the
// article) a month, weekday or Hijri month name, a date word, or a cue —
// one of starts.
func canOpen(starts map[string]bool, t textdoc.Token) bool {
	switch t.Kind {
	case textdoc.Number:
		return true
	case textdoc.Punct:
		return false
	}
	k := t.Stem
	for peel := 0; ; peel++ {
		if starts[k] {
			return true
		}
		r, size := utf8.DecodeRuneInString(k)
		if arabic.IsDigit(r) || strings.Contains(k, "/") {
			return true
		}
		if peel == 2 || !strings.ContainsRune("وفبلك", r) {
			return false
		}
		k = k[size:]
		if strings.HasPrefix(k, "ال") && starts[k[len("ال"):]] {
			return true
		}
	}
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
		// the proclitic and the first digit, decoded in place: a []rune of
		// the word was most of this call
		r0, size := utf8.DecodeRuneInString(text)
		if r1, _ := utf8.DecodeRuneInString(text[size:]); !strings.ContainsRune("وبلف", r0) || !arabic.IsDigit(r1) {
			return 0, 0, 0, false
		}
		start += size
		text = text[size:]
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
	// "شباط/فبراير": two names of the same month joined by a slash; either
	// may be a two-word name (تشرين الثاني/نوفمبر، نوفمبر/تشرين الثاني).
	if left, right, found := strings.Cut(s.toks[i].Text, "/"); found {
		a, aok := s.monthWord(left)
		b, bok := s.monthWord(right)
		if aok && bok && a == b {
			return a, i + 1, true
		}
		if i+1 < len(s.toks) && s.toks[i+1].Start == s.toks[i].End+1 {
			b, bok = s.monthWord(right, s.toks[i+1].Text)
			if aok && bok && a == b {
				return a, i + 2, true
			}
		}
	}
	if i+1 < len(s.toks) && s.toks[i+1].Start == s.toks[i].End+1 {
		if left, right, found := strings.Cut(s.toks[i+1].Text, "/"); found {
			a, aok := s.monthWord(s.toks[i].Text, left)
			b, bok := s.monthWord(right)
			if aok && bok && a == b {
				return a, i + 2, true
			}
		}
	}
	return 0, 0, false
}

// monthWord reads words (split out of a slashed pair) as exactly one
// month name: شباط، or تشرين الثاني in two words.
func (s *scanner) monthWord(words ...string) (time.Month, bool) {
	toks := make([]textdoc.Token, len(words))
	for k, w := range words {
		toks[k] = textdoc.NewWord(w)
	}
	m, ok := s.lex.Months.Longest(toks, 0, false)
	return time.Month(m.Value), ok && m.Tokens == len(words)
}

// is reports whether token i, read with its proclitics and article peeled
// in any way, is one of words (given as matching keys).
func (s *scanner) is(i int, words ...string) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	// two-letter words (في، مع) have no peeled readings: compare as written
	for _, w := range words {
		if s.toks[i].Kind == textdoc.Word && s.toks[i].Key == w {
			return true
		}
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

// lastDay stands for the last day of the month (آخر يوم، اليوم الأخير).
const lastDay = -1

// dm is a day with its month, read by dayMonthAt.
type dm struct {
	day         int
	month       time.Month
	year        int  // 0 when the text gives none
	relative    bool // the year comes from a relative month (الشهر المقبل)
	start, next int
}

// dayMonthAt reads a day and its month: 9 أغسطس 2024، 9 من أغسطس عام 2024،
// الأول من شباط، الخامس عشر من مارس، 14 شهر شباط، الثالث من شهر عشرة،
// التاسع عشر من هذا الشهر.
func (s *scanner) dayMonthAt(i int) (dm, bool) {
	d, start, j, ok := s.dayAt(i)
	if !ok {
		return dm{}, false
	}
	if s.punct(j, ".", "-", "/") && s.toks[j].Start == s.toks[j-1].End && s.isNumber(j-1) {
		if _, _, ok := s.month(j + 1); ok {
			j++ // 2. أكتوبر، 16. نوفمبر. 2016
		}
	}
	if s.isExact(j, "من") {
		j++
	} else if s.isExact(j, "في") {
		if _, _, _, ok := s.relativeMonthPhrase(j + 1); ok {
			j++ // من 4 إلى 23 في الشهر المقبل
		}
	}
	m, relYear, j2, ok := s.monthOf(j, true)
	if !ok {
		return dm{}, false
	}
	out := dm{day: d, month: m, start: start, next: j2}
	if relYear != 0 {
		out.year, out.relative = relYear, true
		return out, true
	}
	if y, end, ok := s.yearAfterMonth(j2); ok {
		out.year, out.next = y, end
	}
	return out, true
}

// resolve turns a day and month into a value, taking the year from the
// text, else from fallbackYear (another end of a range), else from the
// reference date (kind relative).
func (s *scanner) resolve(x dm, fallbackYear int) (Value, bool) {
	y, kind := x.year, "date"
	if x.relative {
		kind = "relative"
	}
	if y == 0 {
		y = fallbackYear
	}
	if y == 0 {
		if s.ref.IsZero() {
			return unresolved("day"), true
		}
		y, kind = s.ref.Year(), "relative"
	}
	d := x.day
	if d == lastDay {
		d = monthValue(y, x.month).Last.Day()
	}
	v, ok := dayValue(y, x.month, d)
	v.Kind = kind
	return v, ok
}

// rangeValue joins two resolved ends into a day range.
func rangeValue(a, b Value) (Value, bool) {
	if !a.Resolved || !b.Resolved {
		return unresolved("day"), true
	}
	if !a.First.Before(b.First) {
		return Value{}, false
	}
	kind := "range"
	if a.Kind == "relative" || b.Kind == "relative" {
		kind = "relative"
	}
	return Value{First: a.First, Last: b.Last, Granularity: "day", Kind: kind, Resolved: true}, true
}

// rangeJoin skips the word or mark between the two ends of a range: - – —
// إلى حتى وحتى. It reports whether it found one.
func (s *scanner) rangeJoin(j int) (int, bool) {
	switch {
	case s.punct(j, "-", "–", "—"):
		return j + 1, true
	case s.is(j, "الي", "حتي"):
		return j + 1, true
	}
	return j, false
}

// dayRange: 20 و22 مارس 2023، 20-22 مارس 2023، من 20 إلى 22 مارس، من
// الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر، من 13 تموز إلى 15
// تموز، من 28 فبراير إلى 3 مارس 2024، من 1-8 شهر أيلول.
func (s *scanner) dayRange(i int) (Found, int, bool) {
	if f, next, ok := s.dayRangeToken(i); ok {
		return f, next, true
	}
	d1, start, j, ok := s.dayAt(i)
	if !ok {
		return Found{}, 0, false
	}
	// two full dates: من 13 تموز إلى 15 تموز
	if a, ok := s.dayMonthAt(i); ok {
		if k, joined := s.rangeJoin(a.next); joined {
			if b, ok := s.dayMonthAt(k); ok {
				va, ok1 := s.resolve(a, b.year)
				vb, ok2 := s.resolve(b, a.year)
				if v, ok3 := rangeValue(va, vb); ok1 && ok2 && ok3 {
					return Found{Span: s.span(start, b.next), Value: v, joined: true}, b.next, true
				}
			}
		}
		return Found{}, 0, false
	}
	k, joined := s.rangeJoin(j)
	if !joined && j < len(s.toks) && s.toks[j].Key == "و" && s.isExact(i-1, "بين") {
		k, joined = j+1, true // بين 3 و 12 سبتمبر
	}
	d2, _, _, ok := s.dayAt(k)
	if !ok || !joined && !(k == j && strings.HasPrefix(s.toks[k].Key, "و")) || d2 <= d1 {
		// two bare numbers side by side are not a range; the second of
		// "20 و22" carries the و
		return Found{}, 0, false
	}
	b, ok := s.dayMonthAt(k)
	if !ok || b.day != d2 {
		return Found{}, 0, false
	}
	return s.sameMonthDays(d1, b, start)
}

// sameMonthDays is the range from day d1 to the day of last, in last's
// month and year (20 و22 مارس 2023، يوليو 13-15), spanning from start to
// the end of last.
func (s *scanner) sameMonthDays(d1 int, last dm, start int) (Found, int, bool) {
	first := last
	first.day = d1
	va, ok1 := s.resolve(first, 0)
	vb, ok2 := s.resolve(last, 0)
	v, ok3 := rangeValue(va, vb)
	if !ok1 || !ok2 || !ok3 {
		return Found{}, 0, false
	}
	return Found{Span: s.span(start, last.next), Value: v, joined: true}, last.next, true
}

// dayPair reads "13-15" written as one token: two days, the first smaller.
func (s *scanner) dayPair(i int) (int, int, int, bool) {
	text, start, ok := s.digitsToken(i)
	if !ok {
		return 0, 0, 0, false
	}
	a, b, ok := strings.Cut(text, "-")
	if !ok || len(a) > 2 || len(b) > 2 {
		return 0, 0, 0, false
	}
	d1, ok1 := arabic.ParseNumber(a)
	d2, ok2 := arabic.ParseNumber(b)
	if !ok1 || !ok2 || d1 < 1 || d2 > 31 || d1 >= d2 {
		return 0, 0, 0, false
	}
	return int(d1), int(d2), start, true
}

// dayRangeToken: 20-22 مارس 2023، من 27-29 من الشهر الثامن.
func (s *scanner) dayRangeToken(i int) (Found, int, bool) {
	d1, d2, start, ok := s.dayPair(i)
	if !ok {
		return Found{}, 0, false
	}
	j := i + 1
	if s.isExact(j, "من") {
		j++
	}
	m, relYear, j2, ok := s.monthOf(j, true)
	if !ok {
		return Found{}, 0, false
	}
	b := dm{day: d2, month: m, year: relYear, relative: relYear != 0, start: start, next: j2}
	if relYear == 0 {
		if y, end, ok := s.yearAfterMonth(j2); ok {
			b.year, b.next = y, end
		}
	}
	return s.sameMonthDays(d1, b, start)
}

// monthFirstRange: يوليو 13-15، تموز 13 إلى 15، أغسطس 27 إلى 29 2013.
func (s *scanner) monthFirstRange(i int) (Found, int, bool) {
	m, j, ok := s.month(i)
	if !ok {
		return Found{}, 0, false
	}
	var d1, d2, next int
	if a, b, _, ok := s.dayPair(j); ok {
		d1, d2, next = a, b, j+1
	} else {
		a, _, ok := s.day(j)
		if !ok {
			return Found{}, 0, false
		}
		k, joined := s.rangeJoin(j + 1)
		b, _, ok := s.day(k)
		if !joined || !ok {
			return Found{}, 0, false
		}
		d1, d2, next = a, b, k+1
	}
	x := dm{day: d2, month: m, start: s.toks[i].Start, next: next}
	if y, end, ok := s.yearAfterMonth(next); ok {
		x.year, x.next = y, end
	}
	return s.sameMonthDays(d1, x, x.start)
}

// yearAfterMonth reads an optional ", عام 2024" after a month name.
func (s *scanner) yearAfterMonth(j int) (year, next int, ok bool) {
	k := j
	if s.punct(k, "،", ",") || s.punct(k, ".") && k > 0 && s.toks[k].Start == s.toks[k-1].End {
		k++
	}
	if s.isExact(k, "من", "في") {
		k++
	}
	k = s.optionalYearWord(k)
	if y, _, ok := s.year(k); ok {
		return y, k + 1, true
	}
	return 0, j, false
}

// dayMonth: 9 أغسطس 2024، 9 من أغسطس عام 2024، الأول من شباط، and 9 أغسطس
// alone (resolved against the reference year).
func (s *scanner) dayMonth(i int) (Found, int, bool) {
	x, ok := s.dayMonthAt(i)
	if !ok {
		return Found{}, 0, false
	}
	v, ok := s.resolve(x, 0)
	if !ok {
		return Found{}, 0, false
	}
	return Found{Span: s.span(x.start, x.next), Value: v}, x.next, true
}

// monthYear: مارس 2025، شهر مارس من عام 2025، كانون الثاني 2024.
func (s *scanner) monthYear(i int) (Found, int, bool) {
	if i >= len(s.toks) {
		return Found{}, 0, false
	}
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
	if i >= len(s.toks) {
		return Found{}, 0, false
	}
	// هذا الشهر، الشهر الماضي، الشهر المقبل
	if y, m, next, ok := s.relativeMonthPhrase(i); ok {
		v := monthValue(y, m)
		v.Kind = "relative"
		return Found{Span: s.span(s.toks[i].Start, next), Value: v}, next, true
	}
	if s.isExact(i, "شهر") && s.hasArticle(i) && s.ref.IsZero() {
		if _, ok := s.shiftAt(i + 1); ok {
			return Found{Span: s.span(s.toks[i].Start, i+2), Value: unresolved("month")}, i + 2, true
		}
	}
	j := i
	start := s.toks[i].Start
	this := s.is(j, "هذا", "هذه") // هذا يناير، هذا شهر آذار
	if this {
		j++
	}
	if s.isExact(j, "شهر") {
		j++
	}
	m, j2, ok := s.month(j)
	if !ok || this && j2 < len(s.toks) && s.isNumber(j2) {
		return Found{}, 0, false
	}
	// يونيو العام المقبل، مارس من العام الماضي
	k := j2
	if s.isExact(k, "من") {
		k++
	}
	if f, next, ok := s.relativeYear(k); ok {
		if !f.Resolved {
			return Found{Span: s.span(start, next), Value: unresolved("month")}, next, true
		}
		v := monthValue(f.First.Year(), m)
		v.Kind = "relative"
		return Found{Span: s.span(start, next), Value: v}, next, true
	}
	shift := 0
	end := j2
	if sh, ok := s.shiftAt(j2); ok {
		shift, end = sh, j2+1
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
	if i >= len(s.toks) {
		return Found{}, 0, false
	}
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
	if i >= len(s.toks) {
		return Found{}, 0, false
	}
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
	if i >= len(s.toks) {
		return Found{}, 0, false
	}
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
	if sh, ok := s.shiftAt(j + 1); ok {
		shift, end = sh, j+2
	} else if !demonstrative {
		return Found{}, 0, false
	}
	if s.ref.IsZero() {
		return Found{Span: s.span(start, end), Value: unresolved("year")}, end, true
	}
	v := yearValue(s.ref.Year() + shift)
	v.Kind = "relative"
	return Found{Span: s.span(start, end), Value: v}, end, true
}
