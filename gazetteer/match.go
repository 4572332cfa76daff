package gazetteer

import (
	"strings"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/textdoc"
)

// Match is a gazetteer form found in a token stream.
type Match struct {
	textdoc.Span          // byte span in the text, after any peeled proclitics
	From, To     int      // token range [From, To)
	Entries      []*Entry // everything the form refers to
}

// IsWord reports whether the match is an ordinary word or phrase the
// gazetteer consumes so that no place is read inside it (kind NotAPlace:
// كبيرا، مسقط رأس), not a place or a country.
func (m Match) IsWord() bool {
	return len(m.Entries) > 0 && m.Entries[0].Place != nil && m.Entries[0].Kind == NotAPlace
}

// Scan finds gazetteer forms in toks[from:to] in one left-to-right pass:
// at each word it walks the trie from every clitic reading of the word and
// keeps the longest form (ties go to the reading that peels least), then
// continues after it. Regions and organisations are matched like countries,
// so that آسيا الوسطى is consumed whole and never yields الوسطى.
func (g *Gazetteer) Scan(toks []textdoc.Token, from, to int) []Match {
	var out []Match
	for i := from; i < to; {
		m, ok := g.longestAt(toks, i, to)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.To
	}
	return out
}

// ScanDocument is Scan over the whole of d, run once per document however
// many extractors ask (countries, places, money's currency context,
// agreements). The result is shared: callers must not modify it.
func (g *Gazetteer) ScanDocument(d *textdoc.Document) []Match {
	type memoKey struct{ g *Gazetteer }
	return textdoc.Memo(d, memoKey{g}, func() []Match { return g.Scan(d.Tokens, 0, len(d.Tokens)) })
}

func (g *Gazetteer) longestAt(toks []textdoc.Token, i, to int) (Match, bool) {
	tok := toks[i]
	if tok.Kind != textdoc.Word || !g.opens.Of(tok) {
		return Match{}, false
	}
	var best Match
	found := false
	for _, c := range readings(tok) {
		n := g.root.next[c.Key]
		if n == nil {
			continue
		}
		peeled := arabic.PeeledBytes(tok.Text, c.Stripped)
		// articles has bit k set when token i+k carries the article (لل
		// is ل + ال with the alef elided).
		var articles uint64
		if rest := tok.Text[peeled:]; WordHasArticle(rest) || strings.HasPrefix(rest, "لل") {
			articles = 1
		}
		end, entries := 0, []*Entry(nil)
		if es := withArticles(n.entries, articles); len(es) > 0 {
			end, entries = i+1, es
		}
		for j := i + 1; j < to && n != nil; j++ {
			n = n.next[toks[j].Stem]
			if n == nil {
				break
			}
			if j-i < 64 && WordHasArticle(toks[j].Text) {
				articles |= 1 << (j - i)
			}
			if es := withArticles(n.entries, articles); len(es) > 0 {
				end, entries = j+1, es
			}
		}
		if end == 0 || (found && end <= best.To) {
			continue
		}
		best = Match{Span: textdoc.Span{Start: tok.Start + peeled, End: toks[end-1].End}, From: i, To: end, Entries: entries}
		found = true
	}
	return best, found
}

// readings returns the keys a form may start with at tok: its clitic
// readings, and its stem when they do not start with the word as written.
func readings(tok textdoc.Token) []arabic.Candidate {
	cands := tok.Candidates()
	if len(cands) == 0 || cands[0].Stripped != 0 {
		// a word of one or two letters has no reading (the clitic peeler
		// keeps three letters at least), but may start a form: لا باز، ذا فالي
		cands = append([]arabic.Candidate{{Key: tok.Stem}}, cands...)
	}
	return cands
}

// opensAt reports whether a form of g starts with one of tok's readings.
func (g *Gazetteer) opensAt(tok textdoc.Token) bool {
	if tok.Kind != textdoc.Word {
		return false
	}
	for _, c := range readings(tok) {
		if g.root.next[c.Key] != nil {
			return true
		}
	}
	return false
}

// withArticles keeps the entries whose words written with the article
// carry it in the text (articles: bit k for the k-th word of the match).
func withArticles(entries []*Entry, articles uint64) []*Entry {
	for k, e := range entries {
		if articlesAgree(e, articles) {
			continue
		}
		// at least one entry fails: copy the ones that pass
		out := append([]*Entry(nil), entries[:k]...)
		for _, e := range entries[k+1:] {
			if articlesAgree(e, articles) {
				out = append(out, e)
			}
		}
		return out
	}
	return entries
}

// articlesAgree reports whether the words of e that need the article carry
// it, and its first word does not when the form is only ever bare.
func articlesAgree(e *Entry, articles uint64) bool {
	return e.article&^articles == 0 && !(e.bareFirst && articles&1 != 0)
}
