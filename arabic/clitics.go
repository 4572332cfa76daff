package arabic

import (
	"strings"
	"unicode/utf8"
)

// minStemRunes is the shortest stem left after peeling clitics or the
// article; shorter remainders are almost always accidents (ب+لد, ل+بنان).
const minStemRunes = 3

// StripArticle removes a leading definite article from a folded key when at
// least minStemRunes letters remain.
//
// On a folded key it cannot tell the article from a word that starts with
// a hamza on alef followed by lam (ألمانيا folds to المانيا): use Key or
// Candidates on the word as written, which look at the article before
// folding.
func StripArticle(key string) string {
	if strings.HasPrefix(key, "ال") && utf8.RuneCountInString(key) >= 2+minStemRunes {
		return key[len("ال"):]
	}
	return key
}

// stripMarks removes diacritics and tatweel, and the alef that only
// carries an accusative tanween, keeping letters as written.
func stripMarks(s string) string {
	if unmarked(s) {
		// no copy when there is nothing to strip, as in most words
		return s
	}
	return strip(s)
}

// strip is stripMarks without the check that there is something to strip.
func strip(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	for i, r := range s {
		switch {
		case r == 'ا' && (prev == fathatan || strings.HasPrefix(s[i+len("ا"):], string(fathatan))):
		case r == Tatweel || IsDiacritic(r):
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// unmarked reports whether stripMarks(s) == s: no tatweel, no diacritic
// (so no alef of a tanween either, which needs one next to it) and no
// invalid byte (written back as U+FFFD).
func unmarked(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r == Tatweel || IsDiacritic(r) {
			return false
		}
	}
	return true
}

// hasArticle reports whether a word (marks stripped, not folded) starts
// with the definite article: a plain alef (or alef wasla) and lam, with
// enough letters after it. ألمانيا, with a hamza, has none.
func hasArticle(w string) bool {
	return (strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "ٱل")) && utf8.RuneCountInString(w) >= 2+minStemRunes
}

func dropArticle(w string) string {
	if hasArticle(w) {
		_, size := utf8.DecodeRuneInString(w)
		return w[size+len("ل"):]
	}
	return w
}

// Key is the matching key of a single word: without the article, folded.
func Key(word string) string { return Fold(dropArticle(stripMarks(word))) }

// Candidate is one reading of a token with some proclitics peeled off.
type Candidate struct {
	Key      string // the matching key of the remaining stem
	Stripped int    // how many letters were peeled off the front of the word
}

// Candidates returns the readings of a word with its proclitics removed:
// an optional conjunction (و ف), an optional preposition (ب ل ك), and the
// article (ال, or the elided لل after ل). The unpeeled reading comes first
// and readings are ordered by how much was peeled, so a caller that takes
// the first reading that matches prefers the word as written. When a
// reading drops an article, the same stem folded with its article is also
// offered, since writers often spell ألمانيا as المانيا.
func Candidates(word string) []Candidate {
	w := stripMarks(word)
	var out []Candidate
	// a word has a dozen readings at most: looking through them is
	// cheaper than a map of the keys seen, made for every word analysed
	seen := func(k string) bool {
		for _, c := range out {
			if c.Key == k {
				return true
			}
		}
		return false
	}
	add := func(rest string, peeled int) {
		if utf8.RuneCountInString(rest) < minStemRunes {
			return
		}
		for _, k := range [2]string{Fold(dropArticle(rest)), Fold(rest)} {
			if !seen(k) {
				out = append(out, Candidate{Key: k, Stripped: peeled})
			}
		}
	}
	total := utf8.RuneCountInString(w)
	add(w, 0)
	for _, conj := range []string{"", "و", "ف"} {
		if !strings.HasPrefix(w, conj) {
			continue
		}
		afterConj := w[len(conj):]
		conjLen := utf8.RuneCountInString(conj)
		if conj != "" {
			add(afterConj, conjLen)
		}
		for _, prep := range []string{"ب", "ل", "ك"} {
			if !strings.HasPrefix(afterConj, prep) {
				continue
			}
			rest := afterConj[len(prep):]
			if prep == "ل" && strings.HasPrefix(rest, "ل") {
				// لل = ل + ال with the alef elided: للأمم reads as الأمم,
				// but no letter can be cut off the surface, so only the
				// conjunction counts as peeled.
				add("ا"+rest, conjLen)
			}
			add(rest, total-utf8.RuneCountInString(rest))
		}
	}
	return out
}

// PeeledBytes returns how many bytes at the start of word hold its first n
// letters, so that a match found after peeling n proclitic letters can be
// given offsets in the original text. Diacritics and tatweel are not
// letters: they stay with the letter before them.
func PeeledBytes(word string, n int) int {
	if n <= 0 {
		return 0
	}
	letters := 0
	for i, r := range word {
		if foldRune(r) < 0 {
			continue
		}
		if letters == n {
			return i
		}
		letters++
	}
	if letters == n {
		return len(word)
	}
	return 0
}
