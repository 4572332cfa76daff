// Package textdoc is the analysed form of one article that every extractor
// reads: the text, its sentences and its tokens, with byte offsets into the
// text and a conversion to the code-point offsets the dataset publishes.
//
// The segmenter (segment.go) and the tokeniser (tokenize.go) live here, not
// in the pipeline, so that an extractor's tests can build a Document from a
// sentence without importing the pipeline.
package textdoc

import (
	"sort"
	"time"
)

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct{ Start, End int }

// Document is one article ready for extraction.
type Document struct {
	Text string
	// RefDate is the date relative expressions resolve against (the
	// publication date, else the run's --ref-date); zero when unknown.
	RefDate   time.Time
	Sentences []Span
	Tokens    []Token

	// runeMarks[k] is the first rune start at or after byte k×runeMarkStep
	// and the code points before it; runeCount is the code points in all.
	// RuneOffset counts on from a mark: a table for every byte was 4 bytes
	// per byte of text, a tenth of what a run allocated.
	runeMarks []runeMark
	runeCount int
	memo      map[any]any
}

// runeMark is a rune start and the number of code points before it.
type runeMark struct{ at, n int32 }

// runeMarkStep is the byte distance between rune marks.
const runeMarkStep = 64

// Fresh returns a copy of d sharing its text, sentences and tokens but
// none of its memoised results: benchmarks that run an extractor on the
// same documents again use it so that every run does the work.
func (d *Document) Fresh() *Document {
	c := *d
	c.memo = nil
	return &c
}

// Memo returns the value compute gives for key, computing it once per
// document. Extractors that read another's analysis (agreements read the
// dates and countries of their sentence) share it this way instead of
// running it twice; the key must capture everything the value depends on
// besides the document. A Document belongs to one goroutine, so there is
// no locking.
func Memo[T any](d *Document, key any, compute func() T) T {
	if v, ok := d.memo[key]; ok {
		return v.(T)
	}
	v := compute()
	if d.memo == nil {
		d.memo = map[any]any{}
	}
	d.memo[key] = v
	return v
}

// New segments and tokenises text.
func New(text string, refDate time.Time) *Document {
	sentences := Segment(text)
	return Build(text, refDate, sentences, Tokenize(text, sentences))
}

// Build assembles a Document from a text already segmented and tokenised
// (the pipeline times those stages separately).
func Build(text string, refDate time.Time, sentences []Span, tokens []Token) *Document {
	d, _ := build(text, refDate, sentences, tokens, nil, false)
	return d
}

// BuildRunes is Build that also appends the code points of text to dst,
// as AppendRunes does, in the same pass over the text (the pipeline needs
// both, and decoding every article twice cost a few percent of a run).
func BuildRunes(text string, refDate time.Time, sentences []Span, tokens []Token, dst []rune) (*Document, []rune) {
	return build(text, refDate, sentences, tokens, dst, true)
}

func build(text string, refDate time.Time, sentences []Span, tokens []Token, dst []rune, runes bool) (*Document, []rune) {
	d := &Document{Text: text, RefDate: refDate, Sentences: sentences, Tokens: tokens}
	d.runeMarks = make([]runeMark, 0, len(text)/runeMarkStep+1)
	n := int32(0)
	// every rune start, an invalid byte counting as a rune of its own, as
	// the code points published do
	for i := 0; i < len(text); {
		for len(d.runeMarks)*runeMarkStep <= i {
			d.runeMarks = append(d.runeMarks, runeMark{int32(i), n})
		}
		n++
		r, size := runeAt(text, i)
		if runes {
			dst = append(dst, r)
		}
		i += size
	}
	d.runeCount = int(n)
	return d, dst
}

// HasRefDate reports whether relative dates can be resolved.
func (d *Document) HasRefDate() bool { return !d.RefDate.IsZero() }

// RuneOffset converts a byte offset of Text (at a rune boundary) to a code
// point offset; inside a multi-byte rune it gives that rune's offset.
func (d *Document) RuneOffset(byteOff int) int {
	if byteOff == len(d.Text) {
		return d.runeCount
	}
	k := byteOff / runeMarkStep
	if k >= len(d.runeMarks) || int(d.runeMarks[k].at) > byteOff {
		// byteOff is inside the rune that starts before mark k (or
		// before the end, when the text's last rune holds it)
		if k >= len(d.runeMarks) {
			return d.runeCount - 1
		}
		return int(d.runeMarks[k].n) - 1
	}
	m := d.runeMarks[k]
	n := int(m.n) - 1
	for i := range d.Text[m.at:] {
		if int(m.at)+i > byteOff {
			break
		}
		n++
	}
	return n
}

// SentenceIndex returns the index of the sentence that holds byte offset b
// (the last sentence starting at or before b).
func (d *Document) SentenceIndex(b int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Start > b })
	if i == 0 {
		return 0
	}
	return i - 1
}

// TokenAt returns the index of the first token that ends after byte b.
func (d *Document) TokenAt(b int) int {
	return sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > b })
}

// SentenceTokens returns the token index range [from, to) of sentence s.
func (d *Document) SentenceTokens(s int) (from, to int) {
	span := d.Sentences[s]
	from = d.TokenAt(span.Start)
	to = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= span.End })
	return from, to
}
