package countries

import (
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/textdoc"
)

type want struct{ surface, iso2, kind string }

func TestCountries(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"names with clitics", "وأشاد زعماء أوزبكستان وأذربيجان وكازاخستان بالقرار",
			[]want{{"أوزبكستان", "UZ", "name"}, {"أذربيجان", "AZ", "name"}, {"كازاخستان", "KZ", "name"}}},
		{"both spellings of Kyrgyzstan", "حضره رؤساء قرغيزستان وقيرغيزستان",
			[]want{{"قرغيزستان", "KG", ""}, {"قيرغيزستان", "KG", "name"}}},
		{"preposition clitic", "والطريق العابر لأفغانستان ودعم مشاركة أفغانستان",
			[]want{{"أفغانستان", "AF", "name"}, {"أفغانستان", "AF", "name"}}},
		{"adjectives", "قدم الرئيس الأوزبكستاني كلمة، ودعا الرئيس الكازاخستاني والأراضي الأذربيجانية",
			[]want{{"الأوزبكستاني", "UZ", "adjective"}, {"الكازاخستاني", "KZ", "adjective"}, {"الأذربيجانية", "AZ", "adjective"}}},
		{"capitals", "القمة المقبلة في طشقند، ومركز للذكاء الاصطناعي في دوشنبه، والاتفاق بين طشقند وبشكيك",
			[]want{{"طشقند", "UZ", "capital"}, {"دوشنبه", "TJ", ""}, {"طشقند", "UZ", "capital"}, {"بشكيك", "KG", "capital"}}},
		{"other spelling of Dushanbe", "الاجتماع التشاوري الخامس الذي عُقد في دوشانبي عام 2023",
			[]want{{"دوشانبي", "TJ", ""}}},
		{"multi-word names, longest first", "وآسيا الوسطى – الولايات المتحدة، والمملكة العربية السعودية",
			[]want{{"الولايات المتحدة", "US", ""}, {"المملكة العربية السعودية", "SA", ""}}},
		// negatives
		{"a region is not a country", "تدخل آسيا الوسطى مرحلة جديدة ويدخل جنوب القوقاز في إطار التعاون", nil},
		{"a sea is not a country", "مساحة أوسع من الاتصال من بحر قزوين إلى الأسواق العالمية", nil},
		{"an organisation is not a country", "ترشيح لعضوية مجلس الأمن التابع للأمم المتحدة ودول مجلس التعاون الخليجي", nil},
		{"a country name inside a longer word", "في صحيفة “كازاخستانسكايا برافدا”", nil},
	}
	e := New(resources.Default())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textdoc.New(tt.text, time.Time{})
			found := e.Find(d, 0, len(d.Tokens))
			if len(found) != len(tt.want) {
				var got []string
				for _, f := range found {
					got = append(got, tt.text[f.Span.Start:f.Span.End]+"→"+f.Entry.Country.ISO2)
				}
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i, f := range found {
				w := tt.want[i]
				surface := tt.text[f.Span.Start:f.Span.End]
				if surface != w.surface || f.Entry.Country.ISO2 != w.iso2 || (w.kind != "" && f.Entry.Kind != w.kind) {
					t.Errorf("mention %d: got %q %s %s, want %+v", i, surface, f.Entry.Country.ISO2, f.Entry.Kind, w)
				}
				if f.Confidence <= 0 || f.Confidence > 1 {
					t.Errorf("confidence %v", f.Confidence)
				}
			}
		})
	}
}

func TestExtractRows(t *testing.T) {
	d := textdoc.New("وصل الوفد إلى قرغيزستان", time.Time{})
	ms := New(resources.Default()).Extract(d)
	if len(ms) != 1 {
		t.Fatalf("got %d mentions", len(ms))
	}
	r := ms[0].Row
	for col, want := range map[string]string{"iso2": "KG", "iso3": "KGZ", "name_en": "Kyrgyzstan"} {
		if got := r.String(col); got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
}
