package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/textdoc"
)

var englishMonths = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		englishMonths[name] = m
		englishMonths[name[:3]] = m
	}
	englishMonths["sept"] = time.September
}

var (
	// 16th, November 2025 · 16 Nov 2025
	dayMonthYearEN = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?,?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b`)
	// November 16th, 2025 · Nov 16 2025
	monthDayYearEN = regexp.MustCompile(`(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// 2025-11-16
	isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// 16/11/2025 or 16-11-2025 (day first, as Arabic sites write it)
	dmyNumeric = regexp.MustCompile(`\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b`)
)

// ParsePublished reads the publication date from a date line such as
// "تاريخ النشر: 16th, November 2025 GMT", "نشر في 9 أغسطس 2024" or
// "2025-11-16 10:30". It reports false when the line holds no full date.
func (e *Extractor) ParsePublished(line string) (time.Time, bool) {
	ascii := arabic.ASCIIDigits(line)
	if m := isoDate.FindStringSubmatch(ascii); m != nil {
		if t, ok := ymd(m[1], m[2], m[3]); ok {
			return t, true
		}
	}
	if m := dayMonthYearEN.FindStringSubmatch(ascii); m != nil {
		if mon, ok := englishMonths[strings.ToLower(m[2])]; ok {
			if t, ok := ymd(m[3], strconv.Itoa(int(mon)), m[1]); ok {
				return t, true
			}
		}
	}
	if m := monthDayYearEN.FindStringSubmatch(ascii); m != nil {
		if mon, ok := englishMonths[strings.ToLower(m[1])]; ok {
			if t, ok := ymd(m[3], strconv.Itoa(int(mon)), m[2]); ok {
				return t, true
			}
		}
	}
	if m := dmyNumeric.FindStringSubmatch(ascii); m != nil {
		if t, ok := ymd(m[3], m[2], m[1]); ok {
			return t, true
		}
	}
	for _, f := range e.Find(textdoc.New(line, time.Time{})) {
		if f.Resolved && f.Granularity == "day" && f.Kind == "date" {
			return f.First, true
		}
	}
	return time.Time{}, false
}

func ymd(y, m, d string) (time.Time, bool) {
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || mi < 1 || mi > 12 || yi < 1900 || yi > 2200 {
		return time.Time{}, false
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di {
		return time.Time{}, false
	}
	return t, true
}
