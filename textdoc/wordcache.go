package textdoc

import (
	"strings"
	"sync"
	"sync/atomic"
)

// wordCache remembers the analysis of words already seen. News vocabulary
// is Zipfian, so most tokens are repeats; folding and peeling clitics once
// per distinct word instead of once per token is the largest saving in
// tokenisation. The cache is bounded (it stops growing when full, so memory
// stays flat over any corpus). Each word is written once and then only
// read, from every worker: the case sync.Map is built for (reads take no
// lock). Analyses are shared between tokens and must not be modified.
type wordCache struct {
	m    sync.Map // string → *Analysis
	size atomic.Int64
}

// maxWords bounds the cache at about 262k distinct words (tens of MB at
// most).
const maxWords = 1 << 18

var words = &wordCache{}

// analysis returns the analysis of word w, from the cache or made now.
func (c *wordCache) analysis(w string) *Analysis {
	if v, ok := c.m.Load(w); ok {
		return v.(*Analysis)
	}
	a := analyse(w)
	if c.size.Load() >= maxWords {
		return a
	}
	// w is a slice of an article's text: a copy keeps the article from
	// being pinned in memory by the cache
	v, loaded := c.m.LoadOrStore(strings.Clone(w), a)
	if !loaded {
		c.size.Add(1)
	}
	// when another worker stored the same word first, share its analysis
	return v.(*Analysis)
}
