package textdoc

import (
	"unicode/utf8"

	"github.com/khabar-data/khabar/arabic"
)

// Segment splits text into sentences. A sentence ends at a line break (news
// headings and list items carry no full stop), or after . ! ? ؟ … when
// whitespace or a closing quote follows. A full stop between digits (10.7)
// never ends a sentence. The Arabic comma ، and semicolon ؛ join clauses,
// not sentences. Leading and trailing whitespace is not part of a sentence.
//
// prose's Punkt segmenter is English-trained: on Arabic news it merges
// headings into the next sentence, which is why this small rule-based
// segmenter is used instead.
func Segment(text string) []Span {
	var out []Span
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		// trim trailing whitespace
		for end > start {
			r, size := utf8.DecodeLastRuneInString(text[start:end])
			if !isSpace(r) {
				break
			}
			end -= size
		}
		if end > start {
			out = append(out, Span{start, end})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, size := runeAt(text, i)
		next := i + size
		switch {
		case r == '\n' || r == '\r' || r == '\u2029':
			emit(i)
		case start < 0 && isSpace(r):
			// between sentences
		default:
			if start < 0 {
				start = i
			}
			if isTerminal(r) && !(r == '.' && betweenDigits(text, i, next)) {
				// absorb runs of terminals and closing quotes/brackets
				for next < len(text) {
					r2, s2 := runeAt(text, next)
					if !isTerminal(r2) && !isCloser(r2) {
						break
					}
					next += s2
				}
				if next >= len(text) {
					emit(next)
				} else if r2, _ := runeAt(text, next); isSpace(r2) {
					emit(next)
				}
			}
		}
		i = next
	}
	emit(len(text))
	return out
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…', '۔':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']':
		return true
	}
	return false
}

func betweenDigits(text string, i, next int) bool {
	if i == 0 || next >= len(text) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[next:])
	return arabic.IsDigit(before) && arabic.IsDigit(after)
}
