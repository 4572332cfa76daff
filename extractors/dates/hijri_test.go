package dates

import (
	"testing"
	"time"
)

func TestHijriTabular(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string // tabular civil calendar (checked against Reingold & Dershowitz's fixed-from-islamic); Umm al-Qura in the comment
	}{
		{1, 1, 1, "0622-07-19"},     // the epoch
		{1445, 9, 1, "2024-03-11"},  // Umm al-Qura: 2024-03-11
		{1446, 1, 1, "2024-07-08"},  // Umm al-Qura: 2024-07-07 (a day earlier)
		{1444, 10, 1, "2023-04-22"}, // Umm al-Qura: 2023-04-21 (a day earlier)
		{1400, 1, 1, "1979-11-21"},  // Umm al-Qura: 1979-11-21
	}
	for _, tt := range tests {
		got := hijriToGregorian(tt.y, tt.m, tt.d).Format(time.DateOnly)
		if got != tt.want {
			t.Errorf("%d-%02d-%02d AH = %s, want %s", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
	// every month has 29 or 30 days and a year 354 or 355
	for y := 1400; y <= 1460; y++ {
		total := 0
		for m := 1; m <= 12; m++ {
			a, b := hijriMonthBounds(y, m)
			n := int(b.Sub(a).Hours()/24) + 1
			if n != 29 && n != 30 {
				t.Fatalf("%d/%d has %d days", y, m, n)
			}
			total += n
		}
		if total != 354 && total != 355 {
			t.Fatalf("year %d has %d days", y, total)
		}
	}
}
