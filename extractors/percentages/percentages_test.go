package percentages

import (
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/textdoc"
)

func TestPercentages(t *testing.T) {
	type want struct {
		surface   string
		value     float64
		qualifier string
	}
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"sign", "مع زيادة قدرها 17% في الاستثمار.", []want{{"17%", 17, "exact"}}},
		{"Arabic sign and digits", "ارتفع التضخم إلى ١٢٫٥٪ في أكتوبر.", []want{{"١٢٫٥٪", 12.5, "exact"}}},
		{"في المئة", "ارتفعت الأسعار بنسبة 70 في المئة خلال العام", []want{{"70 في المئة", 70, "exact"}}},
		{"بالمائة with a qualifier", "نمو يقارب 6 بالمائة سنويا", []want{{"6 بالمائة", 6, "approx"}}},
		{"words", "تراجعت الصادرات بنسبة خمسة وعشرين في المائة", []want{{"خمسة وعشرين في المائة", 25, "exact"}}},
		{"range", "يتراوح النمو بين 20 و30 في المئة", []want{{"20", 20, "exact"}, {"30 في المئة", 30, "exact"}}},
		{"spoken minus sign", "سجل الاقتصاد نموا سالب خمسة بالمئة في الربع الثاني", []want{{"سالب خمسة بالمئة", -5, "exact"}}},
		{"percent-encoding in a link is not a percentage", "للتفاصيل راجع الرابط https://www.example.com/search?q=30%25%2020% وشارك برأيك بنسبة 40%", []want{{"40%", 40, "exact"}}},
		{"money is not a percentage", "بلغت الاستثمارات 10.7 مليار دولار في 2024", nil},
		{"a year is not a percentage", "في عام 2020 وقعت الدول الاتفاقية", nil},
	}
	e := New(resources.Default())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textdoc.New(tt.text, time.Time{})
			var got []want
			for _, f := range e.Find(d) {
				got = append(got, want{tt.text[f.Start:f.End], f.Value, f.Qualifier})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
