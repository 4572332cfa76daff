package dates

import "time"

// The Hijri conversion uses the tabular (arithmetic) Islamic calendar, civil
// epoch (1 Muharram 1 AH = Friday 16 July 622 Julian = 19 July 622
// proleptic Gregorian), with the usual 30-year cycle of leap years (2, 5, 7,
// 10, 13, 16, 18, 21, 24, 26, 29). Odd months have 30 days, even months 29,
// and Dhu al-Hijja 30 in a leap year. The Umm al-Qura calendar used in Saudi
// Arabia, and dates fixed by moon sighting, can differ from it by a day or
// two; their tables are not available here, so bounds may be off by that.
var hijriEpoch = time.Date(622, time.July, 19, 0, 0, 0, 0, time.UTC)

// hijriToGregorian returns the Gregorian date of day d of month m of Hijri
// year y (tabular calendar).
func hijriToGregorian(y, m, d int) time.Time {
	days := d - 1 + (59*(m-1)+1)/2 + (y-1)*354 + (3+11*y)/30
	return hijriEpoch.AddDate(0, 0, days)
}

// hijriMonthBounds returns the first and last Gregorian days of Hijri month
// m of year y.
func hijriMonthBounds(y, m int) (time.Time, time.Time) {
	first := hijriToGregorian(y, m, 1)
	next := hijriToGregorian(y, m+1, 1)
	if m == 12 {
		next = hijriToGregorian(y+1, 1, 1)
	}
	return first, next.AddDate(0, 0, -1)
}
