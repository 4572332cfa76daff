package countries

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/textdoc"
)

// In a sports report a country named as a side of the play stands for its
// national team (فازت نيجيريا على النيجر 2 - 1). Such mentions are kept, as
// the country is still named, but with match_kind "team" so that an analyst
// of relations between states can leave them out. NewsFANE, for one, tags
// them as teams, not nations.

//go:embed data/sports.tsv
var sportsTSV string

// sportsWords maps the folded key of a sports word to whether it is strong
// (one is enough to call the sentence a sports report).
var sportsWords = mustSportsWords()

// maybeSports keeps per word whether one of its sportsKeys is a sports
// word: SportsSentence reads every word of the sentence of each country
// mention, and few words are sports words.
var maybeSports = textdoc.NewWordTest(func(t textdoc.Token) bool {
	for _, key := range sportsKeys(t) {
		if _, ok := sportsWords[key]; ok {
			return true
		}
	}
	return false
})

func mustSportsWords() map[string]bool {
	recs, err := lexicon.ReadTSV(strings.NewReader(sportsTSV), "extractors/countries/data/sports.tsv", "word", "strength")
	if err != nil {
		panic(err)
	}
	out := map[string]bool{}
	for _, r := range recs {
		switch s := r.Get("strength"); s {
		case "strong", "weak":
			out[arabic.Fold(r.Get("word"))] = s == "strong"
		default:
			panic(fmt.Sprintf("extractors/countries/data/sports.tsv:%d: strength %q is neither strong nor weak", r.Line, s))
		}
	}
	return out
}

// SportsSentence reports whether tokens [from, to) read as a sports report
// (the agreements extractor asks it too: الاتفاق there is a club):
// one strong sports word or score, or two different weak ones.
func (e *Extractor) SportsSentence(toks []textdoc.Token, from, to int) bool {
	var weak string
	for i := from; i < to; i++ {
		t := toks[i]
		switch t.Kind {
		case textdoc.Number:
			if e.isScore(toks, i, to) {
				return true
			}
			continue
		case textdoc.Word:
			if !maybeSports.Of(t) {
				continue
			}
		default:
			continue
		}
		for _, key := range sportsKeys(t) {
			strong, ok := sportsWords[key]
			switch {
			case !ok:
				continue
			case strong:
				return true
			case weak != "" && weak != key:
				return true
			default:
				weak = key
			}
			break
		}
	}
	return false
}

// sportsReportAt reports whether the sentence of d that holds byte b is a
// sports report.
func (e *Extractor) sportsReportAt(d *textdoc.Document, b int) bool {
	s := d.Sentences[d.SentenceIndex(b)]
	return e.SportsSentence(d.Tokens, d.TokenAt(s.Start), d.TokenAt(s.End))
}

// sportsKeys are the keys a word is looked up by: as written (الشوط keeps
// its article), then with its proclitics peeled.
func sportsKeys(t textdoc.Token) []string {
	keys := []string{t.Key}
	for _, c := range t.Candidates() {
		keys = append(keys, c.Key)
	}
	return keys
}

// isScore reports whether token i starts a score: a number of at most two
// digits, a dash, and another (2 - 1، 1-0), not followed by a scale word or
// a percent sign, which make it a range (1 - 2 مليون، 5 - 10 %).
func (e *Extractor) isScore(toks []textdoc.Token, i, to int) bool {
	if i+2 >= to || !smallNumber(toks[i].Text) || !smallNumber(toks[i+2].Text) {
		return false
	}
	if d := toks[i+1].Text; d != "-" && d != "–" {
		return false
	}
	if i+3 < to {
		if _, scale := e.lex.Scales.Longest(toks, i+3, true); scale || strings.ContainsAny(toks[i+3].Text, "%٪") {
			return false
		}
	}
	return true
}

func smallNumber(s string) bool {
	n := 0
	for _, r := range s {
		if _, ok := arabic.DigitValue(r); !ok {
			return false
		}
		n++
	}
	return n >= 1 && n <= 2
}

// locativeWords before a country in a sports report make it the place of
// play, not a side (أقيمت المباراة في ألمانيا).
var locativeWords = map[string]bool{}

func init() {
	for _, w := range []string{"في", "إلى", "داخل", "أرض", "أراضي"} {
		locativeWords[arabic.Fold(w)] = true
	}
}

// locative reports whether the match starting at token i, at byte start
// (after any peeled proclitics), is the place of play: after في or إلى, or
// with ب attached (بألمانيا).
func locative(d *textdoc.Document, i, start int) bool {
	if strings.Contains(d.Text[d.Tokens[i].Start:start], "ب") {
		return true
	}
	return i > 0 && d.Tokens[i-1].Kind == textdoc.Word && locativeWords[d.Tokens[i-1].Key]
}

// parenthesised reports whether the match is alone in brackets: the
// country of a club in a fixture list (برشلونة (إسبانيا) - روما (إيطاليا)),
// a reference to the country, not to its team.
func parenthesised(d *textdoc.Document, m gazetteer.Match) bool {
	return m.From > 0 && m.To < len(d.Tokens) && d.Tokens[m.From-1].Text == "(" && d.Tokens[m.To].Text == ")"
}
