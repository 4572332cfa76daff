package textdoc

import "sync/atomic"

// WordTest remembers a yes-or-no answer about each distinct word, so that a
// question an extractor asks at every token ("can a date start here?", "is
// this the first word of a scale phrase?") is worked out once per word
// instead of once per token. Those questions were hashing the same keys
// into the same maps over and over: map lookups of word keys were most of
// the extractors' time.
//
// The answer is kept in the word's shared Analysis, two bits per test
// (Analysis.answers), next to the Kind and keys the extractors read anyway:
// keeping it in a table per test instead cost a cache miss per test and
// token. So there are at most maxWordTests tests with a place in every
// Analysis, given out in order of NewWordTest; a test made when all are
// taken works its answer out every time (correct, only slower). A run
// makes a few dozen: make tests once per lexicon, gazetteer or extractor,
// not per lookup. A WordTest is safe for concurrent use.
type WordTest struct {
	test func(Token) bool
	slot int // its two bits in Analysis.answers; -1 when none was left
}

const (
	maxWordTests = 64
	answerBits   = 2 // 00 not asked yet, 10 no, 11 yes
	askedBit     = 0b10
	yesBit       = 0b01
	testsPerWord = 64 / answerBits // tests per word of Analysis.answers
)

// answerWords is the length of Analysis.answers.
const answerWords = maxWordTests / testsPerWord

// wordTests counts the WordTests made, so that each has its own bits.
var wordTests atomic.Int32

// NewWordTest returns a WordTest of test, which must depend only on the
// token's word (its Text and Analysis), never on where the token is: the
// answer given for one token of a word is the answer for all of them.
func NewWordTest(test func(Token) bool) *WordTest {
	slot := int(wordTests.Add(1)) - 1
	if slot >= maxWordTests {
		slot = -1
	}
	return &WordTest{test: test, slot: slot}
}

// Of returns test(t), computed once per word the shared cache keeps.
func (wt *WordTest) Of(t Token) bool {
	a := t.Analysis
	if wt.slot < 0 || a.word == "" {
		// no bits of its own, or an analysis made for this token alone
		// (the full cache did not keep the word): nothing to keep it in
		return wt.test(t)
	}
	w := &a.answers[wt.slot/testsPerWord]
	shift := uint(wt.slot%testsPerWord) * answerBits
	if v := w.Load() >> shift; v&askedBit != 0 {
		return v&yesBit != 0
	}
	yes := wt.test(t)
	v := uint64(askedBit)
	if yes {
		v |= yesBit
	}
	// another goroutine may keep the same answer at the same time, or
	// another test's answer for the same word: Or keeps both
	w.Or(v << shift)
	return yes
}
