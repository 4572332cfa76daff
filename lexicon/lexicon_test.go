package lexicon

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/khabar-data/khabar/textdoc"
)

// TestNumberAt reads numbers in real sentences, twice: the second pass
// takes the pre-check's answers from its table instead of working them out.
func TestNumberAt(t *testing.T) {
	tests := []struct {
		text string
		want []string // value@text of each number, in order
	}{
		{"بلغت التجارة 10.7 مليار دولار في 2024", []string{"1.07e+10@10.7 مليار", "2024@2024"}},
		{"وقدم خمسة وعشرين مليون يورو وب10 آلاف درهم", []string{"2.5e+07@خمسة وعشرين مليون", "10000@10 آلاف"}},
		{"بلغ العجز سالب 5 بالمئة، أي 1،234،567 ريالا", []string{"-5@سالب 5", "100@المئة", "1.234567e+06@1،234،567"}},
		{"قمة رؤساء دول آسيا الوسطى في طشقند", nil},
	}
	lex := Default()
	for _, tt := range tests {
		d := textdoc.New(tt.text, time.Time{})
		for pass := range 2 {
			var got []string
			for i := 0; i < len(d.Tokens); i++ {
				if m, ok := lex.NumberAt(d.Tokens, i); ok {
					got = append(got, fmt.Sprintf("%g@%s", m.Value, tt.text[m.Start:d.Tokens[m.Next-1].End]))
					i = m.Next - 1
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("pass %d: NumberAt over %q = %q, want %q", pass, tt.text, got, tt.want)
			}
		}
	}
}

// TestOpensNumberKeptPerWord checks that the pre-check kept per word gives
// what working it out gives, for every token of a few sentences.
func TestOpensNumberKeptPerWord(t *testing.T) {
	lex := Default()
	for _, text := range []string{
		"وبلغت قيمة الصفقة نحو ثلاثة مليارات دولار، و-1.2% من الناتج",
		"سالب خمسة، بخمسة، لعشرين، وب10، و١٥ ألفا، فالمليون",
		"وقع الرئيسان اتفاقية الشراكة الاستراتيجية في 9 أغسطس",
	} {
		for pass := range 2 {
			for _, tok := range textdoc.New(text, time.Time{}).Tokens {
				if got, want := lex.opensNumber(tok), lex.canOpenNumber(tok); got != want {
					t.Errorf("pass %d: opensNumber(%q) = %v, worked out %v", pass, tok.Text, got, want)
				}
			}
		}
	}
}

// TestPhrasesAt finds scale and currency phrases with and without peeling
// proclitics, before and after the per-word answers are kept.
func TestPhrasesAt(t *testing.T) {
	lex := Default()
	tests := []struct {
		text string
		peel bool
		want []string // the words of each match starting at a token
	}{
		// دولار matches two rows of currencies.tsv: دولار, and دولاراً
		// (matching keys drop the tanween)
		{"عشرة مليارات دولار أمريكي ومليون يورو", false, []string{"دولار أمريكي", "دولار", "دولار", "يورو"}},
		{"عشرة مليارات دولار أمريكي وبمليون يورو", true, []string{"دولار أمريكي", "دولار", "دولار", "يورو"}},
		{"وقع الاتفاق في طشقند", true, nil},
	}
	for _, tt := range tests {
		d := textdoc.New(tt.text, time.Time{})
		for pass := range 2 {
			var got []string
			for i, tok := range d.Tokens {
				for _, m := range lex.Currencies.At(d.Tokens, i, tt.peel) {
					got = append(got, tt.text[m.Start(tok):d.Tokens[i+m.Tokens-1].End])
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("pass %d: Currencies.At over %q (peel %v) = %q, want %q", pass, tt.text, tt.peel, got, tt.want)
			}
		}
	}
}

// TestFirstIsRangingOverAt checks that First gives the first match of At
// that keep accepts, for date words of each kind and for qualifiers.
func TestFirstIsRangingOverAt(t *testing.T) {
	lex := Default()
	texts := []string{
		"في أواخر العام الماضي ومطلع الشهر المقبل، وبالأمس واليوم",
		"في الحادي والعشرين من الشهر الجاري، بعد ثلاثة أيام من منتصف العقد",
		"بلغت نحو 10 مليارات دولار على الأقل، أي أكثر من حوالي ثلثي الإنفاق",
	}
	for _, text := range texts {
		toks := textdoc.New(text, time.Time{}).Tokens
		for i := range toks {
			for _, peel := range []bool{false, true} {
				for _, kind := range []string{"", "ordinal", "relday", "shift", "part", "decade"} {
					keep := func(m Match[DateWord]) bool { return kind == "" || m.Value.Kind == kind }
					want, wantOK := Match[DateWord]{}, false
					for _, m := range lex.DateWords.At(toks, i, peel) {
						if keep(m) {
							want, wantOK = m, true
							break
						}
					}
					if got, ok := lex.DateWords.First(toks, i, peel, keep); got != want || ok != wantOK {
						t.Errorf("DateWords.First(%q, peel %v, kind %q) = %v %v, want %v %v", toks[i].Text, peel, kind, got, ok, want, wantOK)
					}
				}
				all := lex.Qualifiers.At(toks, i, peel)
				got, ok := lex.Qualifiers.Longest(toks, i, peel)
				if ok != (len(all) > 0) || ok && got != all[0] {
					t.Errorf("Qualifiers.Longest(%q, peel %v) = %v %v, want the first of %v", toks[i].Text, peel, got, ok, all)
				}
			}
		}
	}
}
