package dates

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/internal/peer"
	"github.com/khabar-data/khabar/textdoc"
)

type ducklingPoint struct {
	Value string `json:"value"`
	Grain string `json:"grain"`
}

type ducklingTime struct {
	Type    string         `json:"type"`
	Value   string         `json:"value"`
	Grain   string         `json:"grain"`
	From    *ducklingPoint `json:"from"`
	To      *ducklingPoint `json:"to"`
	Holiday string         `json:"holidayBeta"`
	NoMatch []string       `json:"no_match_for_dimensions"`
}

// bounds turns a Duckling point into inclusive first/last days.
func bounds(p ducklingPoint) (time.Time, time.Time, bool) {
	if len(p.Value) < 10 {
		return time.Time{}, time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, p.Value[:10])
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	switch p.Grain {
	case "day":
		return d, d, true
	case "month":
		return d, d.AddDate(0, 1, -1), true
	case "year":
		return d, d.AddDate(1, 0, -1), true
	}
	return time.Time{}, time.Time{}, false
}

var mmYYYY = regexp.MustCompile(`^\d{1,2}/\d{4}$`)

func partOfMonth(s string) bool {
	for _, w := range []string{"منتصف", "نص ", "نصف", "بداية"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func isClock(g string) bool { return g == "hour" || g == "minute" || g == "second" }

// TestPeerDucklingTime runs Duckling's Arabic Time corpus (reference time
// 2013-02-12) through the dates extractor.
func TestPeerDucklingTime(t *testing.T) {
	dir := peer.Dir(t)
	e := New(resources.Default())
	// Duckling resolves a bare weekday forward; so does the extractor when
	// asked (the news default is backward: see Extractor.ForwardWeekdays)
	e.ForwardWeekdays = true
	ref := time.Date(2013, 2, 12, 0, 0, 0, 0, time.UTC)
	score := peer.NewScore()
	const dim = "duckling/time"
	for _, c := range peer.Load(t, dir, "duckling-ar/time.jsonl") {
		var exp ducklingTime
		if err := json.Unmarshal(c.Expected, &exp); err != nil {
			t.Fatal(err)
		}
		got := e.Find(textdoc.New(c.Input, ref))
		if c.Polarity == "negative" {
			if len(got) == 0 {
				score.Pass(dim)
			} else {
				score.Fail(dim, fmt.Sprintf("%s %q: false alarm %+v", c.ID, c.Input, got))
			}
			continue
		}
		grain := exp.Grain
		if exp.From != nil {
			grain = exp.From.Grain
		}
		switch {
		case exp.Holiday != "":
			score.Skip(dim, "holiday", "named holidays and feasts (عيد الفطر، رمضان 2019، الكريسماس) are not extracted as dates")
			continue
		case isClock(grain):
			score.Skip(dim, "clock_time", "times of day are out of scope: the dates table's granularity is day, month or year")
			continue
		case exp.Type == "value" && grain == "day" && partOfMonth(c.Input):
			score.Skip(dim, "part_of_month", "منتصف / نص / بداية + a month is a third of the month here (11-20, 1-10), not Duckling's single day")
			continue
		case exp.Type == "value" && grain == "day" && mmYYYY.MatchString(c.Input):
			score.Skip(dim, "mm_yyyy", "Duckling reads 2/2013 as the first day (flagged in ../shared/peer/README.md); it is the month here")
			continue
		case grain == "week":
			score.Skip(dim, "week", "the dates table has no week granularity (الأسبوع الماضي)")
			continue
		case strings.Contains(c.Input, "اليوم") && !strings.Contains(c.Input, "من") && exp.Type == "value" && exp.Value[:10] == "2013-02-12":
			score.Skip(dim, "today_word", "اليوم is read as 'nowadays' in news, never as the reference date (a false alarm go-dateparser makes)")
			continue
		}
		var first, last time.Time
		var ok bool
		if exp.Type == "value" {
			first, last, ok = bounds(ducklingPoint{exp.Value, exp.Grain})
		} else if exp.From != nil && exp.To != nil {
			var l time.Time
			first, _, ok = bounds(*exp.From)
			to, _, ok2 := bounds(*exp.To)
			ok = ok && ok2
			l = to.AddDate(0, 0, -1) // Duckling intervals end after the last day
			last = l
		}
		if !ok {
			t.Fatalf("%s: cannot read expected %s", c.ID, c.Expected)
		}
		pass := false
		for _, f := range got {
			if f.Resolved && f.First.Equal(first) && f.Last.Equal(last) {
				pass = true
			}
		}
		if pass {
			score.Pass(dim)
		} else {
			var desc []string
			for _, f := range got {
				desc = append(desc, c.Input[f.Start:f.End]+"="+f.ISO())
			}
			score.Fail(dim, fmt.Sprintf("%s %q: want %s/%s, got %v", c.ID, c.Input, first.Format(time.DateOnly), last.Format(time.DateOnly), desc))
		}
	}
	score.Report(t)
	score.Floor(t, dim, ducklingTimeFloor)
}

// ducklingTimeFloor is set from the measured rate (see README): it guards
// against regressions (measured 93/97 = 95.9% of the applicable cases).
const ducklingTimeFloor = 0.93
