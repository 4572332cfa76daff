package arabic

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"دوشنبة", "دوشنبه"},
		{"أستانا", "استانا"},
		{"إعلان", "اعلان"},
		{"عُمان", "عمان"},
		{"مفهوماً", "مفهوم"}, // the alef of an accusative tanween goes
		{"بيانًا", "بيان"},
		{"دنيا", "دنيا"},
		{"آسیا", "اسيا"}, // Persian yeh as in the seed keyword line
		{"الـوسطى", "الوسطي"},
		{"٢٠٢٥", "2025"},
		{"۱۴۰۳", "1403"},
		{"Kambarata", "kambarata"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestASCIIDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"١٠٫٧ مليار", "10.7 مليار"},
		{"١٬٨٠٠", "1,800"},
		{"2025", "2025"},
	}
	for _, tt := range tests {
		if got := ASCIIDigits(tt.in); got != tt.want {
			t.Errorf("ASCIIDigits(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"الأوزبكي", "اوزبكي"},
		{"أوزبكي", "اوزبكي"},
		{"ألمانيا", "المانيا"}, // a hamza on the alef: not the article
		{"ألوفي", "الوفي"},
		{"الهند", "هند"},
		{"الى", "الي"}, // too short to carry an article
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCandidates(t *testing.T) {
	keys := func(w string) []string {
		var out []string
		for _, c := range Candidates(w) {
			out = append(out, c.Key)
		}
		return out
	}
	tests := []struct {
		word string
		want string // a key that must be among the readings
	}{
		{"وأذربيجان", "اذربيجان"},
		{"لأفغانستان", "افغانستان"},
		{"وقيرغيزستان", "قيرغيزستان"},
		{"بالعاصمة", "عاصمه"},
		{"للأمم", "امم"},
		{"والكازاخي", "كازاخي"},
		{"فبكين", "بكين"},
	}
	for _, tt := range tests {
		got := keys(tt.word)
		if !slices.Contains(got, tt.want) {
			t.Errorf("Candidates(%q) = %v, want it to contain %q", tt.word, got, tt.want)
		}
	}
	// The word as written always comes first.
	if got := Candidates("كوريا")[0].Key; got != "كوريا" {
		t.Errorf("first reading of كوريا = %q", got)
	}
	// Peeling never leaves a stem shorter than three letters.
	for _, c := range Candidates("وبلد") {
		if c.Key == "لد" {
			t.Errorf("Candidates(وبلد) produced a two-letter stem")
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"10.7", 10.7, true},
		{"5,7", 5.7, true},
		{"1,800", 1800, true},
		{"1,250,000", 1250000, true},
		{"1.800.000", 1800000, true},
		{"1,250.5", 1250.5, true},
		{"١٠٫٧", 10.7, true},
		{"٢٬٥٠٠", 2500, true},
		{"۲۰۲۵", 2025, true},
		{"2025", 2025, true},
		{"", 0, false},
		{"10.", 0, false},
		{"1,2,3", 0, false},
		{"2026-2028", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPeeledBytes(t *testing.T) {
	tests := []struct {
		word string
		n    int
		want string // what remains
	}{
		{"وأذربيجان", 1, "أذربيجان"},
		{"وبِطشقند", 2, "طشقند"},
		{"لأفغانستان", 1, "أفغانستان"},
		{"كازاخستان", 0, "كازاخستان"},
	}
	for _, tt := range tests {
		if got := tt.word[PeeledBytes(tt.word, tt.n):]; got != tt.want {
			t.Errorf("PeeledBytes(%q, %d) leaves %q, want %q", tt.word, tt.n, got, tt.want)
		}
	}
}

// TestFoldPeelsLikeText checks what lexicon.NumberAt relies on: folding a
// word without its proclitic و ب ل ف gives its key without that letter.
func TestFoldPeelsLikeText(t *testing.T) {
	for _, w := range []string{"وخمسة", "بعشرين", "لمئتي", "فألف", "واً", "وًا", "بـخمسة", "و", "بإثنين", "وَثلاثة"} {
		_, s0 := utf8.DecodeRuneInString(w)
		if got, want := Fold(w)[s0:], Fold(w[s0:]); got != want {
			t.Errorf("Fold(%q)[%d:] = %q, Fold(%q) = %q", w, s0, got, w[s0:], want)
		}
	}
}

// TestFoldFastPath checks that the shortcuts of Fold and stripMarks (the
// word returned as it is when nothing in it changes) give what the
// rune-by-rune copy gives.
func TestFoldFastPath(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"a folded word", "طشقند"},
		{"hamza on alef", "أستانا"},
		{"teh marbuta", "دوشنبة"},
		{"alef maqsura", "مستوى"},
		{"diacritics", "عُمان"},
		{"tatweel", "اتفاقيـــة"},
		{"accusative tanween after the alef", "مفهوماً"},
		{"accusative tanween before the alef", "بيانًا"},
		{"Arabic-Indic digits", "٢٠٢٥"},
		{"ASCII digits", "2025"},
		{"Latin capitals", "OPEC"},
		{"Latin lower case", "opec"},
		{"an invalid byte", "طش\xffقند"},
		{"a lone continuation byte", "\x80"},
		{"the replacement character itself", "\uFFFD"},
		{"Persian letters", "کابل"},
		{"punctuation", "،"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := Fold(tt.in), fold(tt.in); got != want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, want)
			}
			if got, want := stripMarks(tt.in), strip(tt.in); got != want {
				t.Errorf("stripMarks(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}
