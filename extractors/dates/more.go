package dates

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/textdoc"
)

// This file holds the patterns built on date_words.tsv, weekdays.tsv and
// hijri_months.tsv: numeric dates, ordinal days, weekdays, relative days,
// parts of a month or year, decades, centuries and Hijri dates.

// --- word helpers ----------------------------------------------------------

// dateWord returns the date word of the given kind at token i (the longest
// such phrase) and the index after it. With peel, a proclitic may be peeled
// off the first token (والعشرين).
func (s *scanner) dateWord(i int, kind string, peel bool) (lexicon.DateWord, int, bool) {
	if i < 0 || i >= len(s.toks) {
		return lexicon.DateWord{}, 0, false
	}
	m, ok := s.lex.DateWords.First(s.toks, i, peel, func(m lexicon.Match[lexicon.DateWord]) bool { return m.Value.Kind == kind })
	if !ok {
		return lexicon.DateWord{}, 0, false
	}
	return m.Value, i + m.Tokens, true
}

// shiftAt reads a shift adjective (الماضي = -1, المقبل = +1, الحالي = 0).
func (s *scanner) shiftAt(i int) (int, bool) {
	w, _, ok := s.dateWord(i, "shift", false)
	return w.Value, ok
}

// hasArticle reports whether token i is written with the article.
func (s *scanner) hasArticle(i int) bool {
	t := s.toks[i]
	return t.Key != t.Stem && strings.HasPrefix(t.Key, "ال")
}

// ordinalDay reads an ordinal day of the month in words: الأول، الخامس
// عشر، الثالث والعشرون، العشرين. It returns the day and the next index.
func (s *scanner) ordinalDay(i int) (int, int, bool) {
	if w, next, ok := s.dateWord(i, "ten", false); ok {
		return w.Value, next, true
	}
	u, j, ok := s.dateWord(i, "ordinal", false)
	if !ok {
		return 0, 0, false
	}
	if _, next, ok := s.dateWord(j, "teen", false); ok && u.Value < 10 {
		return u.Value + 10, next, true
	}
	if j < len(s.toks) && strings.HasPrefix(s.toks[j].Key, "و") {
		if w, next, ok := s.dateWord(j, "ten", true); ok && u.Value < 10 && u.Value+w.Value <= 31 {
			return u.Value + w.Value, next, true
		}
	}
	if s.toks[i].Stem == "حادي" || s.toks[i].Stem == "حاديه" {
		return 0, 0, false // الحادي only in الحادي عشر / الحادي والعشرين
	}
	return u.Value, j, true
}

// dayAt reads a day of the month in digits or as an ordinal, optionally
// after يوم / اليوم. It returns the day, the byte start and the next index.
func (s *scanner) dayAt(i int) (day, start, next int, ok bool) {
	if i >= len(s.toks) {
		return 0, 0, 0, false
	}
	j := i
	switch {
	case s.isExact(i, "اخر") && s.isExact(i+1, "يوم"), s.isExact(i, "يوم") && s.isExact(i+1, "اخير"):
		return lastDay, s.toks[i].Start, i + 2, true
	case s.isExact(i, "يوم"):
		j++
	}
	if d, st, ok := s.day(j); ok {
		if j == i {
			return d, st, j + 1, true
		}
		return d, s.toks[i].Start, j + 1, true
	}
	if d, n, ok := s.ordinalDay(j); ok {
		if j == i && s.isExact(n, "يوم") && !s.hasArticle(n) {
			n++ // ثالث يوم من شهر عشرة
		}
		return d, s.toks[i].Start, n, true
	}
	return 0, 0, 0, false
}

// monthOf reads the month part of a date after a day: a month name
// (شباط، شهر مارس، شهر تشرين الأول), شهر with a number (شهر 3، شهر عشرة),
// الشهر الثامن, or a relative month (هذا الشهر، الشهر المقبل). year is the
// year the month falls in when the phrase fixes it (relative months), or 0.
func (s *scanner) monthOf(j int, afterDay bool) (m time.Month, year, next int, ok bool) {
	if m, n, ok := s.month(j); ok {
		return m, 0, n, true
	}
	if afterDay && j < len(s.toks) && s.toks[j].Key == "بشهر" {
		// آخر يوم بشهر عشرة: بشهر is شهر with the preposition
		if nm, ok := s.lex.NumberAt(s.toks, j+1); ok && nm.Value >= 1 && nm.Value <= 12 && nm.Value == float64(int(nm.Value)) {
			return time.Month(int(nm.Value)), 0, nm.Next, true
		}
		if m, n, ok := s.month(j + 1); ok {
			return m, 0, n, true
		}
	}
	if s.isExact(j, "شهر") {
		if m, n, ok := s.month(j + 1); ok {
			return m, 0, n, true
		}
		if n, digits, _, ok := s.number(j + 1); ok && digits <= 2 && n >= 1 && n <= 12 {
			return time.Month(n), 0, j + 2, true
		}
		if afterDay && !s.hasArticle(j) {
			if nm, ok := s.lex.NumberAt(s.toks, j+1); ok && !nm.Digits && nm.Value >= 1 && nm.Value <= 12 && nm.Value == float64(int(nm.Value)) {
				return time.Month(int(nm.Value)), 0, nm.Next, true
			}
		}
		if s.hasArticle(j) {
			if w, n, ok := s.dateWord(j+1, "ordinal", false); ok && !s.ref.IsZero() {
				return time.Month(w.Value), 0, n, true
			}
		}
	}
	if y, mm, n, ok := s.relativeMonthPhrase(j); ok {
		return mm, y, n, true
	}
	return 0, 0, 0, false
}

// relativeMonthPhrase: هذا الشهر، الشهر الحالي، الشهر المقبل، الشهر الماضي.
// It needs a reference date.
func (s *scanner) relativeMonthPhrase(j int) (year int, m time.Month, next int, ok bool) {
	if s.ref.IsZero() {
		return 0, 0, 0, false
	}
	shift, k := 0, j
	switch {
	case s.is(j, "هذا") && s.isExact(j+1, "شهر") && s.hasArticle(j+1):
		k = j + 2
	case s.isExact(j, "شهر") && s.hasArticle(j):
		sh, ok := s.shiftAt(j + 1)
		if !ok {
			return 0, 0, 0, false
		}
		shift, k = sh, j+2
	default:
		return 0, 0, 0, false
	}
	t := time.Date(s.ref.Year(), s.ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, shift, 0)
	return t.Year(), t.Month(), k, true
}

// --- numeric dates -----------------------------------------------------------

// digitsToken returns the text of token i without a glued proclitic
// (و15/07/2024), as ASCII digits, and the byte offset where it starts.
func (s *scanner) digitsToken(i int) (string, int, bool) {
	if i >= len(s.toks) {
		return "", 0, false
	}
	t := s.toks[i]
	text, start := t.Text, t.Start
	if t.Kind == textdoc.Word {
		r, size := utf8.DecodeRuneInString(text)
		if !strings.ContainsRune("وبلف", r) {
			return "", 0, false
		}
		r2, _ := utf8.DecodeRuneInString(text[size:])
		if !arabic.IsDigit(r2) {
			return "", 0, false
		}
		text, start = text[size:], start+size
	} else if t.Kind != textdoc.Number {
		return "", 0, false
	}
	return arabic.ASCIIDigits(text), start, true
}

// numericDate: 15/07/2024، 15-07-2024، 15.07.2024، 2024-07-15، ٢٠٢٤/٠٧/١٥,
// and a month with its year (07/2024). Day-first is read before
// month-first, as Arabic news writes dates.
func (s *scanner) numericDate(i int) (Found, int, bool) {
	text, start, ok := s.digitsToken(i)
	if !ok {
		return Found{}, 0, false
	}
	span := textdoc.Span{Start: start, End: s.toks[i].End}
	for _, sep := range []string{"/", "-", "."} {
		if !strings.Contains(text, sep) {
			// one part, never a date: most numbers (2025, 10) have no
			// separator, and need not be split into slices to say so
			continue
		}
		parts := strings.Split(text, sep)
		nums := make([]int, len(parts))
		valid := len(parts) >= 2 && len(parts) <= 3
		for k, p := range parts {
			if p == "" || len(p) > 4 {
				valid = false
				break
			}
			for _, r := range p {
				if r < '0' || r > '9' {
					valid = false
				}
				nums[k] = nums[k]*10 + int(r-'0')
			}
		}
		if !valid {
			continue
		}
		switch {
		case len(parts) == 3 && len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
			if v, ok := dayValue(nums[2], time.Month(nums[1]), nums[0]); ok && nums[1] >= 1 && nums[1] <= 12 && plausibleYear(nums[2]) {
				return Found{Span: span, Value: v}, i + 1, true
			}
		case len(parts) == 3 && len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
			if v, ok := dayValue(nums[0], time.Month(nums[1]), nums[2]); ok && nums[1] >= 1 && nums[1] <= 12 && plausibleYear(nums[0]) {
				return Found{Span: span, Value: v}, i + 1, true
			}
		case len(parts) == 2 && sep != ".":
			// 07/2024، 3-2015، 2015/3
			if v, ok := monthYearNumeric(text); ok {
				return Found{Span: span, Value: v}, i + 1, true
			}
		}
	}
	return Found{}, 0, false
}

func plausibleYear(y int) bool { return y >= 1900 && y <= 2100 }

// --- weekdays and relative days ------------------------------------------------

// weekdayAt reads a weekday name at i. Without the article (أحد "one of",
// اثنين "two") it counts only after يوم or before الأسبوع.
func (s *scanner) weekdayAt(i int) (time.Weekday, int, bool) {
	m, ok := s.lex.Weekdays.Longest(s.toks, i, false)
	if !ok {
		return 0, 0, false
	}
	if !s.hasArticle(i) && !s.isExact(i-1, "يوم") && !s.isExact(i+1, "اسبوع") {
		return 0, 0, false
	}
	return time.Weekday(m.Value), i + m.Tokens, true
}

// weekday: يوم السبت، الثلاثاء المقبل، الأحد الماضي، الاثنين من الأسبوع
// الماضي، الخميس الموافق 14 شباط، السبت السادس عشر.
func (s *scanner) weekday(i int) (Found, int, bool) {
	start, j := s.toks[i].Start, i
	if s.isExact(i, "يوم") {
		j++
	}
	wd, k, ok := s.weekdayAt(j)
	if !ok {
		return Found{}, 0, false
	}
	// a full date after the weekday decides
	d := k
	if s.isExact(d, "موافق") {
		d++
	}
	// الأربعاء، 22 يناير؛ الخميس في 21 سبتمبر
	if dd := d; s.punct(dd, "،", ",") || s.isExact(dd, "في") {
		if _, _, ok := s.dayMonth(dd + 1); ok {
			d = dd + 1
		}
	}
	if f, next, ok := s.dayMonth(d); ok {
		f.Start = start
		// الثلاثاء الثالث من أيلول 2014: when the 3rd is not a Tuesday, the
		// ordinal counts Tuesdays
		if f.Resolved && f.First.Weekday() != wd && !s.isNumber(d) {
			if nth, next2, ok := s.nthWeekdayAfter(start, wd, d); ok {
				return nth, next2, true
			}
		}
		return f, next, true
	}
	if s.ref.IsZero() {
		end := k
		if _, ok := s.shiftAt(k); ok {
			end = k + 1
		}
		return Found{Span: s.span(start, end), Value: unresolved("day")}, end, true
	}
	ref := s.ref
	rw := ref.Weekday()
	var t time.Time
	end := k
	if f, next, ok := s.nthWeekdayAfter(start, wd, k); ok {
		return f, next, true
	}
	if d == k {
		if f, next, ok := s.weekdayDay(start, wd, k); ok {
			return f, next, true
		}
	}
	w := k
	if s.isExact(w, "من") {
		w++
	}
	if s.isExact(w, "اسبوع") {
		// Monday-first weeks, as Duckling and ISO 8601 count them
		shift, ok := s.shiftAt(w + 1)
		if !ok {
			return Found{}, 0, false
		}
		monday := ref.AddDate(0, 0, -((int(rw) + 6) % 7))
		t = monday.AddDate(0, 0, 7*shift+(int(wd)+6)%7)
		end = w + 2
	} else if s.is(w, "هذا", "هذه") && s.isExact(w+1, "اسبوع") {
		monday := ref.AddDate(0, 0, -((int(rw) + 6) % 7))
		t = monday.AddDate(0, 0, (int(wd)+6)%7)
		end = w + 2
	} else if shift, ok := s.shiftAt(k); ok && shift != 0 {
		end = k + 1
		if shift > 0 {
			t = ref.AddDate(0, 0, forwardDays(rw, wd))
		} else {
			t = ref.AddDate(0, 0, -backwardDays(rw, wd))
		}
	} else {
		if ok {
			end = k + 1 // الحالي
		}
		if s.forward {
			t = ref.AddDate(0, 0, forwardDays(rw, wd))
		} else {
			back := (int(rw) - int(wd) + 7) % 7
			t = ref.AddDate(0, 0, -back)
		}
	}
	v := Value{First: t, Last: t, Granularity: "day", Kind: "relative", Resolved: true}
	return Found{Span: s.span(start, end), Value: v}, end, true
}

// forwardDays is how many days after a day of weekday from the next wd is
// (1-7); backwardDays how many days before it the previous one is (1-7).
func forwardDays(from, wd time.Weekday) int {
	n := (int(wd) - int(from) + 7) % 7
	if n == 0 {
		n = 7
	}
	return n
}

func backwardDays(from, wd time.Weekday) int {
	n := (int(from) - int(wd) + 7) % 7
	if n == 0 {
		n = 7
	}
	return n
}

// relativeDay: أمس، البارحة، أول أمس، غدًا، يوم غد، بعد غد، اليوم الذي بعد
// الغد، اليوم الماضي. اليوم alone means "nowadays" in news and is never a date.
func (s *scanner) relativeDay(i int) (Found, int, bool) {
	start, j := s.toks[i].Start, i
	if s.isExact(j, "يوم") {
		j++
		if s.isExact(j, "الذي", "الي", "ذي") {
			j++
		}
	}
	var shift, end int
	if j == i {
		// بالأمس، وبالأمس: the span starts after the proclitic
		if m, ok := s.lex.DateWords.First(s.toks, i, true, func(m lexicon.Match[lexicon.DateWord]) bool {
			return m.Value.Kind == "relday" && m.Tokens == 1 && m.Value.Value == -1 && m.Start(s.toks[i]) > start
		}); ok {
			start, shift, end = m.Start(s.toks[i]), -1, i+1
		}
	}
	if end > 0 {
	} else if w, next, ok := s.dateWord(j, "relday", false); ok {
		// الغد alone is also a name (حزب الغد); غد needs no article or a cue
		if next == j+1 && s.toks[j].Stem == "غد" && s.hasArticle(j) && j == i {
			return Found{}, 0, false
		}
		shift, end = w.Value, next
	} else if j == i+1 && s.hasArticle(i) && s.isExact(j, "ماضي", "منصرم") {
		shift, end = -1, j+1
	} else if j == i+1 && s.hasArticle(i) && s.isExact(j, "قبل") && s.toks[j].Key != s.toks[j].Stem {
		// اليوم القبل البارحة
		w, next, ok := s.dateWord(j+1, "relday", false)
		if !ok || w.Value != -1 {
			return Found{}, 0, false
		}
		shift, end = -2, next
	} else {
		return Found{}, 0, false
	}
	if s.ref.IsZero() {
		return Found{Span: s.span(start, end), Value: unresolved("day")}, end, true
	}
	t := s.ref.AddDate(0, 0, shift)
	return Found{Span: s.span(start, end), Value: Value{First: t, Last: t, Granularity: "day", Kind: "relative", Resolved: true}}, end, true
}

// --- parts of a month or a year -----------------------------------------------

// partBounds cuts [first, last] into thirds and returns the n-th (1-3).
// A month is cut at days 10 and 20 (1-10, 11-20, 21-end), a year at
// months 4 and 8 (January-April, May-August, September-December).
func partBounds(v Value, n int) Value {
	switch v.Granularity {
	case "month":
		y, m := v.First.Year(), v.First.Month()
		a := []int{1, 11, 21}[n-1]
		first := time.Date(y, m, a, 0, 0, 0, 0, time.UTC)
		last := v.Last
		if n < 3 {
			last = time.Date(y, m, a+9, 0, 0, 0, 0, time.UTC)
		}
		v.First, v.Last, v.Granularity = first, last, "day"
	case "year":
		y := v.First.Year()
		first := time.Date(y, time.Month(4*(n-1)+1), 1, 0, 0, 0, 0, time.UTC)
		v.First, v.Last, v.Granularity = first, first.AddDate(0, 4, -1), "month"
	}
	return v
}

// part: مطلع 2024، أوائل مارس، منتصف شهر آذار، أواخر العام الماضي، نهاية
// العام الجاري، في منتصف عام 2025. The bounds are the first, middle or last
// third of the month or year (see partBounds).
func (s *scanner) part(i int) (Found, int, bool) {
	var w lexicon.DateWord
	start, j := 0, 0
	if m, ok := s.lex.DateWords.First(s.toks, i, true, func(m lexicon.Match[lexicon.DateWord]) bool { return m.Value.Kind == "part" }); ok {
		// the span starts after a glued proclitic (وفي مطلع، بنهاية)
		w, start, j = m.Value, m.Start(s.toks[i]), i+m.Tokens
	}
	if j == 0 {
		return Found{}, 0, false
	}
	if s.isExact(j, "من") {
		j++
	}
	// a month or a year, else a bare year: مطلع 2024
	inner, next, found := s.periodOrYear(j, nil, s.monthYear, s.relativeMonth, s.triggeredYear, s.relativeYear)
	if !found {
		// a month name alone: أوائل مارس, resolved against the reference year
		if m, _, n, ok := s.monthOf(j, false); ok {
			if s.ref.IsZero() {
				return Found{Span: s.span(start, n), Value: unresolved("day")}, n, true
			}
			inner, next, found = Found{Value: monthValue(s.ref.Year(), m)}, n, true
			inner.Kind = "relative"
		}
	}
	if !found || inner.Granularity == "day" {
		return Found{}, 0, false
	}
	v := inner.Value
	if v.Resolved {
		v = partBounds(v, w.Value)
	} else if v.Granularity == "year" {
		v.Granularity = "month"
	} else {
		v.Granularity = "day"
	}
	return Found{Span: s.span(start, next), Value: v}, next, true
}

// --- decades and centuries ---------------------------------------------------------

// centuryAt reads القرن + an ordinal (القرن العشرين، القرن الحادي والعشرين،
// القرن التاسع عشر) or a relative century (القرن الماضي، القرن الحالي).
func (s *scanner) centuryAt(i int) (int, int, bool) {
	if !s.isExact(i, "قرن") {
		return 0, 0, false
	}
	if n, next, ok := s.ordinalDay(i + 1); ok && n >= 1 && n <= 21 {
		return n, next, true
	}
	if shift, ok := s.shiftAt(i + 1); ok && !s.ref.IsZero() {
		return (s.ref.Year()-1)/100 + 1 + shift, i + 2, true
	}
	return 0, 0, false
}

// century: القرن الحادي والعشرين = 2001-2100 (a century starts with its
// year 1, as strictly counted).
func (s *scanner) century(i int) (Found, int, bool) {
	n, next, ok := s.centuryAt(i)
	if !ok {
		return Found{}, 0, false
	}
	v := yearRangeValue((n-1)*100+1, n*100)
	if !s.isExact(i+1, "عشرين", "عشرون", "حادي", "تاسع", "ثامن") {
		v.Kind = "relative"
	}
	return Found{Span: s.span(s.toks[i].Start, next), Value: v}, next, true
}

// decade: التسعينيات (1990-1999), ثمانينيات القرن الماضي, تسعينيات القرن
// العشرين. Without a century the decade is of the 1900s.
func (s *scanner) decade(i int) (Found, int, bool) {
	w, next, ok := s.dateWord(i, "decade", false)
	if !ok {
		return Found{}, 0, false
	}
	base := 1900
	j := next
	if s.isExact(j, "من") {
		j++
	}
	if n, end, ok := s.centuryAt(j); ok {
		base, next = (n-1)*100, end
	}
	y := base + w.Value
	return Found{Span: s.span(s.toks[i].Start, next), Value: yearRangeValue(y, y+9)}, next, true
}

// --- Hijri dates ---------------------------------------------------------------------

// hijriMark reads the era mark after a Hijri year: هـ، ه، هجري، هجرية، للهجرة.
func (s *scanner) hijriMark(i int) (int, bool) {
	if i >= len(s.toks) {
		return i, false
	}
	k := s.toks[i].Key
	switch k {
	case "ه", "هـ", "هجري", "هجريه", "للهجره":
		end := i + 1
		if s.punct(end, ".") && k == "ه" {
			end++
		}
		return end, true
	}
	return i, false
}

// hijri: 15 رمضان 1445 هـ، رمضان 1445، الأول من محرم 1446 هجرية. A Hijri
// month needs a year between 1300 and 1500 after it; صفر ("zero") also needs
// the era mark. Converted with the tabular calendar (hijri.go).
func (s *scanner) hijri(i int) (Found, int, bool) {
	start := s.toks[i].Start
	day, j := 0, i
	if d, st, n, ok := s.dayAt(i); ok {
		day, start, j = d, st, n
		if s.isExact(j, "من") {
			j++
		}
	}
	m, ok := s.lex.HijriMonths.Longest(s.toks, j, false)
	if !ok {
		return Found{}, 0, false
	}
	k := j + m.Tokens
	if s.punct(k, "،", ",") {
		k++
	}
	k = s.optionalYearWord(k)
	y, digits, _, ok := s.number(k)
	if !ok || digits < 3 || y < 1300 || y > 1500 {
		return Found{}, 0, false
	}
	end, marked := s.hijriMark(k + 1)
	if m.Value == 2 && !marked {
		return Found{}, 0, false
	}
	first, last := hijriMonthBounds(y, m.Value)
	v := Value{First: first, Last: last, Granularity: "month", Kind: "date", Resolved: true}
	if day > 0 {
		if day > int(last.Sub(first).Hours()/24)+1 {
			return Found{}, 0, false
		}
		t := hijriToGregorian(y, m.Value, day)
		v = Value{First: t, Last: t, Granularity: "day", Kind: "date", Resolved: true}
	} else {
		// a Hijri month straddles two Gregorian months: day bounds
		v.Granularity = "day"
		v.Kind = "range"
	}
	return Found{Span: s.span(start, end), Value: v}, end, true
}

// isNumber reports whether token i holds digits.
func (s *scanner) isNumber(i int) bool {
	_, _, _, ok := s.number(i)
	return ok
}

// nthDay returns the n-th (1-5) weekday wd of a month, or its last one
// when n is lastDay.
func nthDay(y int, m time.Month, wd time.Weekday, n int) (time.Time, bool) {
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	if n == lastDay {
		last := first.AddDate(0, 1, -1)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7)), true
	}
	t := first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
	return t, t.Month() == m
}

// nthMonth reads the month (and year) after an n-th weekday: من شهر آذار،
// في أيلول في سنة 2014، بأيلول بعام 2014، من الشهر القادم، من شهر مارس السنة
// القادمة. Without a year the reference year is taken.
func (s *scanner) nthMonth(j int) (y int, m time.Month, next int, ok bool) {
	if s.isExact(j, "من", "في") {
		j++
	}
	m, y, next, ok = s.monthOf(j, true)
	if !ok {
		mm, found := s.lex.Months.Longest(s.toks, j, true)
		if !found || mm.Peeled == 0 {
			return 0, 0, 0, false
		}
		m, next = time.Month(mm.Value), j+mm.Tokens
	}
	if y != 0 {
		return y, m, next, true
	}
	if yy, end, ok := s.yearAfterMonth(next); ok {
		return yy, m, end, true
	}
	if f, end, ok := s.relativeYear(next); ok && f.Resolved {
		return f.First.Year(), m, end, true
	}
	if s.ref.IsZero() {
		return 0, 0, 0, false
	}
	return s.ref.Year(), m, next, true
}

// nthWeekdayAfter reads what follows a weekday name at k when it counts
// weekdays: الثلاثاء الثالث من شهر أيلول، الاثنين الأخير من شهر آذار.
func (s *scanner) nthWeekdayAfter(start int, wd time.Weekday, k int) (Found, int, bool) {
	n := 0
	j := k
	if s.isExact(k, "اخير") {
		n, j = lastDay, k+1
	} else if w, next, ok := s.dateWord(k, "ordinal", false); ok && w.Value <= 5 && s.toks[k].Stem != "حادي" && s.toks[k].Stem != "حاديه" {
		n, j = w.Value, next
	} else {
		return Found{}, 0, false
	}
	if !s.isExact(j, "من", "في") {
		return Found{}, 0, false
	}
	y, m, next, ok := s.nthMonth(j)
	if !ok {
		return Found{}, 0, false
	}
	t, ok := nthDay(y, m, wd, n)
	if !ok {
		return Found{}, 0, false
	}
	return Found{Span: s.span(start, next), Value: Value{First: t, Last: t, Granularity: "day", Kind: "date", Resolved: true}}, next, true
}

// nthWeekday: أول ثلاثاء من شهر عشرة، ثالث يوم ثلاثاء بأيلول بعام 2014،
// ثاني أربعاء من شهر أكتوبر من عام 2014، آخر اثنين من الشهر القادم.
func (s *scanner) nthWeekday(i int) (Found, int, bool) {
	n, j := 0, i+1
	if s.isExact(i, "اخر") {
		n = lastDay
	} else if w, next, ok := s.dateWord(i, "ordinal", false); ok && w.Value <= 5 && !s.hasArticle(i) {
		n, j = w.Value, next
	} else {
		return Found{}, 0, false
	}
	if s.isExact(j, "يوم") {
		j++
	}
	m, ok := s.lex.Weekdays.Longest(s.toks, j, false)
	if !ok || s.hasArticle(j) {
		return Found{}, 0, false
	}
	y, month, next, ok := s.nthMonth(j + m.Tokens)
	if !ok {
		return Found{}, 0, false
	}
	t, ok := nthDay(y, month, time.Weekday(m.Value), n)
	if !ok {
		return Found{}, 0, false
	}
	kind := "date"
	if next <= j+m.Tokens+2 && !s.isNumber(next-1) {
		kind = "relative"
	}
	return Found{Span: s.span(s.toks[i].Start, next), Value: Value{First: t, Last: t, Granularity: "day", Kind: kind, Resolved: true}}, next, true
}

// periodOrYear reads at token j the first of patterns whose result accept
// takes (nil takes any), else a bare plausible year (2024, not 2024 جنيه):
// the step the part-of-a-period reader (مطلع 2024) and the quarter reader
// (الربع الأول من 2024) share.
func (s *scanner) periodOrYear(j int, accept func(Found) bool, patterns ...func(int) (Found, int, bool)) (Found, int, bool) {
	for _, p := range patterns {
		if f, next, ok := p(j); ok && (accept == nil || accept(f)) {
			return f, next, true
		}
	}
	if y, _, ok := s.year(j); ok && plausibleYear(y) && !s.countedAfter(j+1) {
		return Found{Value: yearValue(y)}, j + 1, true
	}
	return Found{}, 0, false
}
