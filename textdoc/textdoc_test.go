package textdoc

import (
	"slices"
	"strings"

	"github.com/jdkato/prose/v2"
	"testing"
	"time"
	"unicode/utf8"
)

func tokenTexts(d *Document) []string {
	var out []string
	for _, t := range d.Tokens {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenizeArabicPunctuation(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"وعقد الاجتماع في طشقند، وحضره رؤساء كازاخستان.",
			[]string{"وعقد", "الاجتماع", "في", "طشقند", "،", "وحضره", "رؤساء", "كازاخستان", "."}},
		{"بلغت التجارة 10.7 مليار دولار (أكثر من 9.20 مليار يورو)، مع زيادة قدرها 17% في الاستثمار",
			[]string{"بلغت", "التجارة", "10.7", "مليار", "دولار", "(", "أكثر", "من", "9.20", "مليار", "يورو", ")", "،", "مع", "زيادة", "قدرها", "17", "%", "في", "الاستثمار"}},
		{"توقيع “معاهدة التقاء حدود الدول الثلاث” بين أوزبكستان",
			[]string{"توقيع", "“", "معاهدة", "التقاء", "حدود", "الدول", "الثلاث", "”", "بين", "أوزبكستان"}},
		{"محطتَي “يافان” و”فنداريا” الكهرومائيتين",
			[]string{"محطتَي", "“", "يافان", "”", "و", "”", "فنداريا", "”", "الكهرومائيتين"}},
		{"رؤساء دول «آسيا الوسطى» للفترة 2027-2028؟",
			[]string{"رؤساء", "دول", "«", "آسيا", "الوسطى", "»", "للفترة", "2027-2028", "؟"}},
		{"من 5,7 مليار دولار إلى 10 مليارات دولار.",
			[]string{"من", "5,7", "مليار", "دولار", "إلى", "10", "مليارات", "دولار", "."}},
	}
	for _, tt := range tests {
		d := New(tt.text, time.Time{})
		if got := tokenTexts(d); !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
		for _, tok := range d.Tokens {
			if tt.text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q does not slice its text: %q", tok.Text, tt.text[tok.Start:tok.End])
			}
		}
	}
}

func TestSegment(t *testing.T) {
	text := "سبعة مقترحات لرئيس أوزبكستان\nكما ركز اجتماع طشقند على التعاون. وبلغت التجارة 10.7 مليار دولار! هل تتوسع؟ نعم"
	d := New(text, time.Time{})
	var got []string
	for _, s := range d.Sentences {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{
		"سبعة مقترحات لرئيس أوزبكستان",
		"كما ركز اجتماع طشقند على التعاون.",
		"وبلغت التجارة 10.7 مليار دولار!",
		"هل تتوسع؟",
		"نعم",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Segment:\n got %q\nwant %q", got, want)
	}
	if i := d.SentenceIndex(len(text) - 1); i != 4 {
		t.Errorf("SentenceIndex(last byte) = %d, want 4", i)
	}
}

func TestRuneOffset(t *testing.T) {
	text := "في 9 أغسطس 2024"
	d := New(text, time.Time{})
	for _, tok := range d.Tokens {
		rs, re := d.RuneOffset(tok.Start), d.RuneOffset(tok.End)
		if got := string([]rune(text)[rs:re]); got != tok.Text {
			t.Errorf("runes[%d:%d] = %q, want %q", rs, re, got, tok.Text)
		}
	}
	if d.RuneOffset(len(text)) != utf8.RuneCountInString(text) {
		t.Errorf("RuneOffset(len) = %d", d.RuneOffset(len(text)))
	}
}

// FuzzTokenize checks the offset contract on arbitrary input: every token
// slices the text exactly, tokens are ordered and disjoint, and code-point
// offsets round-trip.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"وعقد الاجتماع في طشقند، وحضره", "“إعلان خجند” في مارس 2025", "a\u0301 ١٠٫٧ مليار", "\n\n..؟؟", "(2026-2036)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d := New(text, time.Time{})
		runes := []rune(text)
		prev := 0
		for _, tok := range d.Tokens {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("bad token span %d-%d after %d", tok.Start, tok.End, prev)
			}
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q != text %q", tok.Text, text[tok.Start:tok.End])
			}
			if string(runes[d.RuneOffset(tok.Start):d.RuneOffset(tok.End)]) != tok.Text {
				t.Fatalf("rune offsets do not slice %q", tok.Text)
			}
			prev = tok.End
		}
		for _, s := range d.Sentences {
			if s.Start >= s.End || s.End > len(text) {
				t.Fatalf("bad sentence %v", s)
			}
		}
	})
}

// TestFastPathMatchesProse checks that sentences without Latin script,
// tokenised by the whitespace fast path, give exactly what prose's
// tokenizer (plus the same Arabic fix-ups) gives.
func TestFastPathMatchesProse(t *testing.T) {
	sentences := []string{
		"وبلغت التجارة الإقليمية 10.7 مليار دولار، مع زيادة قدرها 17% في الاستثمار.",
		"توقيع “معاهدة التقاء حدود الدول الثلاث” بين أوزبكستان وقيرغيزستان وطاجيكستان، إلى جانب “إعلان خجند” في مارس 2025.",
		"رؤساء دول «آسيا الوسطى» للفترة 2027-2028؟ نعم: عقد مقترح للمياه 2025–2027 — وأكثر.",
		"من 5,7 مليار دولار إلى ١٠٫٧ مليارات؛ رئيس كازاخستان:الثقل السياسي يتزايد…",
		"1**. التكامل الإقليمي:** أعيد فتح الحدود",
		// straight quotes and brackets take the fast path too
		`وقال عاصي "إذا دهب اعطيني واحدة"، وحاول (مرة أخرى) الحصول على [الشارة] في 2018.`,
		`وتم تصحيف "خزلجيته" إلى "جزّ لحيته" (كما نشر) في العدد الأخير.`,
	}
	for _, s := range sentences {
		fast := splitWhitespace(nil, s, 0, s, nil)
		var viaProse []Token
		doc, err := prose.NewDocument(s, prose.WithTagging(false), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		cursor := 0
		for _, pt := range doc.Tokens() {
			st, en, ok := align(s, cursor, pt.Text)
			if !ok {
				t.Fatalf("prose token %q not aligned", pt.Text)
			}
			viaProse = splitPiece(viaProse, s, st, s[st:en], nil)
			cursor = en
		}
		if len(fast) != len(viaProse) {
			t.Fatalf("%q: fast %d tokens, prose %d", s, len(fast), len(viaProse))
		}
		for i := range fast {
			if fast[i].Span != viaProse[i].Span {
				t.Errorf("%q token %d: fast %q, prose %q", s, i, fast[i].Text, viaProse[i].Text)
			}
		}
	}
}

// TestRuneOffsetEveryByte compares RuneOffset at every byte offset with a
// table built the plain way (each rune start numbered, the bytes inside a
// rune given its number), on texts whose multi-byte and invalid runes
// straddle the marks RuneOffset counts from.
func TestRuneOffsetEveryByte(t *testing.T) {
	long := strings.Repeat("قال الوزير ", 20)
	for _, text := range []string{
		"", "a", "ب", "😀", strings.Repeat("a", 63) + "😀b", strings.Repeat("a", 62) + "😀😀",
		strings.Repeat("ب", 40) + "\xff\x80" + strings.Repeat("x", 70) + "\xe2\x82", long + "😀" + long,
		strings.Repeat("a", 64), strings.Repeat("a", 65) + "ب",
	} {
		want := make([]int, len(text)+1)
		n := 0
		for i := range text {
			want[i] = n
			n++
		}
		want[len(text)] = n
		for i := 1; i < len(text); i++ {
			if !isRangeStart(text, i) {
				want[i] = want[i-1]
			}
		}
		d := Build(text, time.Time{}, nil, nil)
		for b := 0; b <= len(text); b++ {
			if got := d.RuneOffset(b); got != want[b] {
				t.Errorf("%q: RuneOffset(%d) = %d, want %d", text, b, got, want[b])
			}
		}
	}
}

// isRangeStart reports whether ranging over text yields an index i.
func isRangeStart(text string, i int) bool {
	for j := range text {
		if j == i {
			return true
		}
	}
	return false
}
