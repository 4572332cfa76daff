package pipeline

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

func TestDecode(t *testing.T) {
	sentence := "انعقد الاجتماع في طشقند."
	utf16le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(sentence))
	cp1256, _ := charmap.Windows1256.NewEncoder().Bytes([]byte(sentence))
	tests := []struct {
		name     string
		in       []byte
		enc      string
		max      int64
		want     string
		errMatch string
	}{
		{"utf-8", []byte(sentence), "auto", 0, sentence, ""},
		{"utf-8 with BOM and CRLF", append([]byte{0xEF, 0xBB, 0xBF}, []byte("سطر\r\nسطر")...), "auto", 0, "سطر\nسطر", ""},
		{"decomposed to NFC", []byte("e\u0301"), "auto", 0, "\u00e9", ""},
		{"utf-16 with BOM", utf16le, "auto", 0, sentence, ""},
		{"windows-1256 when asked", cp1256, "windows-1256", 0, sentence, ""},
		{"windows-1256 unasked", cp1256, "auto", 0, "", "not valid UTF-8"},
		{"empty", nil, "auto", 0, "", "empty: no text"},
		{"whitespace", []byte(" \n\t "), "auto", 0, "", "only whitespace"},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "auto", 0, "", "binary data"},
		{"control characters", bytes.Repeat([]byte("\x01\x02a"), 50), "auto", 0, "", "control characters"},
		{"too large", []byte(strings.Repeat("ب", 100)), "auto", 50, "", "too large"},
		{"unknown encoding", []byte("x"), "klingon", 0, "", "unknown encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, tt.enc, tt.max)
			if tt.errMatch != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errMatch) {
					t.Fatalf("Decode error = %v, want one mentioning %q", err, tt.errMatch)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Decode = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestNFCInert: every rune the fast path lets through is NFC on its own,
// has combining class 0 and never composes with what precedes it. A rune
// composes with a following one only when that one has a non-zero class or
// composes with its predecessor (alef + maddah → آ), and no listed rune
// does, so a text made only of listed runes is already NFC. Texts with a
// combining mark take the normaliser.
func TestNFCInert(t *testing.T) {
	for r := rune(0x80); r <= 0x2FFF; r++ {
		if !nfcInertRune(r) {
			continue
		}
		p := norm.NFC.PropertiesString(string(r))
		if !p.BoundaryBefore() || p.CCC() != 0 || !norm.NFC.IsNormalString(string(r)) {
			t.Errorf("U+%04X is listed as NFC-inert but is not", r)
		}
	}
	// one haraka after any listed rune is NFC as written
	for r := rune(0x80); r <= 0x2FFF; r++ {
		if !nfcInertRune(r) {
			continue
		}
		for m := rune(0x064B); m <= 0x0652; m++ {
			if s := string([]rune{'ب', m, r, m}); !norm.NFC.IsNormalString(s) {
				t.Errorf("%q (U+%04X then U+%04X) is not NFC", s, r, m)
			}
		}
	}
	for _, c := range []struct {
		text  string
		inert bool
	}{
		{"وقّعت الدول الخمس «إعلان طشقند» في 9 أغسطس 2024 – نحو ١٠٫٧ مليار دولار.", true}, // one shadda
		{"وقَّعت", false},              // fatha then shadda: NFC puts shadda first
		{"وقّعت بيانًا مشتركًا", true}, // shadda, tanwin
		{"\u064Eبداية بحركة", false},   // a mark with nothing before it
		{"وقعت الدول الخمس «إعلان طشقند» في 9 أغسطس 2024 – نحو ١٠٫٧ مليار دولار…", true},
		{"café", false},
		{"\u0627\u0653", false}, // alef + maddah composes to آ
	} {
		if got := nfcInert(c.text); got != c.inert {
			t.Errorf("nfcInert(%q) = %v, want %v", c.text, got, c.inert)
		}
		if c.inert && norm.NFC.String(c.text) != c.text {
			t.Errorf("%q is inert but NFC changes it", c.text)
		}
	}
}

// TestControlRunes checks the byte-wise count against decoding each rune,
// on text with C0 and C1 controls, invalid bytes and bytes that look like
// C1 controls inside other sequences.
func TestControlRunes(t *testing.T) {
	byRunes := func(s string) (n, total int) {
		for _, r := range s {
			total++
			if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
				n++
			}
		}
		return n, total
	}
	for _, s := range []string{
		"",
		"انعقد الاجتماع في طشقند.\n\tوحضره الرؤساء\r\n\f",
		"قمة\x00\x01\x1b\x7f آسيا",
		"\u0085بيان\u009f ختامي\u0080",
		"\xc2\xc2\x85 \xc2 \x85\xc2\x9f\xc2",                 // a lone lead byte, a lone continuation byte
		"\xe2\x80\x85 \xf0\x9f\x98\x80 \xc3\x85 ٪ «»",        // continuation bytes 80-9F after other lead bytes
		"\xff\xfe\xc0\x80 ماليزيا \xed\xa0\x80 \xc2\x7f\xc2", // invalid sequences
	} {
		gotN, gotTotal := controlRunes(s)
		wantN, wantTotal := byRunes(s)
		if gotN != wantN || gotTotal != wantTotal {
			t.Errorf("controlRunes(%q) = %d, %d; rune by rune %d, %d", s, gotN, gotTotal, wantN, wantTotal)
		}
	}
}

// TestNFCInertTwoByteRunes checks nfcInert, which decodes two-byte runes
// itself, against the same loop decoding every rune with utf8, on valid
// Arabic and on invalid or cut sequences.
func TestNFCInertTwoByteRunes(t *testing.T) {
	byDecoder := func(s string) bool {
		prevMark := false
		for i, r := range s {
			switch {
			case r < utf8.RuneSelf:
				prevMark = false
			case isHaraka(r):
				if prevMark || i == 0 {
					return false
				}
				prevMark = true
			case nfcInertRune(r):
				prevMark = false
			default:
				return false
			}
		}
		return true
	}
	for _, s := range []string{
		"وقّعت الدول الخمس «إعلان طشقند» في 9 أغسطس 2024 – نحو ١٠٫٧ مليار دولار.",
		"بيانًا مشتركًا\u00a0بين الدولتين",
		"وقَّعت",
		"\xd8",              // cut after a lead byte
		"قمة\xd8",           // cut at the end
		"\xd8\x41بيان",      // a lead byte before ASCII
		"\xc0\x80 \xc1\xbf", // overlong forms
		"\xd9\xd9\x8b",      // a lead byte before a lead byte
		"ب\xd9\x8b\xd9\x8b", // two marks
		"\u00e9\u0301",
	} {
		if got, want := nfcInert(s), byDecoder(s); got != want {
			t.Errorf("nfcInert(%q) = %v, decoding every rune gives %v", s, got, want)
		}
	}
}
