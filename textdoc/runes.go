package textdoc

import (
	"unicode"
	"unicode/utf8"
)

// The segmenter and the tokeniser read every rune of every article. Arabic
// letters are two-byte runes, which utf8's general decoder and unicode's
// White_Space table handle slowly (they were most of splitting, apart from
// the word lookups); these do the same for ASCII and two-byte runes inline.

// runeAt decodes the rune at s[i:], as utf8.DecodeRuneInString does.
func runeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isSpace is unicode.IsSpace.
func isSpace(r rune) bool {
	if r <= 0xFF {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			return true
		}
		return false
	}
	if r < 0x1680 {
		// no white space between U+00A0 and U+1680 (Ogham space mark)
		return false
	}
	return unicode.IsSpace(r)
}

// AppendRunes appends the code points of s to dst, as []rune(s) gives them
// (an invalid byte is U+FFFD), for a caller that reuses one slice.
func AppendRunes(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		r, size := runeAt(s, i)
		dst = append(dst, r)
		i += size
	}
	return dst
}
