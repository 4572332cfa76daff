package gazetteer

import (
	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/textdoc"
)

// Match is a gazetteer form found in a token stream.
type Match struct {
	textdoc.Span          // byte span in the text, after any peeled proclitics
	From, To     int      // token range [From, To)
	Entries      []*Entry // everything the form refers to
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

func (g *Gazetteer) longestAt(toks []textdoc.Token, i, to int) (Match, bool) {
	tok := toks[i]
	if tok.Kind != textdoc.Word {
		return Match{}, false
	}
	var best Match
	found := false
	for _, c := range tok.Candidates() {
		n := g.root.next[c.Key]
		if n == nil {
			continue
		}
		end, entries := 0, []*Entry(nil)
		if len(n.entries) > 0 {
			end, entries = i+1, n.entries
		}
		for j := i + 1; j < to && n != nil; j++ {
			n = n.next[toks[j].Stem]
			if n != nil && len(n.entries) > 0 {
				end, entries = j+1, n.entries
			}
		}
		if end == 0 || (found && end <= best.To) {
			continue
		}
		start := tok.Start + arabic.PeeledBytes(tok.Text, c.Stripped)
		best = Match{Span: textdoc.Span{Start: start, End: toks[end-1].End}, From: i, To: end, Entries: entries}
		found = true
	}
	return best, found
}
