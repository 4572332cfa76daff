package gazetteer

import (
	"testing"
	"time"

	"github.com/khabar-data/khabar/textdoc"
)

func TestScan(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // surfaces found, in order
	}{
		{"clitics peeled, span after them", "وأشاد زعماء وأوزبكستان بالقرار", []string{"أوزبكستان"}},
		{"longest match first", "انضمت جمهورية الكونغو الديمقراطية إلى المنظمة", []string{"جمهورية الكونغو الديمقراطية"}},
		{"a region is consumed whole", "تدخل آسيا الوسطى مرحلة جديدة", []string{"آسيا الوسطى"}},
		{"a form with the article needs it in the text", "التقى رياض سلامة مسؤولين في الرياض", []string{"الرياض"}},
		{"the article elided after ل", "وأكد دعمه للسودان ولليمن", []string{"للسودان", "لليمن"}},
		{"a two-letter first word", "وصل الوفد إلى لا باز عاصمة بوليفيا", []string{"لا باز", "بوليفيا"}},
	}
	g := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textdoc.New(tt.text, time.Time{})
			ms := g.Scan(d.Tokens, 0, len(d.Tokens))
			var got []string
			for _, m := range ms {
				got = append(got, tt.text[m.Start:m.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("match %d: %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestWordHasArticle(t *testing.T) {
	for w, want := range map[string]bool{"الرياض": true, "ٱلقدس": true, "ألمانيا": false, "الـهند": true, "رياض": false, "الم": false} {
		if got := WordHasArticle(w); got != want {
			t.Errorf("WordHasArticle(%q) = %v, want %v", w, got, want)
		}
	}
}
