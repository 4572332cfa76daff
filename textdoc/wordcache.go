package textdoc

import (
	"hash/maphash"
	"sync"

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
// stays flat over any corpus) and sharded to keep workers from contending.
// Readings slices are shared between tokens and must not be modified.
type wordCache struct {
	seed   maphash.Seed
	shards [64]wordShard
}

type wordShard struct {
	mu sync.RWMutex
	m  map[string]wordInfo
}

// maxWordsPerShard bounds the cache at 64 × 4096 ≈ 262k distinct words
// (tens of MB at most).
const maxWordsPerShard = 4096

var words = newWordCache()

func newWordCache() *wordCache {
	c := &wordCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]wordInfo)
	}
	return c
}

func (c *wordCache) shard(w string) *wordShard {
	return &c.shards[maphash.String(c.seed, w)%uint64(len(c.shards))]
}

func (c *wordCache) get(w string) (wordInfo, bool) {
	s := c.shard(w)
	s.mu.RLock()
	info, ok := s.m[w]
	s.mu.RUnlock()
	return info, ok
}

func (c *wordCache) put(w string, info wordInfo) {
	s := c.shard(w)
	s.mu.Lock()
	if len(s.m) < maxWordsPerShard {
		s.m[w] = info
	}
	s.mu.Unlock()
}
