package textdoc

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/khabar-data/khabar/arabic"
)

// TokenKind classifies a token.
type TokenKind uint8

const (
	Word   TokenKind = iota // letters (possibly with digits or inner hyphens)
	Number                  // starts with a digit in any script
	Punct                   // punctuation or symbol
)

// Token is one token of the text.
type Token struct {
	Span
	Text string // Text == Document.Text[Start:End]
	// The analysis of Text (Key, Stem, Readings, Kind) is shared by every
	// token of the same word through the word cache: a token is then 40
	// bytes instead of 96, which halves what tokenising allocates and what
	// the collector scans, and a repeated word costs one pointer.
	*Analysis
}

// Analysis is what the tokenizer derives from a token's text alone. It is
// shared between tokens and must not be modified.
type Analysis struct {
	Key  string // arabic.Fold(Text): the matching form
	Stem string // arabic.Key(Text): the matching form without the article
	// Readings are the word's matching keys with proclitics peeled in every
	// way (arabic.Candidates), computed once here because every extractor
	// asks for them; empty for a word too short to peel, nil for numbers
	// and punctuation.
	Readings []arabic.Candidate
	Kind     TokenKind // word, number or punctuation
	word     string    // the word, as the shared cache keys it ("" when not cached)
	// answers keeps the answers of the WordTests about this word
	answers [answerWords]atomic.Uint64
}

// Tokenize splits each sentence with prose's tokenizer and then fixes the
// result up for Arabic:
//   - prose rewrites curly quotes to ASCII before splitting and reports no
//     offsets, so each token is aligned back onto the original text (a
//     straight quote in a token matches a curly one in the text);
//   - prose only splits ASCII punctuation, leaving the Arabic comma,
//     semicolon and question mark, guillemets, curly quotes, dashes and
//     percent signs glued to words (طشقند، → طشقند + ،), so those are split.
//
// Tagging, Punkt segmentation and entity extraction are switched off: their
// models are English-only and cost ~400 ms per article.
func Tokenize(text string, sentences []Span) []Token {
	// Arabic news averages about 6 bytes per token (5-letter words in
	// 2-byte letters, plus spaces and punctuation): sizing for that avoids
	// regrowing a slice of large structs a dozen times per article
	return AppendTokens(make([]Token, 0, len(text)/9+8), text, sentences)
}

// AppendTokens is Tokenize appending to out, so that a caller tokenising
// article after article can reuse one slice (the pipeline does: token
// slices were an eighth of what a run allocated).
func AppendTokens(out []Token, text string, sentences []Span) []Token {
	lw := takeLocalWords()
	defer lw.release()
	first := len(out)
	for _, s := range sentences {
		out = appendSentenceTokens(out, text, s, lw)
	}
	// the tokens are made without their analyses, which are looked up
	// together at the end (see localWords.resolve)
	lw.resolve(out[first:])
	return out
}

func appendSentenceTokens(out []Token, text string, s Span, lw *localWords) []Token {
	sentence := text[s.Start:s.End]
	if !needsProse(sentence) {
		// prose splits on whitespace and then only peels ASCII punctuation,
		// English contractions and emoticons; a sentence without Latin
		// letters or the ASCII marks it treats specially gives exactly the
		// whitespace split, which the Arabic fix-ups below then refine.
		// TestFastPathMatchesProse checks the two paths agree.
		return splitWhitespace(out, text, s.Start, sentence, lw)
	}
	doc, err := prose.NewDocument(sentence,
		prose.WithTagging(false), prose.WithSegmentation(false), prose.WithExtraction(false))
	cursor := 0
	if err == nil {
		for _, pt := range doc.Tokens() {
			start, end, ok := align(sentence, cursor, pt.Text)
			if !ok {
				continue // a token prose invented; the text between is re-scanned below
			}
			if gap := sentence[cursor:start]; strings.TrimSpace(gap) != "" {
				out = splitPiece(out, text, s.Start+cursor, gap, lw)
			}
			out = splitPiece(out, text, s.Start+start, sentence[start:end], lw)
			cursor = end
		}
	}
	if rest := sentence[cursor:]; strings.TrimSpace(rest) != "" {
		out = splitPiece(out, text, s.Start+cursor, rest, lw)
	}
	return out
}

// needsProse reports whether a sentence holds anything prose's tokenizer
// treats specially that the Arabic fix-ups do not already split the same
// way: Latin letters (contractions, abbreviations, emoticons), the
// apostrophe and the dollar sign. Straight quotes and brackets are split by
// splitPiece exactly as prose peels them (on 2,000 ANT articles the two
// paths differ only in runs of final punctuation, ".." against "." "."),
// and they are common in Arabic news, so they keep the fast path.
func needsProse(sentence string) bool {
	for i := 0; i < len(sentence); i++ {
		c := sentence[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c == '$' {
			return true
		}
	}
	return false
}

// splitWhitespace appends the tokens of sentence (at byte offset base)
// split at whitespace, each piece refined by splitPiece.
func splitWhitespace(out []Token, text string, base int, sentence string, lw *localWords) []Token {
	start := -1
	for i := 0; i < len(sentence); {
		r, size := runeAt(sentence, i)
		if isSpace(r) {
			if start >= 0 {
				out = splitPiece(out, text, base+start, sentence[start:i], lw)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		out = splitPiece(out, text, base+start, sentence[start:], lw)
	}
	return out
}

// align finds token tok in sentence at or after cursor, skipping
// whitespace, treating prose's ASCII quotes as matching curly ones.
func align(sentence string, cursor int, tok string) (start, end int, ok bool) {
	i := cursor
	for i < len(sentence) {
		r, size := utf8.DecodeRuneInString(sentence[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if end, ok := matchAt(sentence, i, tok); ok {
		return i, end, true
	}
	// prose may have dropped something; look a little further ahead.
	if j := strings.Index(sentence[i:], tok); j >= 0 && j < 64 {
		return i + j, i + j + len(tok), true
	}
	return 0, 0, false
}

func matchAt(sentence string, i int, tok string) (int, bool) {
	for _, tr := range tok {
		if i >= len(sentence) {
			return 0, false
		}
		sr, size := utf8.DecodeRuneInString(sentence[i:])
		if sr != tr && !(tr == '"' && (sr == '“' || sr == '”')) && !(tr == '\'' && (sr == '‘' || sr == '’')) {
			return 0, false
		}
		i += size
	}
	return i, true
}

// splitAlways are runes that are a token of their own wherever they occur.
func splitAlways(r rune) bool {
	switch r {
	case '،', '؛', '؟', '«', '»', '“', '”', '„', '"', '‘', '’', '–', '—', '%', '٪', '(', ')', '[', ']', '*', '…', '|', '•':
		return true
	}
	return false
}

// splitAtEdge are runes split off only at the start or end of a piece, so
// that 10.7, 1,800 and 15/07/2024 stay whole.
func splitAtEdge(r rune) bool {
	switch r {
	case '.', ',', ':', ';', '!', '?', '\'', '/', '-', '$', '€', '£', '¥':
		return true
	}
	return false
}

// splitPiece appends the tokens of one whitespace-free piece of text that
// starts at byte offset base of the full text.
func splitPiece(out []Token, text string, base int, piece string, lw *localWords) []Token {
	first := len(out)
	emit := func(s, e int) {
		if s >= e {
			return
		}
		// no analysis yet: AppendTokens looks them up together
		out = append(out, Token{Span: Span{base + s, base + e}, Text: text[base+s : base+e]})
	}
	start := 0
	for i := 0; i < len(piece); {
		r, size := runeAt(piece, i)
		if isSpace(r) {
			emit(start, i)
			start = i + size
		} else if splitAlways(r) || (r == ':' || r == '؛') && !betweenDigits(piece, i, i+size) {
			// a colon glued between words (كازاخستان:الثقل) separates them;
			// between digits (10:30) it is part of a time
			emit(start, i)
			emit(i, i+size)
			start = i + size
		}
		i += size
	}
	emit(start, len(piece))
	return append(out[:first], trimEdges(out[first:], lw)...)
}

// trimEdges splits edge punctuation off the tokens just appended. Most
// pieces need none, and are returned as they are.
// The tokens of toks may have no analysis yet; a token with an edge gets
// its analysis here, as its kind decides.
func trimEdges(toks []Token, lw *localWords) []Token {
	clean := true
	for i := range toks {
		if t := &toks[i]; hasEdge(t.Text) && lw.kind(t) != Punct {
			clean = false
			break
		}
	}
	if clean {
		return toks
	}
	// the caller copies the result at once, so a slice of lw's serves
	var out []Token
	if lw != nil {
		out = lw.trimmed[:0]
	}
	for _, t := range toks {
		if !hasEdge(t.Text) || lw.kind(&t) == Punct {
			out = append(out, t)
			continue
		}
		out = peel(out, t, lw)
	}
	if lw != nil {
		lw.trimmed = out
	}
	return out
}

// hasEdge reports whether s starts or ends with a rune split off at the
// edges of a piece.
func hasEdge(s string) bool { return startsWithEdge(s) || endsWithEdge(s) }

// kind returns t's kind, giving t its analysis first if it has none.
func (lw *localWords) kind(t *Token) TokenKind {
	if t.Analysis == nil {
		t.Analysis = lw.analysis(t.Text)
	}
	return t.Kind
}

func startsWithEdge(s string) bool {
	if s == "" {
		return false
	}
	r, _ := runeAt(s, 0)
	return splitAtEdge(r)
}

func endsWithEdge(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[len(s)-1]; {
	case c < utf8.RuneSelf:
		return splitAtEdge(rune(c))
	case c != 0xA3 && c != 0xA5 && c != 0xAC:
		// the edge runes beyond ASCII (£ ¥ €) end in one of those bytes;
		// a rune ending in another (every Arabic letter) is none of them
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return splitAtEdge(r)
}

// peel appends to dst the tokens of t with its leading and trailing edge
// punctuation split off: the leading runes, the rest, the trailing runes.
func peel(dst []Token, t Token, lw *localWords) []Token {
	text := t.Text
	s, e := 0, len(text)
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !splitAtEdge(r) || s+size == e {
			break
		}
		dst = append(dst, mkToken(lw, t.Start+s, t.Start+s+size, text[s:s+size]))
		s += size
	}
	end := e
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !splitAtEdge(r) || e-size == s {
			break
		}
		e -= size
	}
	dst = append(dst, mkToken(lw, t.Start+s, t.Start+e, text[s:e]))
	// text[e:end] holds only the edge runes just stepped over (valid
	// runes all), so reading it forward finds the same runes
	for i := e; i < end; {
		_, size := utf8.DecodeRuneInString(text[i:end])
		dst = append(dst, mkToken(lw, t.Start+i, t.Start+i+size, text[i:i+size]))
		i += size
	}
	return dst
}

// mkToken makes the token tok at byte offsets s-e, looking its analysis up
// in lw (nil: the shared cache only).
func mkToken(lw *localWords, s, e int, tok string) Token {
	return Token{Span: Span{s, e}, Text: tok, Analysis: lw.analysis(tok)}
}

// analyse derives a word's Analysis from its text.
func analyse(tok string) *Analysis {
	a := &Analysis{Key: arabic.Fold(tok), Stem: arabic.Key(tok)}
	r, _ := utf8.DecodeRuneInString(tok)
	switch {
	case arabic.IsDigit(r):
		a.Kind = Number
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
		a.Kind = Word
	default:
		a.Kind = Punct
		// a lone symbol such as $ is punctuation; anything with letters after it is a word
		for _, r2 := range tok {
			if unicode.IsLetter(r2) {
				a.Kind = Word
				break
			}
		}
	}
	if a.Kind == Word {
		a.Readings = arabic.Candidates(tok)
		if a.Readings == nil {
			// a word too short to peel has no reading: say so once here,
			// rather than have every Candidates call peel it again
			a.Readings = []arabic.Candidate{}
		}
	}
	// the stem and the readings' keys are often the key itself: pointing
	// to one copy keeps the cached analyses (which the collector traces in
	// every cycle) smaller
	if a.Stem == a.Key {
		a.Stem = a.Key
	}
	for i, c := range a.Readings {
		switch c.Key {
		case a.Key:
			a.Readings[i].Key = a.Key
		case a.Stem:
			a.Readings[i].Key = a.Stem
		}
	}
	return a
}

// NewWord builds a token for a word outside any document (lexicon lookups
// of a single word).
func NewWord(w string) Token { return mkToken(nil, 0, len(w), w) }

// Candidates returns the token's readings (see Readings).
func (t Token) Candidates() []arabic.Candidate { return t.Readings }
