package dates

import (
	"strings"
	"time"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/textdoc"
)

// This file holds the patterns that combine other dates: ranges between two
// dates (من 2 أكتوبر إلى 22 أكتوبر، بين 4 سبتمبر و8 سبتمبر), a weekday with
// a day of the month and no month (الجمعة 15، الأحد الثاني), a weekday of a
// relative week (الأسبوع المقبل يوم الجمعة) and shares of a year (الربع
// الثالث من عام 2016، النصف الأول من العام الماضي).

// opener returns the token index where a range opened by من or بين (ما بين)
// before token i starts, or i.
func (s *scanner) opener(i int) (int, string) {
	switch {
	case s.isExact(i-1, "من"):
		return i - 1, "من"
	case s.isExact(i-1, "بين"):
		return i - 1, "بين"
	}
	return i, ""
}

// widen starts a range's span at the من or بين before it (the guidelines
// keep them: من 2018 إلى 2023، بين 20 و22 مارس).
func (s *scanner) widen(f Found, i int) Found {
	if o, _ := s.opener(i); o < i && f.joined && s.toks[i].Start == f.Start {
		f.Start = s.toks[o].Start
	}
	return f
}

// joinRange reads a second date after f (which spans tokens i to next) and
// joins the two into one range: من 2 أكتوبر إلى 22 أكتوبر، 12 يناير 2016 -
// 2016/02/22، بين 4 سبتمبر و 8 سبتمبر، 2 أكتوبر حتى بعد غد. Both ends must
// have the same granularity and be in order.
func (s *scanner) joinRange(f Found, i, next int) (Found, int, bool) {
	o, kind := s.opener(i)
	k, joined := s.rangeJoin(next)
	if kind == "بين" {
		switch {
		case next < len(s.toks) && s.toks[next].Key == "و":
			k, joined = next+1, true
		case next < len(s.toks) && strings.HasPrefix(s.toks[next].Key, "و") && !joined:
			k, joined = next, true
		default:
			joined = false
		}
	}
	if !joined || k >= len(s.toks) || !s.canStart(k) {
		return Found{}, 0, false
	}
	g, end, ok := s.at(k)
	if !ok || g.Granularity != f.Granularity || g.Resolved != f.Resolved {
		return Found{}, 0, false
	}
	v := Value{Granularity: f.Granularity, Kind: "range"}
	if f.Kind == "relative" || g.Kind == "relative" {
		v.Kind = "relative"
	}
	if f.Resolved {
		if !f.First.Before(g.First) || g.Last.Before(f.Last) {
			return Found{}, 0, false
		}
		v.First, v.Last, v.Resolved = f.First, g.Last, true
	}
	return Found{Span: textdoc.Span{Start: s.toks[o].Start, End: g.End}, Value: v, joined: true}, end, true
}

// weekdayDay reads a day of the month after a weekday, with no month:
// الجمعة 15، الخميس في الحادي والعشرين، السبت السادس عشر، الأحد الثاني. The
// day must fall on that weekday in the reference month, the month before or
// the month after (in that order). An ordinal up to five that does not
// counts the weekdays of the reference month instead (الأحد الثاني = the
// second Sunday), as the weekday before a full date does.
func (s *scanner) weekdayDay(start int, wd time.Weekday, k int) (Found, int, bool) {
	j := k
	if s.isExact(j, "في") {
		j++
	}
	day, n, digits := 0, 0, false
	if d, _, ok := s.day(j); ok {
		day, n, digits = d, j+1, true
	} else if d, next, ok := s.ordinalDay(j); ok {
		day, n = d, next
	} else {
		return Found{}, 0, false
	}
	if s.isNumber(n) {
		return Found{}, 0, false
	}
	ref := s.ref
	for _, shift := range []int{0, -1, 1} {
		m := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, shift, 0)
		v, ok := dayValue(m.Year(), m.Month(), day)
		if ok && v.First.Weekday() == wd {
			v.Kind = "relative"
			return Found{Span: s.span(start, n), Value: v}, n, true
		}
		if shift == 0 && !digits && day <= 5 {
			if t, ok := nthDay(m.Year(), m.Month(), wd, day); ok {
				v := Value{First: t, Last: t, Granularity: "day", Kind: "relative", Resolved: true}
				return Found{Span: s.span(start, n), Value: v}, n, true
			}
			return Found{}, 0, false
		}
	}
	return Found{}, 0, false
}

// weekThenWeekday: الأسبوع المقبل يوم الجمعة، الأسبوع الماضي الأحد، هذا
// الأسبوع الجمعة (Monday-first weeks, as for الجمعة من الأسبوع المقبل).
func (s *scanner) weekThenWeekday(i int) (Found, int, bool) {
	j, shift := i, 0
	switch {
	case s.is(i, "هذا") && s.isExact(i+1, "اسبوع") && s.hasArticle(i+1):
		j = i + 2
	case s.isExact(i, "اسبوع") && s.hasArticle(i):
		sh, ok := s.shiftAt(i + 1)
		if !ok {
			return Found{}, 0, false
		}
		j, shift = i+2, sh
	default:
		return Found{}, 0, false
	}
	if s.isExact(j, "يوم") {
		j++
	}
	wd, next, ok := s.weekdayAt(j)
	if !ok {
		return Found{}, 0, false
	}
	if s.ref.IsZero() {
		return Found{Span: s.span(s.toks[i].Start, next), Value: unresolved("day")}, next, true
	}
	monday := s.ref.AddDate(0, 0, -((int(s.ref.Weekday()) + 6) % 7))
	t := monday.AddDate(0, 0, 7*shift+(int(wd)+6)%7)
	v := Value{First: t, Last: t, Granularity: "day", Kind: "relative", Resolved: true}
	return Found{Span: s.span(s.toks[i].Start, next), Value: v}, next, true
}

// share: الربع الثالث من عام 2016، الربع الأول 2024، النصف الأول من العام
// الماضي، الربع الأخير من هذا العام. The share is of a year, in months.
func (s *scanner) share(i int) (Found, int, bool) {
	w, j, ok := s.dateWord(i, "share", false)
	if !ok {
		return Found{}, 0, false
	}
	parts := 12 / w.Value
	n := 0
	if s.isExact(j, "اخير") {
		n, j = parts, j+1
	} else if o, next, ok := s.dateWord(j, "ordinal", false); ok && o.Value <= parts && s.hasArticle(j) {
		n, j = o.Value, next
	} else {
		return Found{}, 0, false
	}
	if s.isExact(j, "من") {
		j++
	}
	isYear := func(f Found) bool { return f.Granularity == "year" }
	year, j, found := s.periodOrYear(j, isYear, s.triggeredYear, s.relativeYear)
	if !found {
		return Found{}, 0, false
	}
	v := year.Value
	v.Granularity = "month"
	if v.Resolved {
		first := time.Date(v.First.Year(), time.Month(1+(n-1)*w.Value), 1, 0, 0, 0, 0, time.UTC)
		v.First, v.Last = first, first.AddDate(0, w.Value, -1)
	}
	return Found{Span: s.span(s.toks[i].Start, j), Value: v}, j, true
}

// monthYearNumeric reads 3-2015 and 2015/3 (a month and its year); 3/2015
// is read by numericDate.
func monthYearNumeric(text string) (Value, bool) {
	for _, sep := range []string{"-", "/"} {
		a, b, ok := strings.Cut(text, sep)
		if !ok {
			continue
		}
		if sep == "/" && len(a) == 4 {
			a, b = b, a // 2015/3
		}
		if len(a) > 2 || len(b) != 4 {
			continue
		}
		m, ok1 := arabic.ParseNumber(a)
		y, ok2 := plainYear(b)
		if ok1 && ok2 && m >= 1 && m <= 12 && m == float64(int(m)) && plausibleYear(y) {
			return monthValue(y, time.Month(int(m))), true
		}
	}
	return Value{}, false
}
