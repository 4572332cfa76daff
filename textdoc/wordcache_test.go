package textdoc

import (
	"reflect"
	"strings"
	"testing"
)

// TestArenaKeepsAnalysis checks that the arena's copy of an analysis reads
// exactly like the analysis it was made from, and that a reader appending
// to its readings cannot write into another word's.
func TestArenaKeepsAnalysis(t *testing.T) {
	tests := []struct {
		name string
		word string
	}{
		{"a word with clitics and the article", "وبالاتفاقية"},
		{"a word that is its own key", "طشقند"},
		{"a word with diacritics (its key differs)", "عُمان"},
		{"a short word with no readings", "في"},
		{"a number", "2025"},
		{"punctuation", "،"},
		{"a word longer than an arena string", strings.Repeat("ب", arenaMaxString)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(tt.word)
			k := arena.keep(a, tt.word)
			if k.Key != a.Key || k.Stem != a.Stem || k.Kind != a.Kind || k.word != tt.word {
				t.Errorf("kept %q %q %v %q, want %q %q %v %q", k.Key, k.Stem, k.Kind, k.word, a.Key, a.Stem, a.Kind, tt.word)
			}
			if !reflect.DeepEqual(k.Readings, a.Readings) {
				t.Errorf("kept readings %v, want %v", k.Readings, a.Readings)
			}
			if (k.Readings == nil) != (a.Readings == nil) {
				t.Errorf("kept readings nil = %v, want %v", k.Readings == nil, a.Readings == nil)
			}
			if cap(k.Readings) != len(k.Readings) {
				t.Errorf("kept readings have room for %d more: an append would write into the arena", cap(k.Readings)-len(k.Readings))
			}
		})
	}
}

// TestEveryTokenHasItsAnalysis checks that the tokens made without an
// analysis (looked up together at the end of AppendTokens) and those
// given one early (edge punctuation, prose's path) all end with the
// analysis of their own text.
func TestEveryTokenHasItsAnalysis(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"Arabic only", "وقّع البلدان اتفاقية التعاون في طشقند، ثم عادا."},
		{"edge punctuation", "(أستانا) - 2025/03/15: «اتفاق» ...نعم؟"},
		{"Latin letters (prose's path)", "قال OPEC's chief إن الإنتاج 10.7 مليار $."},
		{"several sentences", "السطر الأول\nالسطر الثاني. والثالث! الرابع؟"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text, Segment(tt.text))
			for _, tok := range toks {
				if tok.Analysis == nil {
					t.Fatalf("token %q has no analysis", tok.Text)
				}
				want := analyse(tok.Text)
				if tok.Key != want.Key || tok.Stem != want.Stem || tok.Kind != want.Kind || !reflect.DeepEqual(tok.Readings, want.Readings) {
					t.Errorf("token %q: analysis %q %q %v, want %q %q %v", tok.Text, tok.Key, tok.Stem, tok.Kind, want.Key, want.Stem, want.Kind)
				}
			}
		})
	}
}
