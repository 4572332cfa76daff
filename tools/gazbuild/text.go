package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanForm returns s in NFC with invisible format characters removed,
// non-breaking spaces turned into spaces and runs of white space collapsed.
// It does not change letters: the result is the form as written.
func cleanForm(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\u200c' || r == '\u200d' || r == '\u200e' || r == '\u200f' ||
			r == '\u061c' || r == '\ufeff' || (r >= '\u202a' && r <= '\u202e') ||
			(r >= '\u2066' && r <= '\u2069'):
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isHaraka reports whether r is an Arabic diacritic (tashkil, Quranic marks,
// superscript alef) that the matcher ignores.
func isHaraka(r rune) bool {
	return (r >= '\u064b' && r <= '\u065f') || r == '\u0670' ||
		(r >= '\u0610' && r <= '\u061a') || (r >= '\u06d6' && r <= '\u06ed')
}

// foldRune applies the letter normalisations the matcher applies:
// hamza-carrying alefs to bare alef, teh marbuta to heh, alef maksura to yeh,
// and the Persian yeh and keheh that leak into Wikidata labels to their
// Arabic counterparts.
func foldRune(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ة':
		return 'ه'
	case 'ى', 'ی', 'ې', 'ۍ':
		return 'ي'
	case 'ک':
		return 'ك'
	}
	return r
}

// normKey is the comparison key of a form: cleanForm and NFKC (which
// unfolds presentation forms such as the lam-alef ligature), then tatweel and
// diacritics removed, letters folded with foldRune, and punctuation
// (hyphens, dots, commas, quotes, brackets) treated as spaces.
// Two forms with the same normKey are the same form for the matcher.
func normKey(s string) string {
	s = norm.NFKC.String(cleanForm(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == 'ـ' || isHaraka(r):
			continue
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// ambKey is normKey with the definite article removed from the start of
// every word, the way the matcher strips the clitic ال. It is used to find
// forms that collide across countries (عُمان / عمّان, الكونغو / كونغو).
func ambKey(s string) string {
	words := strings.Fields(normKey(s))
	for i, w := range words {
		if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 3 {
			words[i] = strings.TrimPrefix(w, "ال")
		}
	}
	return strings.Join(words, " ")
}

// letterCount counts the letters of the normalised form (spaces excluded).
func letterCount(s string) int {
	n := 0
	for _, r := range normKey(s) {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isArabicForm reports whether s is usable as a surface form: it has at
// least two Arabic letters and contains only Arabic-script letters and
// marks, spaces, hyphens and apostrophes. Latin letters, digits, brackets and
// commas (Wikipedia disambiguators, "سان خوسيه، الفلبين") are rejected.
func isArabicForm(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\'' || r == 'ـ' || isHaraka(r):
		case (r >= '\ufb50' && r <= '\ufdff') || (r >= '\ufe70' && r <= '\ufeff'):
			return false // presentation forms (ligatures)
		case unicode.Is(unicode.Arabic, r) && (unicode.IsLetter(r) || unicode.IsMark(r)):
			if unicode.IsLetter(r) {
				letters++
			}
		default:
			return false
		}
	}
	return letters >= 2
}

// hasNonArabicLetters reports whether s contains letters of the extended
// Arabic script that Arabic news does not use (Persian, Urdu, Kurdish and
// Uyghur letters such as پ چ ژ گ ی ک ە ۆ), or an alef maksura or hamza-seat in the
// middle of a word, which marks Uyghur or Persian transliterations in
// GeoNames ("تىرانا", "ئىسلامئاباد").
func hasNonArabicLetters(s string) bool {
	for _, w := range strings.Fields(s) {
		rs := []rune(w)
		for i, r := range rs {
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک', 'ڭ', 'ە', 'ۆ', 'ۇ', 'ۈ', 'ۋ', 'ې', 'ڕ', 'ڵ', 'ێ', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ', 'ے', 'ۓ':
				return true
			case 'ى':
				if i != len(rs)-1 {
					return true
				}
			case 'ئ':
				if i == 0 {
					return true
				}
			}
		}
	}
	return false
}

// stripParens removes a parenthesised qualifier: "ميانمار (بورما)" → "ميانمار".
func stripParens(s string) string {
	for {
		i := strings.IndexAny(s, "([")
		if i < 0 {
			break
		}
		j := strings.IndexAny(s[i:], ")]")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + " " + s[i+j+1:]
	}
	return cleanForm(strings.Trim(cleanForm(s), " -"))
}

// foldLatin lower-cases an English or romanised name and removes accents
// and punctuation, for comparing names across sources ("Bogotá D.C." and
// "Bogota").
func foldLatin(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// sameLatinName reports whether two English place names denote the same
// place name: equal after folding, or equal once a generic word such as
// "city" or "d c" is dropped from one of them.
func sameLatinName(a, b string) bool {
	a, b = foldLatin(a), foldLatin(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	trim := func(s string) string {
		for _, p := range []string{"city of ", "ciudad de ", "the "} {
			s = strings.TrimPrefix(s, p)
		}
		for _, suf := range []string{" city", " d c", " dc", " capital district", " federal district"} {
			s = strings.TrimSuffix(s, suf)
		}
		return s
	}
	return trim(a) == trim(b)
}

// stripHarakat removes diacritics and tatweel, keeping the letters.
func stripHarakat(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 'ـ' || isHaraka(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
