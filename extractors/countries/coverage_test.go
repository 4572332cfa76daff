package countries

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/textdoc"
)

// withClitic attaches a proclitic to a form as Arabic writes it: ل before
// the article elides its alef (ل + الجزائر = للجزائر).
func withClitic(clitic, form string) string {
	if clitic == "ل" && strings.HasPrefix(form, "ال") {
		return "لل" + strings.TrimPrefix(form, "ال")
	}
	return clitic + form
}

// coverageSentences are real sentence frames, one per proclitic; %s is the
// place with the clitic attached.
var coverageSentences = []struct{ clitic, frame string }{
	{"و", "واستقبل الرئيس وزراء خارجية روسيا %s في القصر"},
	{"ب", "وعقد الاجتماع التشاوري الأول %s يوم الأحد الماضي"},
	{"ل", "وأكد الوزير دعم بلاده %s في المحافل الدولية"},
	{"", "وصل الوفد إلى %s صباح اليوم في زيارة رسمية"},
}

// TestCoverage checks that every ISO 3166-1 country of the gazetteer is
// found through its CLDR Arabic name with each proclitic attached, and
// through each of its capitals (the country named in the sentence before
// gives the context a form flagged needs_context requires).
func TestCoverage(t *testing.T) {
	e := New(resources.Default())
	gaz := resources.Default().Gazetteer
	countries := gaz.Countries()
	if len(countries) != 250 {
		t.Fatalf("%d countries, want 250 (249 ISO 3166-1 codes and XK)", len(countries))
	}
	find := func(text, iso2, surface string) bool {
		d := textdoc.New(text, time.Time{})
		for _, f := range e.Find(d, 0, len(d.Tokens)) {
			if f.Entry.Country.ISO2 == iso2 && text[f.Span.Start:f.Span.End] == surface {
				return true
			}
		}
		return false
	}
	capitals := 0
	for _, c := range countries {
		name := cldrForm(gaz, c)
		// A name flagged needs_context (مالي "financial", عمان Oman or Amman,
		// سانت مارتن French or Dutch) counts when the article names the
		// country otherwise: give it its capital in the sentence before.
		before := ""
		if needsContext(gaz, c, name) {
			for _, en := range gaz.Forms(c.ISO2) {
				if en.Kind == "capital" && !en.Has(gazetteer.NeedsContext) {
					before = "وتحدث مسؤول في " + en.Form + " للصحفيين.\n"
					break
				}
			}
		}
		for _, s := range coverageSentences {
			form := withClitic(s.clitic, name)
			surface := name
			if s.clitic == "ل" && strings.HasPrefix(name, "ال") {
				surface = form // ل + ال: no letter of the surface can be cut off
			}
			text := before + strings.Replace(s.frame, "%s", form, 1)
			if !find(text, c.ISO2, surface) {
				t.Errorf("%s: CLDR name %q not found in %q", c.ISO2, name, text)
			}
		}
		for _, en := range gaz.Forms(c.ISO2) {
			if en.Kind != "capital" {
				continue
			}
			capitals++
			// without a clitic, and with و unless that leaves a first word
			// of fewer than three letters, which the clitic peeler keeps
			// whole (ولا باز reads as "and not").
			frames := []string{strings.Replace(coverageSentences[3].frame, "%s", en.Form, 1)}
			if utf8.RuneCountInString(strings.Fields(en.Form)[0]) >= 3 {
				frames = append(frames, strings.Replace(coverageSentences[0].frame, "%s", withClitic("و", en.Form), 1))
			}
			for _, f := range frames {
				text := "تحدث رئيس " + name + " للصحفيين.\n" + f
				if !find(text, c.ISO2, en.Form) {
					t.Errorf("%s: capital %q not found in %q", c.ISO2, en.Form, text)
				}
			}
		}
	}
	if capitals < 240 {
		t.Errorf("only %d capital forms", capitals)
	}
}

// cldrForm is the form of the CLDR name the gazetteer matches: the name as
// CLDR writes it, unless it carries a bracketed qualifier or a dash
// (ميانمار (بورما)، الكونغو - كينشاسا), which news never writes; then the
// gazetteer's short form made from it.
func cldrForm(gaz *gazetteer.Gazetteer, c *gazetteer.Country) string {
	if !strings.ContainsAny(c.NameAR, "()-–") {
		return c.NameAR
	}
	for _, en := range gaz.Forms(c.ISO2) {
		if en.Kind == "short" && strings.Contains(c.NameAR, strings.Fields(en.Form)[0]) {
			return en.Form
		}
	}
	return c.NameAR
}

func needsContext(gaz *gazetteer.Gazetteer, c *gazetteer.Country, form string) bool {
	for _, en := range gaz.Lookup(form) {
		if en.Country == c && en.Has(gazetteer.NeedsContext) && en.Kind != "adjective" {
			return true
		}
	}
	return false
}
