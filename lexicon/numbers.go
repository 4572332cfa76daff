package lexicon

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/textdoc"
)

// NumberMatch is a number read from the token stream.
type NumberMatch struct {
	Value  float64
	Start  int // byte offset where the number starts (after a glued proclitic)
	Next   int // index of the token after the number
	Digits bool
	// Figure is the value of the first token when it is digits (10.7 in
	// "10.7 مليار"), else Value.
	Figure float64
}

// numberStart is one reading of the first token of a number: its key and
// how many bytes of proclitics were peeled off its text.
type numberStart struct {
	key    string
	peeled int
}

// maxNumberTokens bounds how far a spelled-out number may run.
const maxNumberTokens = 12

// NumberAt reads a number starting at token i with the lexicon's number
// words (arabic.NumberWords.Parse): digits in any script or words, with
// scale words after them, and a proclitic و ب ل ف glued to the first token
// (ب10، وخمسة، لعشرين). The span starts after the proclitic.
func (lex *Lexicon) NumberAt(toks []textdoc.Token, i int) (NumberMatch, bool) {
	if i >= len(toks) || !lex.opensNumber(toks[i]) {
		return NumberMatch{}, false
	}
	// سالب خمسة، سالب 5: a spoken minus sign
	if lex.isMinus(toks[i]) {
		n, ok := lex.NumberAt(toks, i+1)
		if !ok || n.Value < 0 {
			return NumberMatch{}, false
		}
		n.Value, n.Figure, n.Start = -n.Value, -n.Figure, toks[i].Start
		return n, true
	}
	t := toks[i]
	// at most two readings; a local array keeps this call, made for nearly
	// every token by three extractors, from allocating
	var firstsBuf [2]numberStart
	firsts := firstsBuf[:0]
	// 1،234،567: the tokenizer splits at the Arabic comma; groups of three
	// digits glued to it on both sides are one number
	base := i
	switch t.Kind {
	case textdoc.Number:
		first := t.Key
		text := t.Text
		for j := i; j+2 < len(toks) && toks[j+1].Text == "،" && toks[j+1].Start == toks[j].End &&
			toks[j+2].Kind == textdoc.Number && toks[j+2].Start == toks[j+1].End; j += 2 {
			text += "،" + toks[j+2].Text
			if _, ok := arabic.ParseNumber(text); ok {
				first, base = arabic.Fold(text), j+2
			}
		}
		firsts = append(firsts, numberStart{first, 0})
	case textdoc.Word:
		firsts = wordFirsts(firsts, t)
	default:
		firsts = append(firsts, numberStart{t.Key, 0})
	}
	var keys [maxNumberTokens]string
	n := 1
	for j := base + 1; j < len(toks) && n < maxNumberTokens && toks[j].Kind != textdoc.Punct; j++ {
		keys[n] = toks[j].Key
		n++
	}
	for _, f := range firsts {
		keys[0] = f.key
		v, used, ok := lex.Numbers.Parse(keys[:n])
		if ok {
			figure, isDigits := arabic.ParseNumber(f.key)
			if !isDigits {
				figure = v
			}
			return NumberMatch{Value: v, Start: t.Start + f.peeled, Next: base + used, Digits: isDigits, Figure: figure}, true
		}
	}
	return NumberMatch{}, false
}

// wordFirsts appends the readings of a word token that may open a number:
// digits after glued proclitics (و10، ب5.7، وب10), else the word as
// written and, after a proclitic و ب ل ف, the rest of it.
func wordFirsts(firsts []numberStart, t textdoc.Token) []numberStart {
	r, size := utf8.DecodeRuneInString(t.Text)
	peeled := 0
	for k := 0; k < 2 && strings.ContainsRune("وبلف", r); k++ {
		peeled += size
		r, size = utf8.DecodeRuneInString(t.Text[peeled:])
	}
	for r == arabic.Tatweel {
		peeled += size
		r, size = utf8.DecodeRuneInString(t.Text[peeled:])
	}
	if arabic.IsDigit(r) {
		return append(firsts, numberStart{arabic.Fold(t.Text[peeled:]), peeled})
	}
	firsts = append(firsts, numberStart{t.Key, 0})
	if r0, s0 := utf8.DecodeRuneInString(t.Text); strings.ContainsRune("وبلف", r0) {
		// Fold maps each of these letters to itself and looks only at an
		// alef's neighbours, so folding the rest of the word gives the rest
		// of the token's key: no need to fold again
		firsts = append(firsts, numberStart{t.Key[s0:], s0})
	}
	return firsts
}

// isMinus reports whether t is a spoken minus sign (سالب).
func (lex *Lexicon) isMinus(t textdoc.Token) bool {
	nw, ok := lex.Numbers.Lookup(t.Key)
	return ok && nw.Kind == arabic.NumMinus && t.Kind == textdoc.Word
}

// opensNumber is the pre-check of NumberAt: whether a number can start at
// t, whatever follows. Most tokens are neither digits nor a number word;
// the answer depends on the word alone, so it is kept per word once the
// lexicon is loaded (numberOpeners).
func (lex *Lexicon) opensNumber(t textdoc.Token) bool {
	if lex.numberOpeners != nil {
		return lex.numberOpeners.Of(t)
	}
	return lex.canOpenNumber(t)
}

// canOpenNumber is opensNumber worked out: digits, a sign before digits
// (-1.2 and .77 start with one, so the tokenizer files them as
// punctuation), the minus word, or a word whose reading Parse can start on.
func (lex *Lexicon) canOpenNumber(t textdoc.Token) bool {
	switch t.Kind {
	case textdoc.Number:
		return true
	case textdoc.Punct:
		_, ok := arabic.ParseNumber(t.Key)
		return ok
	}
	if lex.isMinus(t) {
		return true
	}
	var buf [2]numberStart
	return slices.ContainsFunc(wordFirsts(buf[:0], t), lex.canStartNumber)
}

// canStartNumber reports whether a first-token reading can open a number:
// digits, or a word of the number-word table (Parse reads nothing else first).
func (lex *Lexicon) canStartNumber(f numberStart) bool {
	if _, ok := arabic.ParseNumber(f.key); ok {
		return true
	}
	_, ok := lex.Numbers.Lookup(f.key)
	return ok
}

// Numbers remembers NumberAt over one document's tokens: the money and
// percentage extractors both ask at nearly every token, and most tokens
// are no number (a byte each here; the numbers found go in a map).
type Numbers struct {
	lex   *Lexicon
	toks  []textdoc.Token
	state []uint8 // per token: 0 not read yet, 1 no number, 2 a number (in found)
	found map[int]NumberMatch
}

// NumbersIn returns the Numbers of d, shared by every extractor of d.
func (lex *Lexicon) NumbersIn(d *textdoc.Document) *Numbers {
	type memoKey struct{ lex *Lexicon }
	return textdoc.Memo(d, memoKey{lex}, func() *Numbers {
		return &Numbers{lex: lex, toks: d.Tokens, state: make([]uint8, len(d.Tokens))}
	})
}

// At is NumberAt(d.Tokens, i), read once per token.
func (n *Numbers) At(i int) (NumberMatch, bool) {
	if i < 0 || i >= len(n.state) {
		return n.lex.NumberAt(n.toks, i)
	}
	switch n.state[i] {
	case 1:
		return NumberMatch{}, false
	case 2:
		return n.found[i], true
	}
	m, ok := n.lex.NumberAt(n.toks, i)
	if !ok {
		n.state[i] = 1
		return m, false
	}
	if n.found == nil {
		n.found = map[int]NumberMatch{}
	}
	n.state[i], n.found[i] = 2, m
	return m, true
}
