package money

import (
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/textdoc"
)

type want struct {
	surface   string
	amount    float64
	currency  string
	qualifier string
}

func TestMoney(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"decimal point and billion", "وبلغت التجارة الإقليمية 10.7 مليار دولار (أكثر من 9.20 مليار يورو)، مع زيادة قدرها 17% في الاستثمار.",
			[]want{{"10.7 مليار دولار", 10700000000, "USD", "exact"}, {"9.20 مليار يورو", 9200000000, "EUR", "more_than"}}},
		{"decimal comma and plural scale", "من 2018 إلى 2023، ارتفع حجم التجارة من 5,7 مليار دولار إلى 10 مليارات دولار.",
			[]want{{"5,7 مليار دولار", 5700000000, "USD", "exact"}, {"10 مليارات دولار", 10000000000, "USD", "exact"}}},
		{"approximation", "تضاعفت التجارة البينية لتصل إلى نحو 11 مليار دولار.",
			[]want{{"11 مليار دولار", 11000000000, "USD", "approx"}}},
		{"reaching is not a bound", "ارتفع الناتج المحلي الإجمالي ليصل إلى 520 مليار دولار.",
			[]want{{"520 مليار دولار", 520000000000, "USD", "exact"}}},
		{"Arabic-Indic digits and separators", "بلغت الاستثمارات ١٠٫٧ مليار دولار و٢٬٥٠٠ يورو",
			[]want{{"١٠٫٧ مليار دولار", 10700000000, "USD", "exact"}, {"٢٬٥٠٠ يورو", 2500, "EUR", "exact"}}},
		{"thousands separator", "خصصت الحكومة 1,800 مليون دولار للمشروع",
			[]want{{"1,800 مليون دولار", 1800000000, "USD", "exact"}}},
		{"dual scale word alone", "وقّعت الشركتان عقدًا بقيمة ملياري دولار.",
			[]want{{"ملياري دولار", 2000000000, "USD", "exact"}}},
		{"scale word alone", "بلغت الاستثمارات أكثر من مليار دولار سنويًا",
			[]want{{"مليار دولار", 1000000000, "USD", "more_than"}}},
		{"symbol", "جمع الصندوق $10 مليون خلال عام",
			[]want{{"$10 مليون", 10000000, "USD", "exact"}}},
		{"qualified currency", "أعلنت الرياض ميزانية قدرها 300 مليون ريال سعودي",
			[]want{{"300 مليون ريال سعودي", 300000000, "SAR", "exact"}}},
		{"bare currency resolved by the article's country", "أعلنت قطر عن استثمارات بقيمة 50 مليون ريال في الدوحة.",
			[]want{{"50 مليون ريال", 50000000, "QAR", "exact"}}},
		{"chained scales", "تقدّر الأصول بنحو 300 ألف مليار روبل",
			[]want{{"300 ألف مليار روبل", 300000000000000, "RUB", "approx"}}},
		{"tenge", "خصصت كازاخستان 500 مليون تنغي لدعم الزراعة",
			[]want{{"500 مليون تنغي", 500000000, "KZT", "exact"}}},
		{"range with the scale after the second figure", "وتتراوح الاستثمارات المطلوبة من 2.4 إلى 7.2 مليار دولار سنويا.",
			[]want{{"2.4", 2400000000, "USD", "exact"}, {"7.2 مليار دولار", 7200000000, "USD", "exact"}}},
		{"range with بين and a glued و", "تقدر الكلفة بين 10 و20 مليون يورو بحسب التقديرات.",
			[]want{{"10", 10000000, "EUR", "exact"}, {"20 مليون يورو", 20000000, "EUR", "exact"}}},
		{"range in one token", "يبلغ سعر التذكرة 10-20 دولار في الموسم.",
			[]want{{"10", 10, "USD", "exact"}, {"20 دولار", 20, "USD", "exact"}}},
		{"number in words", "تبرع رجل الأعمال بثلاثمائة وخمسين ألف دولار للمستشفى.",
			[]want{{"ثلاثمائة وخمسين ألف دولار", 350000, "USD", "exact"}}},
		{"a million and a half", "وبلغت قيمة الصفقة مليون ونصف دولار تقريبا.",
			[]want{{"مليون ونصف دولار", 1500000, "USD", "exact"}}},
		{"a quarter of a billion", "رصدت الحكومة ربع مليار دولار لإعادة الإعمار.",
			[]want{{"ربع مليار دولار", 250000000, "USD", "exact"}}},
		{"plural currency with its country adjective", "دفعت الشركة غرامة قدرها 5 دنانير أردنية فقط.",
			[]want{{"5 دنانير أردنية", 5, "JOD", "exact"}}},
		{"ISO code", "ارتفع سعر السهم إلى 42 KWD في البورصة.",
			[]want{{"42 KWD", 42, "KWD", "exact"}}},
		{"less than", "يبيع المتجر السلعة بأقل من سبعة يورو للقطعة.",
			[]want{{"سبعة يورو", 7, "EUR", "less_than"}}},
		{"at least after the amount", "سيكلف المشروع 3.42 مليار دولار على الأقل حسب الخبراء.",
			[]want{{"3.42 مليار دولار", 3420000000, "USD", "at_least"}}},
		// negatives
		{"population is not money", "يبلغ عدد سكان آسيا الوسطى أكثر من 80 مليون نسمة، وسيتجاوز 100 مليون بحلول عام 2050.", nil},
		{"a percentage is not money", "نمو ثابت يقارب 6% سنويًا وزيادة قدرها 17% في الاستثمار", nil},
		{"a count is not money", "تجاوز عدد المشاريع المشتركة 1800 مشروع، وارتفعت الاستثمارات بمقدار 5.6 مرات.", nil},
		{"a volume is not money", "تبلغ حصة أوزبكستان 20 مليار متر مكعب من المياه", nil},
		{"a percentage in words is not money", "ارتفعت الأسعار بنسبة 70 في المئة خلال العام", nil},
		{"a count in words is not money", "شارك ثلاثمائة وخمسون متطوعا في الحملة", nil},
		{"an ambiguous bare currency with no context is kept without a code", "وبلغت الإيرادات 40 مليون دينار هذا العام",
			[]want{{"40 مليون دينار", 40000000, "", "exact"}}},
	}
	e := New(resources.Default())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textdoc.New(tt.text, time.Time{})
			var got []want
			for _, f := range e.Find(d) {
				got = append(got, want{tt.text[f.Span.Start:f.Span.End], f.Amount, f.Currency, f.Qualifier})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("amount %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestCurrencyResolution: how the code was chosen, and the currency word as
// written, which is all an analyst has when the code is left null.
func TestCurrencyResolution(t *testing.T) {
	tests := []struct {
		name, text         string
		word, code, reason string
	}{
		{"the words name one currency", "خصصت الحكومة 300 مليون ريال سعودي للمشروع.", "ريال سعودي", "SAR", "text"},
		{"a symbol", "ارتفع السعر إلى $45 للبرميل.", "$", "USD", "text"},
		{"the article names one country using it", "أعلنت الكويت ميزانية جديدة، وبلغت الإيرادات 40 مليون دينار.", "دينار", "KWD", "context"},
		{"one reading", "بلغت الاستثمارات 10 مليارات دولار.", "دولار", "USD", "text"},
		{"undecided: two countries use it", "وقعت الكويت والأردن اتفاقًا بقيمة 40 مليون دينار.", "دينار", "", "ambiguous"},
		{"undecided: no country", "وبلغت الإيرادات 65 مليون ريال هذا العام.", "ريال", "", "ambiguous"},
		{"a city when no country is named", "أعلنت بلدية صفاقس أن عجز ميزانيتها بلغ حوالي 8 ملايين دينار.", "دينار", "TND", "context"},
		{"a named country outweighs a city", "زار وفد من الأردن مدينة سوسة ووقع عقدًا بقيمة 5 ملايين دينار.", "دينار", "JOD", "context"},
	}
	e := New(resources.Default())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := e.Find(textdoc.New(tt.text, time.Time{}))
			if len(found) != 1 {
				t.Fatalf("found %d amounts, want 1", len(found))
			}
			f := found[0]
			if w := tt.text[f.Word.Start:f.Word.End]; w != tt.word || f.Currency != tt.code || f.ResolvedBy != tt.reason {
				t.Errorf("word %q code %q by %q, want %q %q %q", w, f.Currency, f.ResolvedBy, tt.word, tt.code, tt.reason)
			}
		})
	}
}

// TestPickCurrencyDefault: a form with several readings, one marked default
// in currencies.tsv (none of the shipped forms is; a user's lexicon may mark
// one), takes the default when the article does not decide.
func TestPickCurrencyDefault(t *testing.T) {
	readings := []lexicon.Currency{{Code: "USD", Countries: []string{"US"}, Default: true}, {Code: "CAD", Countries: []string{"CA"}}}
	for _, c := range []struct {
		named      map[string]evidence
		code, want string
	}{
		{map[string]evidence{}, "USD", "default"},
		{map[string]evidence{"CA": namedCountry}, "CAD", "context"},
		{map[string]evidence{"CA": namedCity}, "CAD", "context"},
		{map[string]evidence{"CA": namedCity, "US": namedCity}, "USD", "default"},
	} {
		code, by := pickCurrency(readings, func() map[string]evidence { return c.named })
		if code != c.code || by != c.want {
			t.Errorf("countries %v: %s by %s, want %s by %s", c.named, code, by, c.code, c.want)
		}
	}
}
