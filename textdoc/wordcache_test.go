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
