// Package arabic holds the small, dependency-free pieces of Arabic text
// handling that every stage shares: folding a word to a matching key,
// reading Arabic-Indic digits, and peeling attached clitics.
//
// Nothing here changes the article text itself. Folding produces keys for
// lookups; offsets are always taken from the original text.
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tatweel is the Arabic elongation mark (kashida), which carries no meaning.
const Tatweel = '\u0640'

// IsDiacritic reports whether r is an Arabic harakah, tanween, shadda,
// sukun, Quranic annotation or superscript alef: marks that news text uses
// inconsistently and that must not change a match.
func IsDiacritic(r rune) bool {
	switch {
	case r >= '\u064B' && r <= '\u065F':
		return true
	case r == '\u0670':
		return true
	case r >= '\u06D6' && r <= '\u06ED':
		return true
	case r >= '\u0610' && r <= '\u061A':
		return true
	}
	return false
}

// IsArabicLetter reports whether r is a letter of the Arabic script
// (including Persian and Urdu additions).
func IsArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// foldRune maps one rune to its matching form, or -1 to drop it.
func foldRune(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ى', 'ی', 'ې', 'ۍ': // alef maqsura and Persian/Pashto yeh
		return 'ي'
	case 'ئ':
		return 'ي'
	case 'ؤ':
		return 'و'
	case 'ة', 'ۀ', 'ە':
		return 'ه'
	case 'ک':
		return 'ك'
	case 'ہ', 'ھ':
		return 'ه'
	case Tatweel:
		return -1
	}
	if IsDiacritic(r) {
		return -1
	}
	if d, ok := DigitValue(r); ok {
		return '0' + rune(d)
	}
	return unicode.ToLower(r)
}

// Fold returns the matching key of s: alef and hamza seats unified,
// alef maqsura as yeh, teh marbuta as heh, tatweel and diacritics removed,
// Persian letter forms mapped to Arabic ones, every digit as ASCII, Latin
// lower-cased. Two spellings that Arabic news treats as the same word
// (دوشنبة / دوشنبه, أستانا / استانا) fold to the same key.
//
// The alef that only carries an accusative tanween (مفهوماً، بيانًا) is
// dropped too, so that the accusative matches the dictionary form.
func Fold(s string) string {
	if folded(s) {
		// most words of news are already in their matching form: the
		// builder would copy them rune by rune (a few allocations per
		// distinct word, and keys are made for every word met)
		return s
	}
	return fold(s)
}

// folded reports whether Fold(s) == s: every rune is its own matching
// form. An invalid byte (read as U+FFFD, written back as three bytes) and
// the alef of a tanween (which needs the tanween, a diacritic, next to it)
// both make it false.
func folded(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || foldRune(r) != r {
			return false
		}
	}
	return true
}

// fold is Fold without the check that s is already folded.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	for i, r := range s {
		if r == 'ا' && (prev == fathatan || strings.HasPrefix(s[i+len("ا"):], string(fathatan))) {
			prev = r
			continue
		}
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
		prev = r
	}
	return b.String()
}

const fathatan = '\u064B'

// DigitValue returns the value of a decimal digit in ASCII, Arabic-Indic
// (٠-٩) or Extended Arabic-Indic / Persian (۰-۹) form.
func DigitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '٠' && r <= '٩':
		return int(r - '٠'), true
	case r >= '۰' && r <= '۹':
		return int(r - '۰'), true
	}
	return 0, false
}

// IsDigit reports whether r is a decimal digit in any of the scripts
// DigitValue reads.
func IsDigit(r rune) bool {
	_, ok := DigitValue(r)
	return ok
}

// ASCIIDigits rewrites every Arabic-Indic or Persian digit in s as ASCII and
// the Arabic decimal and thousands separators (٫ ٬) as '.' and ','.
// Other runes are kept, so byte lengths may change: use it on extracted
// substrings, never on the text that offsets index.
func ASCIIDigits(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '٫':
			b.WriteByte('.')
		case r == '٬':
			b.WriteByte(',')
		default:
			if d, ok := DigitValue(r); ok {
				b.WriteByte(byte('0' + d))
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
