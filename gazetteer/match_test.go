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
		{"a word consumed whole, with its conjunction", "وأثار جدلا وكبيرا في موزمبيق", []string{"كبيرا", "موزمبيق"}},
		{"a phrase consumed whole", "عاد إلى مسقط رأسه", []string{"مسقط رأسه"}},
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

func TestIsWord(t *testing.T) {
	g := Default()
	for text, want := range map[string]bool{"كبيرا": true, "وبنوك": true, "مسقط رأسها": true, "مسقط": false, "آسيا الوسطى": false} {
		d := textdoc.New(text, time.Time{})
		ms := g.Scan(d.Tokens, 0, len(d.Tokens))
		if len(ms) != 1 || ms[0].IsWord() != want {
			t.Errorf("%s: matches %v, want one with IsWord %v", text, ms, want)
		}
	}
}
