package agreements

import (
	"slices"
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

func TestCountedPlaceKey(t *testing.T) {
	e := New(resources.Default())
	tests := []struct {
		name, text           string
		surface, typ, action string
		count                int
		place, key           string
		parties              []string
	}{
		{"counted agreements, no invented name", "وفي ختام الزيارة وقّع البلدان على 27 اتفاقية تعاون في مجالات الطاقة والنقل.",
			"27 اتفاقية تعاون", "agreement", "signed", 27, "", "", []string{}},
		{"counted in words", "وأمس تم توقيع ثلاث اتفاقيات تعاون للتصنيع ودعم المكون المحلي.",
			"ثلاث اتفاقيات تعاون", "agreement", "signed", 3, "", "", []string{}},
		{"a weekday is not a count", "وأعلن المدرب يوم الاثنين قائمة فريقه النهائية بعد أن اعتمدها الاتحاد.",
			"قائمة فريقه النهائية", "list", "adopted", 0, "", "", []string{}},
		{"counted memoranda", "وتشمل الشراكة في قطاع البتروكيماويات توقيع 3 مذكرات تفاهم بين الشركات.",
			"3 مذكرات تفاهم", "memorandum", "signed", 3, "", "", []string{}},
		// an indefinite document is described, not named: no identity across articles
		{"signing place and subject parties", "ووقعت الجزائر والصين في بكين مذكرة تفاهم بشأن التعاون في مجال الطاقة.",
			"مذكرة تفاهم بشأن التعاون في مجال الطاقة", "memorandum", "signed", 0, "بكين", "", []string{"CN", "DZ"}},
		{"a named memorandum has a key", "وتنص مذكرة التفاهم بشأن التعاون في مجال الطاقة على تبادل الخبرات.",
			"مذكرة التفاهم بشأن التعاون في مجال الطاقة", "memorandum", "mentioned", 0, "", "memorandum:مذكره تفاهم بشان تعاون في مجال طاقه", []string{}},
		{"catalogue alias, participle and party after the name", "وانسحبت الولايات المتحدة من الاتفاق النووي الموقع مع إيران عام 2015.",
			"الاتفاق النووي", "agreement", "signed", 0, "", "CAT-JCPOA", []string{"IR"}},
		{"the same concept under another name", "وأصبحت “رؤية آسيا الوسطى 2040” إحدى أهم الوثائق.",
			"رؤية آسيا الوسطى 2040", "vision", "mentioned", 0, "", "CAT-CA2040", []string{}},
		{"a year fused to the name", "واختير القطاع ضمن رؤية المملكة 2030 كأحد القطاعات الواعدة.",
			"رؤية المملكة 2030", "vision", "mentioned", 0, "", "CAT-SAUDI2030", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textdoc.New(tt.text, time.Time{})
			found := e.Find(d)
			if len(found) != 1 {
				var got []string
				for _, f := range found {
					got = append(got, tt.text[f.Start:f.End])
				}
				t.Fatalf("got %q, want one agreement", got)
			}
			f := found[0]
			if s := tt.text[f.Start:f.End]; s != tt.surface || f.Type != tt.typ || f.Action != tt.action || f.Count != tt.count ||
				f.Place != tt.place || f.Key != tt.key || !slices.Equal(f.Parties, tt.parties) {
				t.Errorf("got %q %s %s count=%d place=%q key=%q %v", s, f.Type, f.Action, f.Count, f.Place, f.Key, f.Parties)
			}
		})
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct{ a, b string }{
		{"مفهوم التنمية “آسيا الوسطى – 2040”", "مفهوم التنمية آسيا الوسطى 2040"},
		{"لاتفاق النووي الإيراني", "الاتفاق النووي الايراني"},
		{"الاتفاق_النووي", "الاتفاق النووي"},
		{"إعلان خجند", "اعلان خجند"},
	}
	for _, tt := range tests {
		if NormalizeName(tt.a) != NormalizeName(tt.b) {
			t.Errorf("%q → %q, %q → %q: want equal", tt.a, NormalizeName(tt.a), tt.b, NormalizeName(tt.b))
		}
	}
	if NormalizeName("الاتفاق النووي") == NormalizeName("اتفاق السلام") {
		t.Error("different names normalise alike")
	}
}

func TestBuildCatalog(t *testing.T) {
	e := New(resources.Default())
	texts := []struct {
		id, text string
		pub      time.Time
	}{
		{"a1", "وأصبحت “رؤية آسيا الوسطى 2040” إحدى أهم الوثائق البرامجية، وذلك بعد اعتمادها في قمة أستانا عام 2024.", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"a2", "ويعكس التوقيع على مفهوم التنمية “آسيا الوسطى – 2040” التزاما مشتركا. ووقّع البلدان على 27 اتفاقية تعاون.", time.Date(2024, 8, 9, 0, 0, 0, 0, time.UTC)},
		{"a3", "وأصدر قادة المنطقة بياناً مشتركاً. وقال إن الاتفاق النووي مع إيران كان خطأ.", time.Time{}},
		{"a4", "وأصدر القادة بياناً مشتركاً في ختام القمة.", time.Time{}},
	}
	var articles, rows []schemas.Row
	for _, tt := range texts {
		a := schemas.Articles.NewRow().Set("article_id", tt.id)
		if !tt.pub.IsZero() {
			a.Set("published_date", tt.pub)
		}
		articles = append(articles, a)
		for _, m := range e.Extract(textdoc.New(tt.text, time.Time{})) {
			rows = append(rows, m.Row.Set("article_id", tt.id))
		}
	}
	cat := BuildCatalog(articles, rows)
	reversed := slices.Clone(rows)
	slices.Reverse(reversed)
	if again := BuildCatalog(articles, reversed); len(again) != len(cat) {
		t.Fatalf("order changes the catalogue: %d vs %d rows", len(again), len(cat))
	}
	byKey := map[string]schemas.Row{}
	var keys []string
	for _, r := range cat {
		byKey[r.String("agreement_key")] = r
		keys = append(keys, r.String("agreement_key"))
	}
	if !slices.IsSorted(keys) {
		t.Errorf("keys not sorted: %v", keys)
	}
	// 3 keys: the 2040 concept (two names), the nuclear deal, two distinct joint statements; the counted row has none
	if len(cat) != 4 {
		t.Fatalf("got keys %v, want 4", keys)
	}
	ca := byKey["CAT-CA2040"]
	if ca.Int("article_count") != 2 || len(ca.Get("names").([]string)) != 2 || ca.String("canonical_name_en") == "" || ca.String("type") != "concept" {
		t.Errorf("CA2040 row: %v", ca.Map())
	}
	if d, _ := ca.Get("first_mention").(time.Time); !d.Equal(texts[1].pub) {
		t.Errorf("first_mention %v, want %v", ca.Get("first_mention"), texts[1].pub)
	}
	if got := ca.Get("actions").([]string); !slices.Equal(got, []string{"adopted", "signed"}) {
		t.Errorf("actions %v", got)
	}
	if r := byKey["CAT-JCPOA"]; r.Get("first_mention") != nil || !slices.Contains(r.Get("parties").([]string), "IR") {
		t.Errorf("JCPOA row: %v", r.Map())
	}
	for _, r := range cat {
		if v := schemas.AgreementsCatalog.Validate(r, nil); len(v) > 0 {
			t.Errorf("invalid catalogue row %v: %v", r.Map(), v)
		}
	}
}
