package textdoc

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// TestIsSpace checks isSpace against unicode.IsSpace on every rune of the
// Basic Multilingual Plane and a few beyond.
func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r > 0xFFFF && r%0x1000 != 0 {
			continue
		}
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(U+%04X) = %v", r, isSpace(r))
		}
	}
}

// TestRuneAt checks runeAt against utf8.DecodeRuneInString at every byte
// of Arabic text and of invalid and cut sequences.
func TestRuneAt(t *testing.T) {
	for _, s := range []string{
		"وقّعت الدول الخمس «إعلان طشقند» في 9 أغسطس 2024 – نحو ١٠٫٧ مليار دولار؟",
		"café\u00a0\u0085 €5 £3 ¥1 \U0001F600",
		"\xd8",
		"قمة\xd8",
		"\xd8\x41\xc0\x80\xc1\xbf\xc2\x7f\xdf\xbf\xe2\x82",
		"\x80\x80ب",
	} {
		for i := range len(s) {
			r, size := runeAt(s, i)
			wr, wsize := utf8.DecodeRuneInString(s[i:])
			if r != wr || size != wsize {
				t.Errorf("runeAt(%q, %d) = %U, %d; utf8 gives %U, %d", s, i, r, size, wr, wsize)
			}
		}
	}
}

// TestEdges checks startsWithEdge and endsWithEdge against decoding the
// first and last rune with utf8.
func TestEdges(t *testing.T) {
	for _, s := range []string{
		"", "دولار.", "(طشقند", "€5", "5€", "£3", "3£", "¥1", "1¥", "-2024", "2024-", "؟", "،",
		"\xa3", "x\xa3", "\xc2", "ب\xe2\x82", "\xe2\x82\xac", "\xac", "\xa5\xa5",
	} {
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if got, want := startsWithEdge(s), splitAtEdge(first); got != want {
			t.Errorf("startsWithEdge(%q) = %v, want %v", s, got, want)
		}
		if got, want := endsWithEdge(s), splitAtEdge(last); got != want {
			t.Errorf("endsWithEdge(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestAppendRunes checks AppendRunes against []rune.
func TestAppendRunes(t *testing.T) {
	for _, s := range []string{
		"", "وقّعت الدول الخمس «إعلان طشقند» في 9 أغسطس 2024 – نحو ١٠٫٧ مليار دولار؟ €",
		"\xd8", "قمة\xd8", "\xd8\x41\xc0\x80\xc1\xbf\xc2\x7f\xdf\xbf\xe2\x82", "\x80\x80ب\U0001F600",
	} {
		if got, want := AppendRunes([]rune{'x'}, s), append([]rune{'x'}, []rune(s)...); !slices.Equal(got, want) {
			t.Errorf("AppendRunes(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestBuildRunes checks that BuildRunes gives Build's document and the
// code points []rune gives, in the slice it was handed.
func TestBuildRunes(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"Arabic", "وقّع البلدان اتفاقية في طشقند"},
		{"longer than a rune mark step", strings.Repeat("أستانا 2025، ", 20)},
		{"invalid bytes", "طش\xffقند \xe2\x80 x"},
		{"four-byte runes", "🙂 اتفاق 🙂"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := Build(tt.text, time.Time{}, nil, nil)
			got, runes := BuildRunes(tt.text, time.Time{}, nil, nil, []rune("prefix"))
			if !reflect.DeepEqual(got.runeMarks, want.runeMarks) || got.runeCount != want.runeCount {
				t.Errorf("rune marks %v (%d), want %v (%d)", got.runeMarks, got.runeCount, want.runeMarks, want.runeCount)
			}
			if w := append([]rune("prefix"), []rune(tt.text)...); !reflect.DeepEqual(runes, w) {
				t.Errorf("code points %q, want %q", runes, w)
			}
		})
	}
}

// TestPeel checks peel, which appends in order, against the way it was
// written before (trailing runes gathered back to front and prepended).
func TestPeel(t *testing.T) {
	prepending := func(tok Token) []Token {
		text := tok.Text
		var head, tail []Token
		s, e := 0, len(text)
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if !splitAtEdge(r) || s+size == e {
				break
			}
			head = append(head, mkToken(nil, tok.Start+s, tok.Start+s+size, text[s:s+size]))
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !splitAtEdge(r) || e-size == s {
				break
			}
			tail = append([]Token{mkToken(nil, tok.Start+e-size, tok.Start+e, text[e-size:e])}, tail...)
			e -= size
		}
		return append(append(head, mkToken(nil, tok.Start+s, tok.Start+e, text[s:e])), tail...)
	}
	tests := []struct {
		name, text string
	}{
		{"both ends", "-(2025)-."},
		{"trailing only", "طشقند.:"},
		{"leading only", "..طشقند"},
		{"edge runes only", "..."},
		{"one rune", "."},
		{"currency signs", "€£10¥$"},
		{"an invalid byte at the end", "طشقند.\xff"},
		{"an invalid byte before the edge", "طشقند\xff."},
		{"no edges", "طشقند"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := mkToken(nil, 7, 7+len(tt.text), tt.text)
			got := peel([]Token{{Text: "before"}}, tok, nil)
			want := append([]Token{{Text: "before"}}, prepending(tok)...)
			if len(got) != len(want) {
				t.Fatalf("%d tokens, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i].Span != want[i].Span || got[i].Text != want[i].Text || got[i].Analysis != want[i].Analysis {
					t.Errorf("token %d: %v %q, want %v %q", i, got[i].Span, got[i].Text, want[i].Span, want[i].Text)
				}
			}
		})
	}
}
