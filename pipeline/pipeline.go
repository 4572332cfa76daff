// Package pipeline runs the stages that turn raw articles into validated
// tables: ingest (read and decode, refuse what is not text) → clean (split
// boilerplate, take the title, date and source lines) → segment → tokenise
// → extract (every registered extractor, independently) → validate (every
// row against its table's schema; failures go to rejects). Writing the
// tables out is the output package's job; Run returns them.
package pipeline

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/khabar-data/khabar/extractors"
	"github.com/khabar-data/khabar/extractors/dates"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Config says what to read and how.
type Config struct {
	// InFS and In name the input: a folder within InFS (InFS non-nil, as for
	// the embedded default input), or a path on disk (InFS nil): a folder,
	// a .txt file or a .jsonl file.
	InFS fs.FS
	In   string
	// RefDate resolves relative dates in articles with no publication date.
	RefDate time.Time
	// Encoding of .txt inputs: "auto" (UTF-8, or UTF-16 with a BOM) or a
	// legacy encoding name (see EncodingNames).
	Encoding string
	// MaxBytes refuses larger inputs (0: no limit).
	MaxBytes  int64
	Resources *extractors.Resources
	// Workers is how many articles are processed at once (0: GOMAXPROCS).
	// Output order does not depend on it.
	Workers int
	// Shard selects the articles whose id falls in shard Shard of Shards
	// (0 ≤ Shard < Shards); Shards 0 or 1 means every article.
	Shard, Shards int
	// Cache, when set, keeps each article's rows so that a later run over
	// unchanged input reprocesses nothing (see Cache).
	Cache *Cache
	// Progress, when set, is called after each input with the number of
	// inputs done and of raw bytes read so far.
	Progress func(done int, bytes int64)
}

// DefaultMaxBytes is the default input size limit: far above any news
// article, low enough that a stray archive or dump is refused.
const DefaultMaxBytes = 16 << 20

// ArticleResult is one input after every stage: its manifest line and, for
// an article, its validated rows by table (rejected rows under "rejects").
type ArticleResult struct {
	Report InputReport
	Rows   map[string][]schemas.Row
	// Checked and Rejected count rows per table; ByRule counts rejected
	// rows per table and rule.
	Checked, Rejected map[string]int
	ByRule            map[string]map[string]int
	seq               int
	inShard           bool
	fromCache         bool
}

// Summary is what a streamed run reports at the end.
type Summary struct {
	Inputs     []InputReport
	Validation Validation
	Timings    *Timings
	// CacheHits counts the inputs whose result came from the cache.
	CacheHits int
}

// Failed counts the inputs that failed.
func (s *Summary) Failed() int {
	n := 0
	for _, in := range s.Inputs {
		if in.Status == StatusFailed {
			n++
		}
	}
	return n
}

// Result is a whole run held in memory (see Run).
type Result struct {
	// Rows holds the valid rows of every table, by table name, in output
	// order (articles in input order, mentions by article then offset), and
	// the rejected rows under "rejects".
	Rows       map[string][]schemas.Row
	Inputs     []InputReport
	Validation Validation
	Timings    *Timings
}

// Failed reports how many inputs failed.
func (r *Result) Failed() int { return (&Summary{Inputs: r.Inputs}).Failed() }

// InputReport is one line of the manifest's input list.
type InputReport struct {
	SourceFile string `json:"source_file"`
	SourceID   string `json:"source_id"`
	SHA256     string `json:"sha256,omitempty"`
	Bytes      int    `json:"bytes"`
	Status     string `json:"status"`
	Reason     string `json:"reason,omitempty"`
	Note       string `json:"note,omitempty"` // a warning about an input read fine
	ArticleID  string `json:"article_id,omitempty"`
}

// Run reads every input and returns the validated tables in memory. For
// corpora larger than memory, use Stream.
func Run(cfg Config) (*Result, error) {
	res := &Result{Rows: map[string][]schemas.Row{}}
	sum, err := Stream(cfg, func(a *ArticleResult) error {
		for t, rows := range a.Rows {
			res.Rows[t] = append(res.Rows[t], rows...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Inputs, res.Validation, res.Timings = sum.Inputs, sum.Validation, sum.Timings
	return res, nil
}

// Stream runs the pipeline over every input with a pool of workers and
// hands each result to sink in input order, one at a time, so that memory
// holds only the articles in flight (bounded by 4 × workers) whatever the
// size of the corpus. Duplicate articles (same text as an earlier input)
// are reported as skipped; inputs of other shards are left out.
func Stream(cfg Config, sink func(*ArticleResult) error) (*Summary, error) {
	return StreamWith(cfg, NewTimings(), sink)
}

// StreamWith is Stream recording stage times into timings (shared with the
// writer, so that the manifest shows every stage).
func StreamWith(cfg Config, timings *Timings, sink func(*ArticleResult) error) (*Summary, error) {
	if cfg.Resources == nil {
		return nil, fmt.Errorf("pipeline: no resources")
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	exs := extractors.Registry(cfg.Resources)
	dateReader := dates.New(cfg.Resources)

	jobs := make(chan Input)
	results := make(chan *ArticleResult, workers)
	window := make(chan struct{}, 4*workers) // inputs in flight, to bound memory
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				results <- processInput(cfg, in, exs, dateReader, timings)
			}
		}()
	}
	var produceErr error
	stopProducing := make(chan struct{})
	go func() {
		defer close(jobs)
		seq := 0
		produceErr = Each(cfg.InFS, cfg.In, func(in Input) error {
			select {
			case window <- struct{}{}:
			case <-stopProducing:
				return errStopped
			}
			in.seq = seq
			seq++
			jobs <- in
			return nil
		})
	}()
	go func() { wg.Wait(); close(results) }()

	sum := &Summary{Timings: timings, Validation: Validation{Checked: map[string]int{}, Rejected: map[string]int{}, ByRule: map[string]map[string]int{}}}
	for _, t := range schemas.All() {
		if t != schemas.Rejects {
			sum.Validation.Checked[t.Name], sum.Validation.Rejected[t.Name] = 0, 0
		}
	}
	seen := map[string]string{} // article_id → source_file of its first occurrence
	pending := map[int]*ArticleResult{}
	next, done := 0, 0
	var bytesRead int64
	var sinkErr error
	for r := range results {
		pending[r.seq] = r
		for {
			a, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			done++
			bytesRead += int64(a.Report.Bytes)
			if cfg.Progress != nil {
				cfg.Progress(done, bytesRead)
			}
			if sinkErr != nil || !a.inShard {
				continue
			}
			if id := a.Report.ArticleID; id != "" && a.Report.Status == StatusOK {
				if first, dup := seen[id]; dup {
					a.Report.Status, a.Report.Reason = StatusSkipped, "duplicate of "+first
					a.Rows, a.Checked, a.Rejected, a.ByRule = nil, nil, nil, nil
				} else {
					seen[id] = a.Report.SourceFile
				}
			}
			sum.Inputs = append(sum.Inputs, a.Report)
			if a.fromCache {
				sum.CacheHits++
			}
			sum.Validation.add(a)
			stop := timings.Start("write")
			sinkErr = sink(a)
			stop()
			if sinkErr != nil {
				close(stopProducing)
			}
		}
	}
	if sinkErr != nil {
		return nil, sinkErr
	}
	if produceErr != nil {
		return nil, produceErr
	}
	return sum, nil
}

var errStopped = errors.New("pipeline: stopped")

// processInput turns one input into its result; it never panics.
func processInput(cfg Config, in Input, exs []extractors.Extractor, dateReader *dates.Extractor, t *Timings) *ArticleResult {
	r := &ArticleResult{seq: in.seq, inShard: true}
	rep := InputReport{SourceFile: in.SourceFile, SourceID: in.SourceID, Status: in.Status, Reason: in.Reason}
	if rep.Status == "" {
		stop := t.Start("read")
		err := in.Load()
		stop()
		if err != nil {
			rep.Status, rep.Reason = StatusFailed, "cannot read: "+err.Error()
		}
	}
	rep.SHA256, rep.Bytes = in.SHA256, len(in.Raw)
	if rep.Status != "" {
		r.Report = rep
		r.inShard = inShard(cfg, in.SourceFile)
		return r
	}
	key := ""
	if cfg.Cache != nil {
		key = cfg.Cache.Key(in, cfg)
		if cached, ok := cfg.Cache.Get(key); ok {
			cached.seq, cached.inShard, cached.fromCache = in.seq, inShard(cfg, cached.Report.ArticleID), true
			return cached
		}
	}
	a, err := processOne(cfg, in, exs, dateReader, t)
	if err != nil {
		rep.Status, rep.Reason = StatusFailed, err.Error()
		r.Report = rep
		r.inShard = inShard(cfg, in.SourceFile)
	} else {
		rep.Status, rep.ArticleID, rep.Note = StatusOK, a.id, a.note
		r.Report = rep
		stop := t.Start("validate")
		validateArticle(a, r)
		stop()
		// the code points were only for validation, which copies what it keeps
		*a.runes = a.text[:0]
		runeBufs.Put(a.runes)
		r.inShard = inShard(cfg, a.id)
	}
	if cfg.Cache != nil {
		cfg.Cache.Put(key, r)
	}
	return r
}

// inShard reports whether an article (by id) or a failed input (by source
// file) belongs to the configured shard. The split is a hash, so it does
// not depend on input order or on the number of inputs.
func inShard(cfg Config, key string) bool {
	if cfg.Shards <= 1 {
		return true
	}
	h := sha256.Sum256([]byte(key))
	return binary.BigEndian.Uint64(h[:8])%uint64(cfg.Shards) == uint64(cfg.Shard)
}

// articleOut is one processed article: its row and its mention rows.
type articleOut struct {
	note     string // something the manifest should say about an article read fine
	id       string
	article  schemas.Row
	text     []rune  // the text as code points, which offsets count, in runes
	runes    *[]rune // from runeBufs, given back after validation
	mentions map[string][]schemas.Row
}

func processOne(cfg Config, in Input, exs []extractors.Extractor, dateReader *dates.Extractor, t *Timings) (a *articleOut, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("internal error (please report): %v", r)
		}
	}()
	stop := t.Start("ingest")
	text, err := decode(in.Raw, cfg.Encoding, cfg.MaxBytes, in.validUTF8)
	stop()
	if err != nil {
		return nil, err
	}
	id := ArticleID(text)

	stop = t.Start("clean")
	c := Clean(text, dateReader.ParsePublished)
	stop()
	if in.Title != "" {
		c.Title = strings.TrimSpace(in.Title)
	}
	if in.Source != "" {
		c.SourceName = strings.TrimSpace(in.Source)
	}
	var note string
	if in.Published != "" {
		if p, ok := parsePublishedField(in.Published, dateReader); ok {
			c.Published = p
		} else {
			// The article is still read; only its date is unknown.
			note = fmt.Sprintf("published %q is not a date (want YYYY-MM-DD, RFC 3339 or a date line); publication date left empty", in.Published)
		}
	}
	if strings.TrimSpace(c.Text) == "" {
		return nil, fmt.Errorf("no article text left after removing boilerplate (%d characters removed)", utf8.RuneCountInString(c.Removed))
	}
	ref := c.Published
	if ref.IsZero() {
		ref = cfg.RefDate
	}

	stop = t.Start("segment")
	sentences := textdoc.Segment(c.Text)
	stop()
	stop = t.Start("tokenize")
	buf := tokenBufs.Get().(*[]textdoc.Token)
	tokens := textdoc.AppendTokens((*buf)[:0], c.Text, sentences)
	stop()
	runes := runeBufs.Get().(*[]rune)
	// codePoints is []rune(c.Text), into a reused slice
	d, codePoints := textdoc.BuildRunes(c.Text, ref, sentences, tokens, (*runes)[:0])
	a = &articleOut{id: id, text: codePoints, runes: runes, mentions: extractAll(d, id, exs, t), note: note}
	// nothing made from d holds its tokens (rows copy what they need and
	// d's memos die with it), so the slice serves the next article
	*buf = tokens[:0]
	tokenBufs.Put(buf)

	row := schemas.Articles.NewRow().
		Set("article_id", id).
		Set("source_file", in.SourceFile).
		Set("source_id", in.SourceID).
		Set("text", c.Text).
		Set("char_count", int64(len(a.text))).
		Set("sentence_count", int64(len(sentences))).
		Set("date_count", int64(len(a.mentions[schemas.Dates.Name]))).
		Set("money_count", int64(len(a.mentions[schemas.Money.Name]))).
		Set("country_count", int64(len(a.mentions[schemas.Countries.Name]))).
		Set("agreement_count", int64(len(a.mentions[schemas.Agreements.Name])))
	if c.Title != "" {
		row.Set("title", c.Title)
	}
	if c.SourceName != "" {
		row.Set("source_name", c.SourceName)
	}
	if !c.Published.IsZero() {
		row.Set("published_date", c.Published)
	}
	if !ref.IsZero() {
		row.Set("reference_date", ref)
	}
	if c.Removed != "" {
		row.Set("removed_text", c.Removed)
	}
	a.article = row
	return a, nil
}

// tokenBufs and runeBufs hold token and code-point slices for reuse (see
// processOne and processInput).
var (
	tokenBufs = sync.Pool{New: func() any { return new([]textdoc.Token) }}
	runeBufs  = sync.Pool{New: func() any { return new([]rune) }}
)

// extractAll runs every extractor on d and returns the mention rows by table.
func extractAll(d *textdoc.Document, articleID string, exs []extractors.Extractor, t *Timings) map[string][]schemas.Row {
	found := make([][]extractors.Mention, len(exs))
	for i, ex := range exs {
		stop := t.Start("extract:" + ex.Table().Name)
		found[i] = ex.Extract(d)
		stop()
	}
	out := map[string][]schemas.Row{}
	// every row of the article holds the same id: boxed once, not per row
	boxedID := any(articleID)
	for i, ex := range exs {
		table := ex.Table()
		for _, m := range found[i] {
			if !shadowed(d, exs, found, i, m) {
				out[table.Name] = append(out[table.Name], mentionRow(d, articleID, boxedID, m))
			}
		}
	}
	return out
}

// shadowed reports whether m, a mention of extractor i, lies inside a
// mention of another extractor that hides it (extractors.Shadower).
func shadowed(d *textdoc.Document, exs []extractors.Extractor, found [][]extractors.Mention, i int, m extractors.Mention) bool {
	for j, ex := range exs {
		sh, ok := ex.(extractors.Shadower)
		if !ok || j == i {
			continue
		}
		for _, own := range found[j] {
			if own.Span.Start <= m.Span.Start && m.Span.End <= own.Span.End && sh.Shadows(d, own, exs[i].Table(), m) {
				return true
			}
		}
	}
	return false
}

// ArticleID is the stable id of an article text: the first 64 bits of its
// SHA-256, in hex.
func ArticleID(text string) string {
	// hashed in place: []byte(text) copied every article's text (5% of
	// what a run allocated); Sum256 only reads its argument
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(text), len(text)))
	return hex.EncodeToString(sum[:8])
}

// ExtractText runs every extractor on one text as it is (no cleaning) and
// returns its mention rows, table by table in registry order: what
// `khabar extract` prints.
func ExtractText(text string, ref time.Time, res *extractors.Resources) []schemas.Row {
	d := textdoc.New(text, ref)
	exs := extractors.Registry(res)
	byTable := extractAll(d, ArticleID(text), exs, NewTimings())
	var out []schemas.Row
	for _, ex := range exs {
		out = append(out, byTable[ex.Table().Name]...)
	}
	return out
}

// parsePublishedField reads a JSON Lines published field: an ISO date or
// timestamp, or anything the date-line reader understands.
func parsePublishedField(s string, dateReader *dates.Extractor) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return schemas.DateOf(t), true
		}
	}
	return dateReader.ParsePublished(s)
}

// mentionRow fills the columns every mention table shares; boxedID is
// articleID in an interface. A span that does not fit the text (an
// extractor bug) is kept with impossible offsets so that validation
// rejects it, rather than being dropped or panicking.
func mentionRow(d *textdoc.Document, articleID string, boxedID any, m extractors.Mention) schemas.Row {
	r := m.Row
	s, e := m.Span.Start, m.Span.End
	if s < 0 || e > len(d.Text) || s >= e || !utf8.RuneStart(d.Text[s]) || (e < len(d.Text) && !utf8.RuneStart(d.Text[e])) {
		return r.Set("article_id", articleID).
			Set("mention_id", schemas.MentionID(articleID, r.Table.Name, int64(s), int64(e))).
			Set("sentence_index", int64(0)).
			Set("char_start", int64(s)).Set("char_end", int64(e)).
			Set("surface", fmt.Sprintf("<invalid byte span %d-%d>", s, e))
	}
	cs, ce := int64(d.RuneOffset(s)), int64(d.RuneOffset(e))
	return r.Set("article_id", boxedID).
		Set("mention_id", schemas.MentionID(articleID, r.Table.Name, cs, ce)).
		Set("sentence_index", int64(d.SentenceIndex(s))).
		Set("char_start", cs).
		Set("char_end", ce).
		Set("surface", d.Text[s:e])
}

// Validation summarises the validate stage.
type Validation struct {
	Checked  map[string]int            `json:"rows_checked"`
	Rejected map[string]int            `json:"rows_rejected"`
	ByRule   map[string]map[string]int `json:"rejected_by_rule"`
}

func (v *Validation) add(a *ArticleResult) {
	for t, n := range a.Checked {
		v.Checked[t] += n
	}
	for t, n := range a.Rejected {
		v.Rejected[t] += n
	}
	for t, rules := range a.ByRule {
		if v.ByRule[t] == nil {
			v.ByRule[t] = map[string]int{}
		}
		for rule, n := range rules {
			v.ByRule[t][rule] += n
		}
	}
}

// validateArticle checks the article's row and its mention rows (sorted by
// offset) and sorts each into its table or rejects.
func validateArticle(a *articleOut, r *ArticleResult) {
	r.Rows = map[string][]schemas.Row{}
	r.Checked, r.Rejected, r.ByRule = map[string]int{}, map[string]int{}, map[string]map[string]int{}
	ctx := &schemas.Context{ArticleText: map[string][]rune{a.id: a.text}}
	check := func(row schemas.Row) {
		t := row.Table
		r.Checked[t.Name]++
		violations := t.Validate(row, ctx)
		if len(violations) == 0 {
			r.Rows[t.Name] = append(r.Rows[t.Name], row)
			return
		}
		r.Rejected[t.Name]++
		if r.ByRule[t.Name] == nil {
			r.ByRule[t.Name] = map[string]int{}
		}
		for _, viol := range violations {
			r.ByRule[t.Name][viol.Rule]++
			r.Rows[schemas.Rejects.Name] = append(r.Rows[schemas.Rejects.Name], schemas.RejectRow(row, viol))
		}
	}
	check(a.article)
	for _, t := range schemas.Mentions() {
		ms := a.mentions[t.Name]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Int("char_start") < ms[j].Int("char_start") })
		for _, row := range ms {
			check(row)
		}
	}
}
