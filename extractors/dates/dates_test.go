package dates

import (
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/textdoc"
)

type want struct {
	surface, iso, kind string
	resolved           bool
}

func find(t *testing.T, text string, ref time.Time) []want {
	t.Helper()
	d := textdoc.New(text, ref)
	var out []want
	for _, f := range New(resources.Default()).Find(d) {
		surface := text[f.Span.Start:f.Span.End]
		out = append(out, want{surface, f.ISO(), f.Kind, f.Resolved})
	}
	return out
}

var published = time.Date(2025, 11, 16, 0, 0, 0, 0, time.UTC)

func TestDates(t *testing.T) {
	tests := []struct {
		name string
		text string
		ref  time.Time
		want []want
	}{
		{"day month year", "انعقد الاجتماع التشاوري السادس لرؤساء دول آسيا الوسطى في 9 أغسطس 2024 بقيادة رئيس كازاخستان.", time.Time{},
			[]want{{"9 أغسطس 2024", "2024-08-09", "date", true}}},
		{"month year", "إلى جانب “إعلان خجند” في مارس 2025، حدثًا ذا أهمية تاريخية.", time.Time{},
			[]want{{"مارس 2025", "2025-03", "date", true}}},
		{"two names of a month, the first of two words", "ووقع البلدان اتفاق إعادة اللاجئين في تشرين الثاني/نوفمبر 2017.", time.Time{},
			[]want{{"تشرين الثاني/نوفمبر 2017", "2017-11", "date", true}}},
		{"two names of a month, the second of two words", "وأعلنت الحكومة الخطة في 12 أكتوبر/تشرين الأول 2017 في دمشق.", time.Time{},
			[]want{{"12 أكتوبر/تشرين الأول 2017", "2017-10-12", "date", true}}},
		{"year with its noun", "وشكّل عام 2017 نقطة تحوّل مهمة في تاريخ التعاون الإقليمي.", time.Time{},
			[]want{{"عام 2017", "2017", "date", true}}},
		{"bare year after a preposition", "تتبنى رؤية استراتيجية للأمن والتنمية حتى 2035", time.Time{},
			[]want{{"2035", "2035", "date", true}}},
		{"year with a glued preposition", "وعقد الاجتماع الخامس في دوشانبي عام 2023، وفي 2022 عقد الرابع.", time.Time{},
			[]want{{"عام 2023", "2023", "date", true}, {"2022", "2022", "date", true}}},
		{"year range with a hyphen", "عقد مقترح للاستخدام الرشيد للمياه (2026-2036) ومركز إقليمي.", time.Time{},
			[]want{{"2026-2036", "2026/2036", "range", true}}},
		{"year range with an en dash", "خطة العمل لتنمية التعاون الصناعي 2025–2027، التي أقرّتها دول المنطقة", time.Time{},
			[]want{{"2025–2027", "2025/2027", "range", true}}},
		{"year range in words", "قائمة بالمخاطر الأمنية للفترة بين عامي 2026 و2028، في خطوة مهمة", time.Time{},
			[]want{{"بين عامي 2026 و2028", "2026/2028", "range", true}}},
		{"from … to", "من 2018 إلى 2023، ارتفع حجم التجارة.", time.Time{},
			[]want{{"من 2018 إلى 2023", "2018/2023", "range", true}}},
		{"Arabic-Indic digits", "وقعت الاتفاقية في ١٥ مارس ٢٠٢٤ في طشقند", time.Time{},
			[]want{{"١٥ مارس ٢٠٢٤", "2024-03-15", "date", true}}},
		{"Levantine month", "صدر القرار في كانون الثاني 2024 بعد مشاورات", time.Time{},
			[]want{{"كانون الثاني 2024", "2024-01", "date", true}}},
		{"day range", "تعقد القمة بين 20 و22 مارس 2023 في أستانا", time.Time{},
			[]want{{"بين 20 و22 مارس 2023", "2023-03-20/2023-03-22", "range", true}}},
		{"relative year with a reference", "تعاونت C5 استراتيجيًا مع دول الخليج العام الماضي.", published,
			[]want{{"العام الماضي", "2024", "relative", true}}},
		{"relative year without a reference", "وقد عُقدت هذا العام فقط قمم بصيغ عدة.", time.Time{},
			[]want{{"هذا العام", "", "relative", false}}},
		{"relative month, next", "نتطلع إلى الاجتماع مرة أخرى في باكو في نوفمبر المقبل.", time.Date(2024, 8, 9, 0, 0, 0, 0, time.UTC),
			[]want{{"نوفمبر المقبل", "2024-11", "relative", true}}},
		{"month after شهر", "وكان المنتدى الذي عُقد في شهر أكتوبر دليلًا واضحًا", published,
			[]want{{"شهر أكتوبر", "2025-10", "relative", true}}},
		{"bare year after في", "وأعلنت الحكومة في 2022 عن خطة لتطوير الموانئ", time.Time{},
			[]want{{"2022", "2022", "date", true}}},
		{"quarter of a year", "ونما الناتج المحلي الإجمالي بنسبة 2% في الربع الثالث من عام 2016 مقارنة بالفترة نفسها", time.Time{},
			[]want{{"الربع الثالث من عام 2016", "2016-07/2016-09", "date", true}}},
		{"half of a relative year", "تراجعت الصادرات خلال النصف الأول من العام الماضي", published,
			[]want{{"النصف الأول من العام الماضي", "2024-01/2024-06", "relative", true}}},
		{"month of a relative year", "وكان الاتفاق قد وُقّع في مارس من العام الماضي في طشقند", published,
			[]want{{"مارس من العام الماضي", "2024-03", "relative", true}}},
		{"weekday, comma, date", "طشقند، الأربعاء، 22 يناير 2025 - افتتح الرئيس المنتدى", time.Time{},
			[]want{{"الأربعاء، 22 يناير 2025", "2025-01-22", "date", true}}},
		{"from … to with two full dates", "يستمر المعرض من 2 أكتوبر إلى 22 أكتوبر 2024 في أستانا", time.Time{},
			[]want{{"من 2 أكتوبر إلى 22 أكتوبر 2024", "2024-10-02/2024-10-22", "range", true}}},
		{"between two days with a separate و", "تعقد الدورة بين 3 و 12 سبتمبر 2024 في باكو", time.Time{},
			[]want{{"بين 3 و 12 سبتمبر 2024", "2024-09-03/2024-09-12", "range", true}}},
		{"range of a written and a numeric date", "تسري الهدنة من 12 يناير 2016 حتى 2016/02/22 وفق الاتفاق", time.Time{},
			[]want{{"من 12 يناير 2016 حتى 2016/02/22", "2016-01-12/2016-02-22", "range", true}}},
		{"yesterday with a proclitic", "وقال الوزير بالأمس إن المفاوضات مستمرة", published,
			[]want{{"الأمس", "2025-11-15", "relative", true}}},
		{"weekday with a day of the month", "وصل الوفد إلى طشقند يوم الجمعة 14 في زيارة رسمية", published,
			[]want{{"يوم الجمعة 14", "2025-11-14", "relative", true}}},
		{"weekday with an ordinal that is not its day", "تبدأ الاجتماعات يوم الخميس الأول", published,
			[]want{{"يوم الخميس الأول", "2025-11-06", "relative", true}}},
		{"weekday of a relative week", "يزور الرئيس باكو الأسبوع المقبل يوم الجمعة", published,
			[]want{{"الأسبوع المقبل يوم الجمعة", "2025-11-21", "relative", true}}},
		{"numeric month and year", "بموجب التعميم الصادر في 2015/3 عن البنك المركزي", time.Time{},
			[]want{{"2015/3", "2015-03", "date", true}}},
		// negatives
		{"a weekday and a number that is not its day", "عقد المجلس يوم الجمعة 13 اجتماعًا", published,
			[]want{{"يوم الجمعة", "2025-11-14", "relative", true}}},
		{"an age is not a date", "لا يتجاوز متوسط أعمار سكانها 29 عامًا.", time.Time{}, nil},
		{"a duration is not a date", "فخلال السنوات الثماني الماضية ارتفع الناتج بنحو ضعفين، ومنذ عامين تضاعف.", time.Time{}, nil},
		{"a percentage is not a year", "تجاوزت نسبة السياحة البينية 80% من إجمالي الحركة في 2020 %.", time.Time{}, nil},
		{"a count is not a year", "تجاوز عدد المشاريع المشتركة 1800 مشروع في 2000 مليون حالة.", time.Time{}, nil},
		{"an ordinal is not a date", "خلال الدورة الـ72 للجمعية العامة للأمم المتحدة", time.Time{}, nil},
		{"مارس the verb", "مارس الرئيس ضغوطًا كبيرة على الحكومة", time.Time{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, tt.text, tt.ref)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d dates %v, want %d %v", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("date %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParsePublished(t *testing.T) {
	e := New(resources.Default())
	tests := []struct {
		line string
		want string
	}{
		{"16th, November 2025 GMT", "2025-11-16"},
		{"November 16, 2025", "2025-11-16"},
		{"2025-11-16 10:30", "2025-11-16"},
		{"16/11/2025", "2025-11-16"},
		{"الأحد 9 أغسطس 2024 - 10:15", "2024-08-09"},
		{"٩ أغسطس ٢٠٢٤", "2024-08-09"},
		{"منذ ساعتين", ""},
		{"31 February 2024", ""},
	}
	for _, tt := range tests {
		got, ok := e.ParsePublished(tt.line)
		if tt.want == "" {
			if ok {
				t.Errorf("ParsePublished(%q) = %s, want no date", tt.line, got.Format(time.DateOnly))
			}
			continue
		}
		if !ok || got.Format(time.DateOnly) != tt.want {
			t.Errorf("ParsePublished(%q) = %v %v, want %s", tt.line, got, ok, tt.want)
		}
	}
}

func TestValueISO(t *testing.T) {
	v := yearRangeValue(2026, 2028)
	if v.First != time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) || v.Last != time.Date(2028, 12, 31, 0, 0, 0, 0, time.UTC) {
		t.Errorf("2026-2028 bounds: %v – %v", v.First, v.Last)
	}
	m := monthValue(2025, time.March)
	if m.Last.Day() != 31 || m.ISO() != "2025-03" {
		t.Errorf("March 2025: %v %s", m.Last, m.ISO())
	}
	if feb := monthValue(2024, time.February); feb.Last.Day() != 29 {
		t.Errorf("February 2024 ends on %d", feb.Last.Day())
	}
}

// TestScannerNumber reads integers with and without a glued proclitic.
func TestScannerNumber(t *testing.T) {
	e := New(resources.Default())
	tests := []struct {
		word             string
		n, digits, start int
		ok               bool
	}{
		{"2028", 2028, 4, 0, true},
		{"و2028", 2028, 4, len("و"), true},
		{"ب15", 15, 2, len("ب"), true},
		{"و٢٠٢٨", 2028, 4, len("و"), true},
		{"و", 0, 0, 0, false},
		{"والعام", 0, 0, 0, false},
		{"ك15", 0, 0, 0, false}, // not a proclitic of numbers
		{"و15أ", 0, 0, 0, false},
	}
	for _, tt := range tests {
		s := scanner{lex: e.lex, opens: e.opens, toks: textdoc.New(tt.word, time.Time{}).Tokens}
		n, digits, start, ok := s.number(0)
		if n != tt.n || digits != tt.digits || start != tt.start || ok != tt.ok {
			t.Errorf("number(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", tt.word, n, digits, start, ok, tt.n, tt.digits, tt.start, tt.ok)
		}
	}
}
