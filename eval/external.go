package eval

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/khabar-data/khabar/schemas"
)

// External is an annotated NER data set in ../shared/corpora that some of
// our kinds can be scored against (spans only: these sets carry no
// normalised values). The label mapping is written down here and in
// testdata/gold/GUIDELINES.md ("External data sets").
type External struct {
	Name  string
	Files []string // under the corpora folder, gzipped, token then tags
	// FANE is the NewsFANE format: BOM, CRLF, LRM marks, token<TAB>tag, a
	// line holding only a TAB between sentences. Otherwise Wojood: token
	// and one BIO tag per nesting level separated by spaces, blank lines
	// between sentences, $#$ an artifact token.
	FANE bool
	// Labels maps a gold label to our kind.
	Labels map[string]string
	// Keep says which of our rows the set's labels cover: rows it rejects
	// are left out of scoring (neither hits nor false alarms).
	Keep func(kind string, r schemas.Row) bool
}

// Externals are the data sets scored by TestExternal and `khabar eval
// --external NAME`.
var Externals = []External{
	{
		Name:   "wojood",
		Files:  []string{"wojood-sample/train.txt.gz", "wojood-sample/val.txt.gz", "wojood-sample/test.txt.gz"},
		Labels: map[string]string{"DATE": "date", "MONEY": "money", "GPE": "country"},
		// GPE covers countries, cities, villages and regions with a
		// government; nationality adjectives are NORP, so our adjective
		// mentions are not scored.
		Keep: func(kind string, r schemas.Row) bool {
			return kind != "country" || r.String("match_kind") != "adjective"
		},
	},
	{
		Name:   "newsfane",
		Files:  []string{"fane-gold/NewsFANE_Gold_2014_170K.txt.gz"},
		FANE:   true,
		Labels: map[string]string{"Nation": "country"},
		// Nation is a country named by its name (national teams included,
		// inconsistently); capitals and cities are Population-Center and
		// adjectives are mostly untagged, so only our name and team
		// mentions are scored.
		Keep: func(kind string, r schemas.Row) bool {
			if kind != "country" {
				return false
			}
			switch r.String("match_kind") {
			case "name", "short", "official", "variant", "team":
				return true
			}
			return false
		},
	},
}

// ExternalByName finds an external data set.
func ExternalByName(name string) (External, bool) {
	for _, e := range Externals {
		if e.Name == name {
			return e, true
		}
	}
	return External{}, false
}

type token struct {
	text string
	tags []string
}

// readSentences reads the set's sentences.
func (x External) readSentences(corporaDir string) ([][]token, error) {
	var out [][]token
	for _, f := range x.Files {
		fh, err := os.Open(filepath.Join(corporaDir, f))
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			fh.Close()
			return nil, err
		}
		sents, err := x.parse(zr)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, sents...)
	}
	return out, nil
}

func (x External) parse(r io.Reader) ([][]token, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out [][]token
	var cur []token
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		line = strings.TrimPrefix(line, "\uFEFF")
		line = strings.ReplaceAll(line, "\u200E", "")
		var fields []string
		if x.FANE {
			if strings.TrimSpace(line) == "" {
				flush()
				continue
			}
			fields = strings.Split(line, "\t")
		} else {
			if strings.TrimSpace(line) == "" {
				flush()
				continue
			}
			fields = strings.Fields(line)
		}
		if len(fields) < 2 || strings.TrimSpace(fields[0]) == "" {
			continue
		}
		tok := strings.TrimSpace(fields[0])
		if tok == "$#$" {
			continue
		}
		cur = append(cur, token{text: tok, tags: fields[1:]})
	}
	flush()
	return out, sc.Err()
}

// ExternalDocs turns the set into pipeline inputs of perDoc sentences each
// (sentences joined by line breaks, tokens by spaces) and span-only gold.
// limit > 0 keeps only the first limit sentences.
func (x External) ExternalDocs(corporaDir string, perDoc, limit int) ([]Input, []Gold, error) {
	sents, err := x.readSentences(corporaDir)
	if err != nil {
		return nil, nil, err
	}
	if limit > 0 && len(sents) > limit {
		sents = sents[:limit]
	}
	var inputs []Input
	var gold []Gold
	for d := 0; d*perDoc < len(sents); d++ {
		id := fmt.Sprintf("%s-%04d", x.Name, d)
		var b strings.Builder
		pos := 0 // code points written
		write := func(s string) {
			b.WriteString(s)
			pos += len([]rune(s))
		}
		for si, sent := range sents[d*perDoc : min(len(sents), (d+1)*perDoc)] {
			if si > 0 {
				write("\n")
			}
			starts := make([]int, len(sent))
			ends := make([]int, len(sent))
			for ti, t := range sent {
				if ti > 0 {
					write(" ")
				}
				starts[ti] = pos
				write(t.text)
				ends[ti] = pos
			}
			for label, kind := range x.Labels {
				for _, sp := range spansOf(sent, label) {
					surface := make([]string, 0, sp[1]-sp[0])
					for _, t := range sent[sp[0]:sp[1]] {
						surface = append(surface, t.text)
					}
					gold = append(gold, Gold{SourceID: id, Kind: kind, CharStart: starts[sp[0]], CharEnd: ends[sp[1]-1], Surface: strings.Join(surface, " "), Note: label})
				}
			}
		}
		inputs = append(inputs, Input{ID: id, Text: b.String()})
	}
	return inputs, gold, nil
}

// spansOf finds the token spans [start, end) labelled label at any
// nesting level (B-label opens a span, I-label continues it).
func spansOf(sent []token, label string) [][2]int {
	var out [][2]int
	open := -1
	for i, t := range sent {
		b, in := false, false
		for _, tag := range t.tags {
			switch tag {
			case "B-" + label:
				b = true
			case "I-" + label:
				in = true
			}
		}
		switch {
		case b:
			if open >= 0 {
				out = append(out, [2]int{open, i})
			}
			open = i
		case in && open >= 0:
		case in: // I- without B-: open a span anyway
			open = i
		default:
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			}
		}
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(sent)})
	}
	return out
}

// FilterRows keeps the rows of the mention tables that the set's labels
// cover (see External.Keep).
func (x External) FilterRows(rows map[string][]schemas.Row) map[string][]schemas.Row {
	out := map[string][]schemas.Row{}
	for name, rs := range rows {
		kind := ""
		for k, t := range Kinds {
			if t.Name == name {
				kind = k
			}
		}
		if kind == "" {
			out[name] = rs
			continue
		}
		for _, r := range rs {
			if x.Keep(kind, r) {
				out[name] = append(out[name], r)
			}
		}
	}
	return out
}

// Scored reports whether the set scores a kind.
func (x External) Scored(kind string) bool {
	for _, k := range x.Labels {
		if k == kind {
			return true
		}
	}
	return false
}
