package arabic_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/textdoc"
)

// TestNumberAtSentences reads numbers in real sentences with the one number
// parser, as money and percentages do.
func TestNumberAtSentences(t *testing.T) {
	lex := lexicon.Default()
	tests := []struct {
		text, at, surface string
		want              float64
	}{
		{"وبلغ عدد السكان ١،٢٣٤،٥٦٧ نسمة وفق آخر تعداد", "١", "١،٢٣٤،٥٦٧", 1234567},
		{"وصلت الصادرات إلى 12،220,13 مليون دولار العام الماضي", "12", "12،220,13 مليون", 12220.13e6},
		{"انخفضت درجة الحرارة إلى سالب 5 درجات مئوية ليلة أمس", "سالب", "سالب 5", -5},
		{"سجل الاقتصاد نموا سالب خمسة بالمئة", "سالب", "سالب خمسة", -5},
		{"وصوّت ثلثان من أعضاء البرلمان لصالح القانون", "ثلثان", "ثلثان", 2.0 / 3},
		// a comma and a space end a figure: two numbers
		{"تراجع عدد الزوار إلى 2020، 300 زائر فقط", "2020", "2020", 2020},
	}
	for _, tt := range tests {
		d := textdoc.New(tt.text, time.Time{})
		i := -1
		for k, tok := range d.Tokens {
			if strings.HasPrefix(tok.Text, tt.at) {
				i = k
				break
			}
		}
		if i < 0 {
			t.Fatalf("%q: no token %q", tt.text, tt.at)
		}
		n, ok := lex.NumberAt(d.Tokens, i)
		if !ok {
			t.Errorf("%q: no number at %q", tt.text, tt.at)
			continue
		}
		surface := tt.text[n.Start:d.Tokens[n.Next-1].End]
		if surface != tt.surface || math.Abs(n.Value-tt.want) > 1e-6*math.Max(1, math.Abs(tt.want)) {
			t.Errorf("%q: got %q = %v, want %q = %v", tt.text, surface, n.Value, tt.surface, tt.want)
		}
	}
	// سالب alone is not a number
	d := textdoc.New("كان الأثر سالب على الاقتصاد", time.Time{})
	for i := range d.Tokens {
		if n, ok := lex.NumberAt(d.Tokens, i); ok {
			t.Errorf("سالب alone: got %v at %q", n.Value, d.Tokens[i].Text)
		}
	}
}
