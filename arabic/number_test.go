package arabic_test

import (
	"math"
	"strings"
	"testing"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/lexicon"
)

func TestParseNumberDigits(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"10.7", 10.7, true},
		{"5,7", 5.7, true},          // decimal comma, as in "5,7 مليار دولار"
		{"1,800", 1800, true},       // thousands
		{"١٠٠٬٠٠٠٫٠", 100000, true}, // Arabic separators
		{"٠,٠٨", 0.08, true},        // Recognizers-Text writes decimals with ASCII comma
		{"١،٢٣٤،٥٦٧", 1234567, true},
		{"۱۲۳", 123, true}, // Persian digits
		{".77", 0.77, true},
		{"٫٧٧", 0.77, true},
		{"-١٬٢٠٠٬٠٠٠٫٠٠", -1200000, true},
		{"1.800.000", 1800000, true},
		{"1,250.5", 1250.5, true},
		{"12،220,13", 12220.13, true},            // Arabic comma for thousands, ASCII comma for decimals
		{"25799\u202a,\u202a52", 25799.52, true}, // direction marks left by copy and paste
		{"12\u200f", 12, true},                   // a right-to-left mark after the digits
		{"١٢\u2069", 12, true},                   // an isolate after Arabic-Indic digits
		{"12\u2013", 0, false},                   // an en dash shares the marks' first byte and is no mark
		{"12،22,13", 0, false},
		{"", 0, false},
		{"12a", 0, false},
		{"1.2.3", 0, false},
	}
	for _, tc := range tests {
		got, ok := arabic.ParseNumber(tc.in)
		if ok != tc.ok || (ok && math.Abs(got-tc.want) > 1e-9) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNumberWordsParse(t *testing.T) {
	nw := &lexicon.Default().Numbers
	tests := []struct {
		in   string
		want float64
		used int // words used; 0 means no number
	}{
		{"ثلاثة", 3, 1},
		{"عشرون", 20, 1},
		{"مئة", 100, 1},
		{"مائة", 100, 1},
		{"ألفين", 2000, 1},
		{"مليونين", 2e6, 1},
		{"ثلاثمائة وخمسين", 350, 2},
		{"خمسمائة و خمسة و عشرون", 525, 5},
		{"ثلاث مئة", 300, 2},
		{"إحدى عشرة", 11, 2},
		{"ستة و عشرون", 26, 3},
		{"نصف", 0.5, 1},
		{"ربع مليار", 0.25e9, 2},
		{"مليون ونصف", 1.5e6, 2},
		{"300 ألف مليار", 300e12, 3},
		{"3 ملايين", 3e6, 2},
		{"10 آلاف", 1e4, 2},
		{"ألف وتسعمائة وواحد", 1901, 3},
		{"ثلاثة أرباع", 0.75, 2},
		{"واحد فاصلة واحد", 1.1, 3},
		{"متين تلاتة وستين", 263, 3}, // Egyptian
		{"ملايين", 0, 0},             // a plural scale alone is no figure
		{"ثلاثة دولارات", 3, 1},
		{"عشرة و", 10, 1}, // a trailing و is not used
		{"دولار", 0, 0},
	}
	for _, tc := range tests {
		keys := strings.Fields(tc.in)
		for i, k := range keys {
			keys[i] = arabic.Fold(k)
		}
		got, used, ok := nw.Parse(keys)
		if tc.used == 0 {
			if ok {
				t.Errorf("Parse(%q) = %v (%d words); want no number", tc.in, got, used)
			}
			continue
		}
		if !ok || used != tc.used || math.Abs(got-tc.want) > 1e-6*math.Max(1, tc.want) {
			t.Errorf("Parse(%q) = %v, %d, %v; want %v, %d", tc.in, got, used, ok, tc.want, tc.used)
		}
	}
}
