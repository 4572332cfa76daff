package countries

import (
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/textdoc"
)

func TestSportsSentence(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"وفازت نيجيريا على النيجر 2 - 1", true},                    // a score
		{"سجل روني هدفين لإنجلترا في مرمى أندورا", true},            // strong words
		{"وحققت هولندا فوزا ضعيفا في المجموعة الرابعة", true},       // two weak words
		{"وانتهى الشوط الأول بالتعادل", true},                       // الشوط with its article
		{"وفاز الحزب الحاكم بأغلبية المقاعد", false},                // one weak word
		{"وأكد الوزير أن الهدف من الزيارة تعزيز التعاون", false},    // هدف as "aim"
		{"ارتفع عدد السكان من 1 - 2 مليون إلى ثلاثة ملايين", false}, // a range before a scale word
		{"وتراوحت نسبة النمو بين 5 - 10 % في المنطقة", false},       // a range before a percent sign
		{"واستقبل الرئيس ضيفه الكبير في القصر", false},              // ضيف alone
	}
	e := New(resources.Default())
	// twice: the second pass takes maybeSports's answers from its table
	for k, tt := range append(tests, tests...) {
		d := textdoc.New(tt.text, time.Time{})
		if got := e.SportsSentence(d.Tokens, 0, len(d.Tokens)); got != tt.want {
			t.Errorf("pass %d: SportsSentence(%q) = %v, want %v", k/len(tests), tt.text, got, tt.want)
		}
	}
}
