package textdoc

import (
	"sync"
	"sync/atomic"
)

// WordTest remembers a yes-or-no answer about each distinct word, so that a
// question an extractor asks at every token ("can a date start here?", "is
// this the first word of a scale phrase?") is worked out once per word
// instead of once per token. Those questions were hashing the same keys
// into the same maps over and over: map lookups of word keys were most of
// the extractors' time.
//
// The answer is filed under the word's number in the shared word cache
// (Analysis.id): two bits per word in a table of at most 64 KB, read with
// one load. Words the full cache did not keep have no number and are
// tested every time. A WordTest is safe for concurrent use.
type WordTest struct {
	test  func(Token) bool
	once  sync.Once
	cells []atomic.Uint32 // wordsPerCell words per cell, answerBits each
}

const (
	answerBits   = 2 // 00 not asked yet, 10 no, 11 yes
	wordsPerCell = 32 / answerBits
	askedBit     = 0b10
	yesBit       = 0b01
)

// NewWordTest returns a WordTest of test, which must depend only on the
// token's word (its Text and Analysis), never on where the token is: the
// answer given for one token of a word is the answer for all of them.
func NewWordTest(test func(Token) bool) *WordTest {
	return &WordTest{test: test}
}

// Of returns test(t), computed once per cached word.
func (wt *WordTest) Of(t Token) bool {
	id := t.Analysis.id
	if id == 0 || id > maxWordID {
		return wt.test(t)
	}
	// the table is made on first use: a lexicon holds tests that a run
	// may never ask
	wt.once.Do(func() { wt.cells = make([]atomic.Uint32, maxWordID/wordsPerCell+1) })
	cell := &wt.cells[id/wordsPerCell]
	shift := id % wordsPerCell * answerBits
	if v := cell.Load() >> shift; v&askedBit != 0 {
		return v&yesBit != 0
	}
	yes := wt.test(t)
	v := uint32(askedBit)
	if yes {
		v |= yesBit
	}
	// another goroutine may file the same answer at the same time, or
	// another word's answer in the same cell: Or keeps both
	cell.Or(v << shift)
	return yes
}
