package pipeline

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/schemas"
)

// FuzzExtractOffsets runs every extractor on arbitrary text and checks that
// every row it produces is valid against its table schema, offsets first:
// text[char_start:char_end] == surface in code points.
func FuzzExtractOffsets(f *testing.F) {
	for _, s := range []string{
		"وبلغت التجارة الإقليمية 10.7 مليار دولار (أكثر من 9.20 مليار يورو) في 9 أغسطس 2024.",
		"توقيع “معاهدة التقاء حدود الدول الثلاث” بين أوزبكستان وقيرغيزستان وطاجيكستان، و“إعلان خجند”",
		"للفترة بين عامي 2026 و2028 وفي دوشنبه ولأفغانستان ١٠٫٧ مليار دولار",
		"مفهوماً جديداً للأمن الإقليمي، هذا العام، العام الماضي، نوفمبر المقبل",
		"e\u0301\u064b\u0640 $5 ٪ «»",
		// texts that end inside a date pattern (a month, a weekday, a Hijri
		// month, a numeric date, an ordinal day): scanners must not read past the end
		"ارتفاعا من 7.5% في ديسمبر",
		"يوم الثلاثاء",
		"15 رمضان",
		"و15/07",
		"الخامس عشر من",
		"القرن",
		"13-15",
		// a document named by a hashtag: a mention inside a token
		"من #الاتفاق_النووي و#رؤية_المملكة_2030 و#_ و#اتفاق_",
		// list items under a signing sentence (the list ends the text), a
		// bullet alone, a place behind a proclitic
		"وقامت الشركات بتوقيع مذكرات:\n-اتفاقية بين أرامكو وشركة\n-اتفاقية بين\n-",
		"مستشفى بالأردن وإعلان الخبر و\"إعلان موقفه\"",
	} {
		f.Add(s)
	}
	res := resources.Default()
	ref := time.Date(2025, 11, 16, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ctx := &schemas.Context{ArticleText: map[string][]rune{ArticleID(text): []rune(text)}}
		for _, r := range ExtractText(text, ref, res) {
			if v := r.Table.Validate(r, ctx); len(v) > 0 {
				t.Fatalf("%s row %v breaks %v", r.Table.Name, r.Map(), v)
			}
		}
	})
}
