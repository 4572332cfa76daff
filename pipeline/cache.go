package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/khabar-data/khabar/schemas"
)

// Cache keeps each processed input's result on disk, keyed by everything
// that determines it: the input's bytes and metadata, the tool version, the
// fingerprint of the reference data (gazetteer and lexicons, built-in and
// user-supplied) and the run options that change results. A run over a
// folder where only some articles changed reprocesses only those and
// produces the same dataset as a full run. Entries are written atomically;
// an unreadable entry is treated as absent.
type Cache struct {
	Dir string
	// Version names everything that changes results besides the input:
	// the tool version and the reference data fingerprint.
	Version string
}

// NewCache opens (creating) a cache folder.
func NewCache(dir, version string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &Cache{Dir: dir, Version: version}, nil
}

// Key is the cache key of an input under a configuration.
func (c *Cache) Key(in Input, cfg Config) string {
	h := sha256.New()
	for _, s := range []string{c.Version, schemas.Version, cfg.Encoding, fmt.Sprint(cfg.MaxBytes), refKey(cfg.RefDate),
		in.SourceFile, in.SourceID, in.Title, in.Published, in.Source} {
		fmt.Fprintf(h, "%d:%s;", len(s), s)
	}
	h.Write(in.Raw)
	return hex.EncodeToString(h.Sum(nil))
}

func refKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// cacheEntry is the stored form of an ArticleResult.
type cacheEntry struct {
	Report   InputReport                  `json:"report"`
	Rows     map[string][]json.RawMessage `json:"rows"`
	Checked  map[string]int               `json:"checked"`
	Rejected map[string]int               `json:"rejected"`
	ByRule   map[string]map[string]int    `json:"by_rule"`
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key[:2], key+".json") }

// Get returns the cached result of key.
func (c *Cache) Get(key string) (*ArticleResult, bool) {
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, false
	}
	r := &ArticleResult{Report: e.Report, Rows: map[string][]schemas.Row{}, Checked: e.Checked, Rejected: e.Rejected, ByRule: e.ByRule}
	for name, raws := range e.Rows {
		t := schemas.ByName(name)
		if t == nil {
			return nil, false
		}
		for _, raw := range raws {
			row, err := schemas.UnmarshalRow(t, raw)
			if err != nil {
				return nil, false
			}
			r.Rows[name] = append(r.Rows[name], row)
		}
	}
	return r, true
}

// Put stores a result; failures to write only cost a later recomputation.
func (c *Cache) Put(key string, r *ArticleResult) {
	e := cacheEntry{Report: r.Report, Rows: map[string][]json.RawMessage{}, Checked: r.Checked, Rejected: r.Rejected, ByRule: r.ByRule}
	for name, rows := range r.Rows {
		for _, row := range rows {
			b, err := row.MarshalJSON()
			if err != nil {
				return
			}
			e.Rows[name] = append(e.Rows[name], b)
		}
	}
	b, err := json.Marshal(e)
	if err != nil {
		return
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
	}
}
