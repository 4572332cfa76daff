package lexicon

import (
	"slices"
	"strings"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/textdoc"
)

// Phrases finds multi-word lexicon entries in a token stream, longest first.
// Words are compared by their matching key (arabic.Key), so spelling
// variation in hamza, ة/ه, ى/ي, diacritics and the article does not matter.
type Phrases[T any] struct {
	byFirst map[string][]phrase[T]
	// opens keeps per word whether some phrase starts with it: as written
	// (opens[0]) or with its proclitics peeled (opens[1]). At is asked at
	// nearly every token and most words start nothing; this saves hashing
	// each reading of the word into byFirst every time. Made by seal once
	// the lexicon is loaded; Add drops them, so no answer outlives a change
	// of the phrases (without them, every reading is looked up).
	opens [2]*textdoc.WordTest
}

type phrase[T any] struct {
	words []string
	value T
}

// Add registers a phrase (words separated by spaces).
func (p *Phrases[T]) Add(form string, value T) {
	words := strings.Fields(form)
	if len(words) == 0 {
		return
	}
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = arabic.Key(w)
	}
	if p.byFirst == nil {
		p.byFirst = map[string][]phrase[T]{}
	}
	list := append(p.byFirst[keys[0]], phrase[T]{words: keys, value: value})
	slices.SortStableFunc(list, func(a, b phrase[T]) int { return len(b.words) - len(a.words) })
	p.byFirst[keys[0]] = list
	p.opens = [2]*textdoc.WordTest{}
}

// seal makes the per-word pre-checks of At (opens), once every phrase is
// added.
func (p *Phrases[T]) seal() {
	p.opens = [2]*textdoc.WordTest{
		textdoc.NewWordTest(func(t textdoc.Token) bool { return p.opensAt(t, false) }),
		textdoc.NewWordTest(func(t textdoc.Token) bool { return p.opensAt(t, true) }),
	}
}

// opensAt reports whether some phrase starts with t: with its stem or,
// with peel, with one of its readings.
func (p *Phrases[T]) opensAt(t textdoc.Token, peel bool) bool {
	if !peel {
		_, ok := p.byFirst[t.Stem]
		return ok
	}
	for _, c := range t.Candidates() {
		if _, ok := p.byFirst[c.Key]; ok {
			return true
		}
	}
	return false
}

// Match is a phrase found at a token position.
type Match[T any] struct {
	Value  T
	Tokens int // how many tokens it spans
	// Peeled is how many letters of proclitics (و ف ب ل ك) were peeled
	// off the first token to find it.
	Peeled int
}

// Start returns the byte offset where the match begins in the text: after
// any peeled proclitics of its first token.
func (m Match[T]) Start(tok textdoc.Token) int {
	return tok.Start + arabic.PeeledBytes(tok.Text, m.Peeled)
}

// At returns every phrase that starts at token i, longest first. With peel,
// proclitics of the first token may be peeled (وبلغت → بلغت).
func (p *Phrases[T]) At(toks []textdoc.Token, i int, peel bool) []Match[T] {
	var out []Match[T]
	p.each(toks, i, peel, func(m Match[T]) { out = append(out, m) })
	slices.SortStableFunc(out, func(a, b Match[T]) int { return b.Tokens - a.Tokens })
	return out
}

// First returns the first phrase at token i, in At's order, that keep
// accepts (nil keeps any): the longest, the earliest found among equals.
// It is ranging over At without building and sorting the list, which
// was most of what the date scanner allocated.
func (p *Phrases[T]) First(toks []textdoc.Token, i int, peel bool, keep func(Match[T]) bool) (Match[T], bool) {
	var best Match[T]
	found := false
	p.each(toks, i, peel, func(m Match[T]) {
		// At sorts stably, longest first: a later match of the same
		// length comes after the one kept
		if (!found || m.Tokens > best.Tokens) && (keep == nil || keep(m)) {
			best, found = m, true
		}
	})
	return best, found
}

// Longest returns the longest phrase at token i.
func (p *Phrases[T]) Longest(toks []textdoc.Token, i int, peel bool) (Match[T], bool) {
	return p.First(toks, i, peel, nil)
}

// each calls yield with every phrase that starts at token i, in the order
// of the first token's readings and, for each, of byFirst.
func (p *Phrases[T]) each(toks []textdoc.Token, i int, peel bool, yield func(Match[T])) {
	if i >= len(toks) || len(p.byFirst) == 0 {
		return
	}
	peelIndex := 0
	if peel {
		peelIndex = 1
	}
	if opens := p.opens[peelIndex]; opens != nil && !opens.Of(toks[i]) {
		return
	}
	readings := []arabic.Candidate{{Key: toks[i].Stem}}
	if peel {
		readings = toks[i].Candidates()
	}
	for _, c := range readings {
		for _, ph := range p.byFirst[c.Key] {
			if matchRest(toks, i, ph.words) {
				yield(Match[T]{Value: ph.value, Tokens: len(ph.words), Peeled: c.Stripped})
			}
		}
	}
}

func matchRest(toks []textdoc.Token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for j := 1; j < len(words); j++ {
		if toks[i+j].Stem != words[j] {
			return false
		}
	}
	return true
}
