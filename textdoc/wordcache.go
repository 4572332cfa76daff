package textdoc

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/khabar-data/khabar/arabic"
)

// wordCache remembers the analysis of words already seen. News vocabulary
// is Zipfian, so most tokens are repeats; folding and peeling clitics once
// per distinct word instead of once per token is the largest saving in
// tokenisation. The cache is bounded (it stops growing when full, so memory
// stays flat over any corpus). Each word is written once and then only
// read, from every worker. Analyses are shared between tokens and must not
// be modified.
//
// It is asked only when a tokeniser's own tables (localWords) miss, so
// plain maps behind read-write locks, sharded by hash, are quick enough;
// they replaced a sync.Map whose hash-trie nodes were a quarter of the
// cache's memory, all of it pointers the collector traced in every cycle
// (the collector was ~19% of the CPU of a whole-ANT run).
type wordCache struct {
	shards [wordShards]struct {
		sync.RWMutex
		m map[string]*Analysis
	}
	size atomic.Int64
}

const wordShards = 64

// maxWords bounds the cache at about 262k distinct words (tens of MB at
// most).
const maxWords = 1 << 18

var words = &wordCache{}

// analysis returns the analysis of word w, whose hash (with wordSeed) is h,
// from the cache or made now.
func (c *wordCache) analysis(w string, h uint64) *Analysis {
	sh := &c.shards[h%wordShards]
	sh.RLock()
	a, ok := sh.m[w]
	sh.RUnlock()
	if ok {
		return a
	}
	a = analyse(w)
	if c.size.Load() >= maxWords {
		return a
	}
	sh.Lock()
	defer sh.Unlock()
	if first, ok := sh.m[w]; ok {
		// another worker stored the same word meanwhile: share its analysis
		return first
	}
	// the kept analysis is a copy in the arena, which also copies w (a
	// slice of an article's text that the cache must not pin)
	a = arena.keep(a, w)
	if sh.m == nil {
		sh.m = map[string]*Analysis{}
	}
	sh.m[a.word] = a
	c.size.Add(1)
	return a
}

// localWords is one tokenising goroutine's own tables in front of the shared
// cache. sync.Map reads take no lock but walk a hash trie through
// interfaces: on the ANT corpus they were 12% of a run's CPU, against a
// few percent for a plain map. The frequent words of news settle in each
// front map within a few articles; its entries point to the shared
// analyses (nothing is analysed twice) and it is bounded, so memory stays
// flat.
type localWords struct {
	// hot is a small direct-mapped table in front of m: m's lookups cost
	// a few cache misses each (its table and keys span MBs), which made
	// them most of tokenising; the few thousand commonest words, which
	// make most tokens, stay in these 64 KB and resolve with one hash and
	// one comparison.
	hot [hotSlots]hotSlot
	// m is an open-addressed table of the words this tokeniser has met,
	// by the hash already computed for the hot slot: a Go map hashed the
	// word again and probed a control word, a key and the key's bytes,
	// each a cache miss in a table of MBs; here one entry (hash and
	// analysis) decides, and the analysis it points to is what the token
	// reads next anyway. At most half full (maxLocalWords of localSlots),
	// so probe runs stay short.
	m []hotSlot
	n int // words in m

	hashes  []uint64 // scratch for resolve
	trimmed []Token  // scratch for trimEdges
	sink    int      // what resolve's first pass read (so that it reads it)
}

// hotSlot is a word's hash and analysis (whose word field is the word).
type hotSlot struct {
	hash uint64
	a    *Analysis
}

const hotSlots = 1 << 12

// wordSeed seeds the hash that picks a word's hot slot and cache shard;
// which words share a slot or shard changes only speed, never a result.
var wordSeed = maphash.MakeSeed()

// maxLocalWords bounds a front table (2 MB): news vocabulary is Zipfian,
// so the first 64k distinct words cover most tokens.
const (
	maxLocalWords = 1 << 16
	localSlots    = 2 * maxLocalWords
)

// idleLocal holds the front tables not in use; a tokeniser takes one for an
// article and gives it back, so there are as many as tokenisers ever ran
// at once (the workers). Unlike a sync.Pool, it is not emptied at every
// garbage collection.
var idleLocal struct {
	sync.Mutex
	free []*localWords
}

func takeLocalWords() *localWords {
	idleLocal.Lock()
	defer idleLocal.Unlock()
	if n := len(idleLocal.free); n > 0 {
		lw := idleLocal.free[n-1]
		idleLocal.free = idleLocal.free[:n-1]
		return lw
	}
	return &localWords{m: make([]hotSlot, localSlots)}
}

func (lw *localWords) release() {
	idleLocal.Lock()
	idleLocal.free = append(idleLocal.free, lw)
	idleLocal.Unlock()
}

// analysis returns the analysis of word w: from the front map, else from
// the shared cache (remembering it in front). A nil lw uses the shared
// cache only.
func (lw *localWords) analysis(w string) *Analysis {
	h := maphash.String(wordSeed, w)
	if lw == nil {
		return words.analysis(w, h)
	}
	return lw.lookup(w, h)
}

// lookup is analysis for a word whose hash is h.
func (lw *localWords) lookup(w string, h uint64) *Analysis {
	slot := &lw.hot[h&(hotSlots-1)]
	if slot.hash == h && slot.a != nil && slot.a.word == w {
		return slot.a
	}
	i := h & (localSlots - 1)
	for {
		e := &lw.m[i]
		if e.a == nil {
			break
		}
		if e.hash == h && e.a.word == w {
			slot.hash, slot.a = h, e.a
			return e.a
		}
		i = (i + 1) & (localSlots - 1)
	}
	a := words.analysis(w, h)
	// words the full cache did not keep (with no word of their own) are
	// not kept in front either
	if a.word != "" && lw.n < maxLocalWords {
		lw.m[i] = hotSlot{h, a}
		lw.n++
	}
	if a.word != "" {
		// the last word seen takes the slot: frequent words keep coming back
		slot.hash, slot.a = h, a
	}
	return a
}

// wordArena holds the analyses the shared cache keeps, their readings and
// their strings in large blocks. The cache lives for the whole run and is
// most of what the collector traces: as separate objects (an Analysis, its
// readings and a few strings per word, over a million objects for 262k
// words) every collection paid a span lookup and a mark per object, about
// a tenth of a whole-corpus run. In blocks of a few hundred analyses and
// tens of KB of bytes the same pointers lead to a few thousand objects.
// Nothing kept is ever freed (the cache only grows), so a block pins
// nothing that would otherwise be garbage.
type wordArena struct {
	sync.Mutex
	// the current blocks: their lengths are what is used, their
	// capacities the blocks' sizes
	analyses []Analysis
	readings []arabic.Candidate
	bytes    []byte
}

var arena = &wordArena{}

const (
	arenaAnalyses = 512      // Analyses per block (48 KB)
	arenaReadings = 2048     // Candidates per block (48 KB)
	arenaBytes    = 64 << 10 // bytes per block
	// a longer string gets an allocation of its own, so that a rare very
	// long "word" (a URL) does not waste most of a block
	arenaMaxString = 1 << 10
)

// keep returns a copy of a, made for word w, in the arena: its strings
// (and w's, as its word) copied into the byte blocks, its readings into
// a readings block, with the same contents as a.
func (ar *wordArena) keep(a *Analysis, w string) *Analysis {
	ar.Lock()
	defer ar.Unlock()
	if len(ar.analyses) == cap(ar.analyses) {
		ar.analyses = make([]Analysis, 0, arenaAnalyses)
	}
	ar.analyses = ar.analyses[:len(ar.analyses)+1]
	k := &ar.analyses[len(ar.analyses)-1]
	k.Kind = a.Kind
	k.Key = ar.str(a.Key)
	// keep the sharing analyse sets up: one copy for equal strings
	k.Stem = k.Key
	if a.Stem != a.Key {
		k.Stem = ar.str(a.Stem)
	}
	k.word = k.Key
	if w != a.Key {
		k.word = ar.str(w)
	}
	if a.Readings != nil {
		k.Readings = ar.candidates(len(a.Readings))
		for i, c := range a.Readings {
			switch c.Key {
			case k.Key:
				c.Key = k.Key
			case k.Stem:
				c.Key = k.Stem
			default:
				c.Key = ar.str(c.Key)
			}
			k.Readings[i] = c
		}
	}
	return k
}

// str copies s into the current byte block.
func (ar *wordArena) str(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > arenaMaxString {
		return strings.Clone(s)
	}
	if cap(ar.bytes)-len(ar.bytes) < len(s) {
		ar.bytes = make([]byte, 0, arenaBytes)
	}
	start := len(ar.bytes)
	ar.bytes = append(ar.bytes, s...)
	return unsafe.String(&ar.bytes[start], len(s))
}

// candidates returns n readings' room in the current block, capped so that
// an append by a reader copies instead of writing into the next word's.
func (ar *wordArena) candidates(n int) []arabic.Candidate {
	if n == 0 {
		return []arabic.Candidate{}
	}
	if n > arenaReadings/8 {
		return make([]arabic.Candidate, n)
	}
	if cap(ar.readings)-len(ar.readings) < n {
		ar.readings = make([]arabic.Candidate, 0, arenaReadings)
	}
	start := len(ar.readings)
	ar.readings = ar.readings[:start+n]
	return ar.readings[start : start+n : start+n]
}

// resolve gives the tokens of toks that have no analysis yet theirs, in
// two passes. Looking a word up is a chain of dependent loads (its slot,
// the analysis the slot points to, the word's bytes), most of them cache
// misses once the tables outgrow the caches; made one token after the
// other, between the scanning of the text, the misses came one at a
// time, and waiting on them was most of tokenising. The first pass only
// hashes each word and reads where its lookup will lead, loads that do
// not depend on one another, so the processor has many misses in flight
// at once; the second pass then looks each word up as before, mostly in
// cache. Which analysis a token gets does not depend on it.
func (lw *localWords) resolve(toks []Token) {
	hs := lw.hashes[:0]
	sink := 0
	for i := range toks {
		if toks[i].Analysis != nil {
			hs = append(hs, 0)
			continue
		}
		h := maphash.String(wordSeed, toks[i].Text)
		hs = append(hs, h)
		sink += lw.touch(h)
	}
	lw.hashes, lw.sink = hs, lw.sink+sink
	for i := range toks {
		if toks[i].Analysis == nil {
			toks[i].Analysis = lw.lookup(toks[i].Text, hs[i])
		}
	}
}

// touch reads what a lookup of the word with hash h will read first: its
// hot slot, and the analysis and bytes of the word the slot (or else the
// word's first slot in m) holds.
func (lw *localWords) touch(h uint64) int {
	a := lw.hot[h&(hotSlots-1)].a
	if lw.hot[h&(hotSlots-1)].hash != h {
		a = lw.m[h&(localSlots-1)].a
	}
	if a == nil || a.word == "" {
		return 0
	}
	return int(a.word[0])
}
