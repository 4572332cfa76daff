// Package pipeline runs the stages that turn raw articles into validated
// tables: ingest (read and decode, refuse what is not text) → clean (split
// boilerplate, take the title, date and source lines) → segment → tokenise
// → extract (every registered extractor, independently) → validate (every
// row against its table's schema; failures go to rejects). Writing the
// tables out is the output package's job; Run returns them.
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

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
}

// DefaultMaxBytes is the default input size limit: far above any news
// article, low enough that a stray archive or dump is refused.
const DefaultMaxBytes = 16 << 20

// Result is everything a run produced.
type Result struct {
	// Rows holds the valid rows of every table, by table name, in output
	// order (articles in input order, mentions by article then offset), and
	// the rejected rows under "rejects".
	Rows   map[string][]schemas.Row
	Inputs []InputReport
	// Validation counts checked and rejected rows per table and rule.
	Validation Validation
	Timings    *Timings
}

// InputReport is one line of the manifest's input list.
type InputReport struct {
	SourceFile string `json:"source_file"`
	SourceID   string `json:"source_id"`
	SHA256     string `json:"sha256,omitempty"`
	Bytes      int    `json:"bytes"`
	Status     string `json:"status"`
	Reason     string `json:"reason,omitempty"`
	ArticleID  string `json:"article_id,omitempty"`
}

// Failed reports whether any input failed.
func (r *Result) Failed() int {
	n := 0
	for _, in := range r.Inputs {
		if in.Status == StatusFailed {
			n++
		}
	}
	return n
}

// Run reads every input and returns the validated tables.
func Run(cfg Config) (*Result, error) {
	if cfg.Resources == nil {
		return nil, fmt.Errorf("pipeline: no resources")
	}
	timings := NewTimings()
	stop := timings.Start("discover")
	inputs, err := Discover(cfg.InFS, cfg.In)
	stop()
	if err != nil {
		return nil, err
	}
	exs := extractors.Registry(cfg.Resources)
	dateReader := dates.New(cfg.Resources)

	res := &Result{Rows: map[string][]schemas.Row{}, Timings: timings}
	seen := map[string]string{} // article_id → source_file of its first occurrence
	var articles []*articleOut
	for _, in := range inputs {
		report := InputReport{SourceFile: in.SourceFile, SourceID: in.SourceID, SHA256: in.SHA256, Bytes: len(in.Raw), Status: in.Status, Reason: in.Reason}
		if report.Status != "" {
			res.Inputs = append(res.Inputs, report)
			continue
		}
		a, err := processOne(cfg, in, exs, dateReader, timings)
		switch {
		case err != nil:
			report.Status, report.Reason = StatusFailed, err.Error()
		case seen[a.id] != "":
			report.Status, report.Reason, report.ArticleID = StatusSkipped, "duplicate of "+seen[a.id], a.id
		default:
			seen[a.id] = in.SourceFile
			report.Status, report.ArticleID = StatusOK, a.id
			articles = append(articles, a)
		}
		res.Inputs = append(res.Inputs, report)
	}

	stop = timings.Start("validate")
	res.Validation = validateAll(articles, res.Rows)
	stop()
	return res, nil
}

// articleOut is one processed article: its row and its mention rows.
type articleOut struct {
	id       string
	article  schemas.Row
	text     []rune
	mentions map[string][]schemas.Row
}

func processOne(cfg Config, in Input, exs []extractors.Extractor, dateReader *dates.Extractor, t *Timings) (a *articleOut, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("internal error (please report): %v", r)
		}
	}()
	stop := t.Start("ingest")
	text, err := Decode(in.Raw, cfg.Encoding, cfg.MaxBytes)
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
	if in.Published != "" {
		p, ok := parsePublishedField(in.Published, dateReader)
		if !ok {
			return nil, fmt.Errorf("published %q is not a date (want YYYY-MM-DD or RFC 3339)", in.Published)
		}
		c.Published = p
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
	tokens := textdoc.Tokenize(c.Text, sentences)
	stop()
	d := textdoc.Build(c.Text, ref, sentences, tokens)

	a = &articleOut{id: id, text: []rune(c.Text), mentions: extractAll(d, id, exs, t)}

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

// extractAll runs every extractor on d and returns the mention rows by table.
func extractAll(d *textdoc.Document, articleID string, exs []extractors.Extractor, t *Timings) map[string][]schemas.Row {
	out := map[string][]schemas.Row{}
	for _, ex := range exs {
		table := ex.Table()
		stop := t.Start("extract:" + table.Name)
		found := ex.Extract(d)
		stop()
		for _, m := range found {
			out[table.Name] = append(out[table.Name], mentionRow(d, articleID, m))
		}
	}
	return out
}

// ArticleID is the stable id of an article text: the first 64 bits of its
// SHA-256, in hex.
func ArticleID(text string) string {
	sum := sha256.Sum256([]byte(text))
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

// mentionRow fills the columns every mention table shares. A span that
// does not fit the text (an extractor bug) is kept with impossible offsets
// so that validation rejects it, rather than being dropped or panicking.
func mentionRow(d *textdoc.Document, articleID string, m extractors.Mention) schemas.Row {
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
	return r.Set("article_id", articleID).
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

// validateAll checks every row and sorts it into its table or rejects.
func validateAll(articles []*articleOut, rows map[string][]schemas.Row) Validation {
	v := Validation{Checked: map[string]int{}, Rejected: map[string]int{}, ByRule: map[string]map[string]int{}}
	ctx := &schemas.Context{ArticleText: map[string][]rune{}}
	for _, a := range articles {
		ctx.ArticleText[a.id] = a.text
	}
	check := func(r schemas.Row) {
		t := r.Table
		v.Checked[t.Name]++
		violations := t.Validate(r, ctx)
		if len(violations) == 0 {
			rows[t.Name] = append(rows[t.Name], r)
			return
		}
		v.Rejected[t.Name]++
		if v.ByRule[t.Name] == nil {
			v.ByRule[t.Name] = map[string]int{}
		}
		for _, viol := range violations {
			v.ByRule[t.Name][viol.Rule]++
			rows[schemas.Rejects.Name] = append(rows[schemas.Rejects.Name], schemas.RejectRow(r, viol))
		}
	}
	for _, a := range articles {
		check(a.article)
	}
	for _, t := range schemas.Mentions() {
		for _, a := range articles {
			ms := a.mentions[t.Name]
			sort.SliceStable(ms, func(i, j int) bool { return ms[i].Int("char_start") < ms[j].Int("char_start") })
			for _, r := range ms {
				check(r)
			}
		}
	}
	for _, t := range schemas.All() {
		if _, ok := v.Checked[t.Name]; !ok && t != schemas.Rejects {
			v.Checked[t.Name] = 0
			v.Rejected[t.Name] = 0
		}
	}
	return v
}
