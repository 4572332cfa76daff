package textdoc

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/khabar-data/khabar/arabic"
)

// wordInfo is what the tokenizer derives from a word's text alone.
type wordInfo struct {
	key, stem string
	kind      TokenKind
	readings  []arabic.Candidate
}

// wordCache remembers the analysis of words already seen. News vocabulary
// is Zipfian, so most tokens are repeats; folding and peeling clitics once
// per distinct word instead of once per token is the largest saving in
// tokenisation. The cache is bounded (it stops growing when full, so memory
// stays flat over any corpus). Each word is written once and then only
// read, from every worker: the case sync.Map is built for (reads take no
// lock). Readings slices are shared between tokens and must not be modified.
type wordCache struct {
	m    sync.Map // string → wordInfo
	size atomic.Int64
}

// maxWords bounds the cache at about 262k distinct words (tens of MB at
// most).
const maxWords = 1 << 18

var words = &wordCache{}

func (c *wordCache) get(w string) (wordInfo, bool) {
	v, ok := c.m.Load(w)
	if !ok {
		return wordInfo{}, false
	}
	return v.(wordInfo), true
}

func (c *wordCache) put(w string, info wordInfo) {
	if c.size.Load() >= maxWords {
		return
	}
	// w is a slice of an article's text: a copy keeps the article from
	// being pinned in memory by the cache
	if _, loaded := c.m.LoadOrStore(strings.Clone(w), info); !loaded {
		c.size.Add(1)
	}
}
