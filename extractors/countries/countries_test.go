package countries

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

type want struct{ surface, iso2, kind string }

// TestAmbiguity covers the readings the issue names: each case says which
// country (if any) the form refers to and how the extractor decided.
func TestAmbiguity(t *testing.T) {
	tests := []struct {
		name, text, surface, iso2, kind, by string // iso2 "" = not a country mention
	}{
		{"Oman by its official name", "وصل الوزير إلى سلطنة عمان في زيارة رسمية", "سلطنة عمان", "OM", "official", "unique"},
		{"Oman by vowel marks", "وقّعت عُمان اتفاقية للتعاون في مجال الطاقة", "عُمان", "OM", "name", "diacritics"},
		{"Amman by vowel marks", "عُقد الاجتماع في عمّان بحضور وزراء الخارجية العرب", "عمّان", "JO", "capital", "diacritics"},
		{"Amman after the capital cue", "وصل الوفد إلى العاصمة الأردنية عمان مساء الأحد", "عمان", "JO", "capital", "city_cue"},
		{"bare عمان without context", "وصل الوفد إلى عمان مساء الأحد", "عمان", "", "", ""},
		{"bare عمان with Jordan named", "أكد ملك الأردن خلال لقاء في عمان دعم المبادرة", "عمان", "JO", "capital", "context"},
		{"the sunset prayer", "وبعد صلاة المغرب تجمع المصلون أمام المسجد", "المغرب", "", "", ""},
		{"Morocco", "وقعت المغرب وإسبانيا اتفاقا لمكافحة الهجرة", "المغرب", "MA", "name", "unique"},
		{"Algiers or Algeria, the same country", "أعلنت الجزائر عن خطة لتنويع الاقتصاد", "الجزائر", "DZ", "name", "city_same_as_country"},
		{"Tunis the city", "تظاهر آلاف في العاصمة تونس ضد غلاء الأسعار", "تونس", "TN", "capital", "city_cue"},
		{"Kuwait City by its full name", "افتتح المعرض في مدينة الكويت أمس", "مدينة الكويت", "KW", "capital", "unique"},
		{"Kuwait the country", "وقعت الكويت والعراق مذكرة تفاهم", "الكويت", "KW", "name", "city_same_as_country"},
		{"Georgia the country", "زار رئيس الوزراء جورجيا والتقى رئيسها في تبليسي", "جورجيا", "GE", "name", "unique"},
		{"Georgia the US state, named first", "فاز المرشح في ولاية جورجيا، وقال سكان جورجيا إن الاقتصاد أولويتهم", "جورجيا", "", "", ""},
		{"the Caspian Sea", "تصدير الغاز عبر بحر قزوين إلى أوروبا", "قزوين", "", "", ""},
		{"Qazvin, with Iran named", "وقع زلزال في مدينة قزوين شمال غرب إيران", "قزوين", "IR", "city", "city_cue"},
		{"Qazvin without context", "ارتفعت درجات الحرارة في قزوين أمس", "قزوين", "", "", ""},
		{"a common noun is not a city", "في المنطقة الوسطى من البلاد افتتح مركز جديد", "الوسطى", "", "", ""},
		{"a bank named after a country", "قال محافظ بنك فرنسا المركزي إن التضخم تراجع", "فرنسا", "", "", ""},
		{"Quneitra in Syrian news", "قصفت الطائرات مواقع في القنيطرة جنوب غرب دمشق", "القنيطرة", "SY", "city", "context"},
		{"Kenitra in Moroccan news", "افتتح مصنع جديد للسيارات في القنيطرة شمال الرباط", "القنيطرة", "MA", "city", "context"},
		{"Quneitra or Kenitra without context", "وصل الوفد إلى القنيطرة مساء أمس", "القنيطرة", "", "", ""},
		{"a liberation movement named after its country", "وقال متحدث باسم حركة تحرير السودان إن المفاوضات توقفت", "السودان", "", "", ""},
		{"the news, not Khobar", "وقبل إعلان الخبر رسميا، تداولت الصحف في الرياض أنباء عن الصفقة", "الخبر", "", "", ""},
		{"GUAM, not Guam", "عقدت منظمة غوام اجتماعا لوزراء خارجية الدول الأعضاء", "غوام", "", "", ""},
		{"a postal operator", "أطلق بريد قطر خدمة جديدة للشحن", "قطر", "", "", ""},
		{"a lake named after a country", "تراجعت مياه بحيرة تشاد خلال العقود الماضية", "تشاد", "", "", ""},
		{"an adjective spelt like a name", "وقالت الحكومة السعودية إن الإنتاج سيرتفع", "السعودية", "SA", "adjective", "adjective_position"},
		{"the same word as a name", "وصل الرئيس إلى السعودية في زيارة رسمية", "السعودية", "SA", "short", "unique"},
		{"a name with the article is an adjective", "تأهل اللاعب التشيلي إلى الدور الثاني", "التشيلي", "CL", "adjective", "adjective_position"},
		{"a name written without its article", "توفي الرسام سلفادور دالي عام 1989", "سلفادور", "", "", ""},
		{"a national team", "تأهل منتخب مصر إلى نهائيات كأس العالم", "مصر", "EG", "team", "team_cue"},
		{"a side in a sports report", "وفازت نيجيريا على النيجر 2 - 1 في تصفيات كأس أفريقيا", "نيجيريا", "NG", "team", "sports_context"},
		{"the place of play in a sports report", "وتقام المباراة النهائية في ألمانيا يوم الأحد", "ألمانيا", "DE", "name", "unique"},
		{"a club's country in brackets", "ويلعب ريال مدريد (إسبانيا) مع دينامو كييف (أوكرانيا) في المباراة الخامسة", "إسبانيا", "ES", "name", "unique"},
		{"one weak sports word is not a sports report", "وفازت فرنسا بعضوية مجلس حقوق الإنسان", "فرنسا", "FR", "name", "unique"},
		{"a club named after a city", "وحقق فريق برشلونة فوزه الرابع على التوالي", "برشلونة", "", "", ""},
		{"a club named after a country and one of its cities", "وشارك في البطولة الرجاء والمغرب الفاسي والفتح الرباطي", "المغرب", "", "", ""},
		{"a club named after a country and its own nisba", "وتعادل الريان مع قطر القطري في الدوري", "قطر", "", "", ""},
		{"the nisba after such a club is a mention", "وتعادل الريان مع قطر القطري في الدوري", "القطري", "QA", "adjective", "unique"},
		{"a country with an adjective that is no city's", "وأكد أن المغرب العربي يحتاج إلى تكامل اقتصادي وأن العراق الجديد شريك", "العراق", "IQ", "name", "unique"},
		{"a company named after a country", "وقال المدير العام لشركة قطر للغاز المسال إن الإنتاج ارتفع", "قطر", "", "", ""},
		{"butane, not Bhutan", "ارتفع سعر أسطوانة غاز البوتان في الأسواق", "البوتان", "", "", ""},
		{"Bhutan", "زار وزير الخارجية بوتان الأسبوع الماضي", "بوتان", "BT", "name", "unique"},
		{"New Jersey, not Jersey", "يدرس في جامعة برينستون بولاية نيو جيرسي", "جيرسي", "", "", ""},
		{"Angela, not Anguilla", "التقى بوتين المستشارة الألمانية أنغيلا ميركل", "أنغيلا", "", "", ""},
		{"big, not ك + Beira", "وأثار القرار جدلا كبيرا خلال الأيام الماضية", "بيرا", "", "", ""},
		{"banks, not ب + Nuuk", "وحصلت الشركة على قروض من بنوك محلية ودولية", "نوك", "", "", ""},
		{"Klaus, not ك + Laos", "وقال مؤسس المنتدى كلاوس شواب إن الاقتصاد العالمي يتعافى", "لاوس", "", "", ""},
		{"Laos itself", "انهار سد في منطقة نائية من لاوس", "لاوس", "LA", "name", "unique"},
		{"like Egypt, ك + a country", "حضر ممثلون من عدة بلدان كمصر والأردن", "مصر", "EG", "name", "unique"},
		{"a birthplace, not Muscat", "عاد المطرب إلى مسقط رأسه في الصعيد", "مسقط", "", "", ""},
		{"Muscat", "وصل الوزير إلى مسقط في زيارة رسمية", "مسقط", "OM", "capital", "unique"},
		{"the capital of Oman: a construct names the country", "تقع مسقط عاصمة عمان على بحر العرب", "عمان", "OM", "name", "context"},
		{"floods, not Seoul", "تسببت الأمطار في سيول جارفة في جدة", "سيول", "", "", ""},
		{"Seoul with Korea named", "زار رئيس كوريا الجنوبية سيول بعد عودته", "سيول", "KR", "capital", "context"},
		{"the course of events, not Hungarian women", "تابع الجمهور مجريات المباراة باهتمام", "مجريات", "", "", ""},
		{"the Bernabéu, not Santiago", "سجل هدفين على ملعب سانتياغو برنابيو", "سانتياغو", "", "", ""},
	}
	e := New(resources.Default())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textdoc.New(tt.text, time.Time{})
			var got *Found
			for _, f := range e.Find(d, 0, len(d.Tokens)) {
				if tt.text[f.Span.Start:f.Span.End] == tt.surface {
					got = &f
					break
				}
			}
			if !strings.Contains(tt.text, tt.surface) {
				t.Fatalf("surface %q not in the text", tt.surface)
			}
			switch {
			case tt.iso2 == "" && got != nil:
				t.Errorf("%q read as %s (%s, %s), want no country", tt.surface, got.Entry.Country.ISO2, got.Kind, got.ResolvedBy)
			case tt.iso2 != "" && got == nil:
				t.Errorf("%q not found, want %s", tt.surface, tt.iso2)
			case tt.iso2 != "" && (got.Entry.Country.ISO2 != tt.iso2 || got.Kind != tt.kind || got.ResolvedBy != tt.by):
				t.Errorf("%q = %s %s %s, want %s %s %s", tt.surface, got.Entry.Country.ISO2, got.Kind, got.ResolvedBy, tt.iso2, tt.kind, tt.by)
			}
			if got != nil && !slices.Contains(schemas.ResolvedBy, got.ResolvedBy) {
				t.Errorf("resolved_by %q not allowed", got.ResolvedBy)
			}
		})
	}
}

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
				if surface != w.surface || f.Entry.Country.ISO2 != w.iso2 || (w.kind != "" && f.Kind != w.kind) {
					t.Errorf("mention %d: got %q %s %s, want %+v", i, surface, f.Entry.Country.ISO2, f.Kind, w)
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
