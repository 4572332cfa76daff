package output

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/khabar-data/khabar/extractors"
	"github.com/khabar-data/khabar/pipeline"
	"github.com/khabar-data/khabar/schemas"
)

// Merge combines the output folders of a sharded run (`khabar run --shard
// I/N`) into one dataset in outDir, identical to what a single run over the
// whole input writes: inputs are put back in input order and each article's
// rows are taken, in order, from the part that processed it. Parts are read
// as streams, so memory does not grow with the data.
func Merge(outDir string, parts []string, formats []string, toolVersion string, derived []extractors.Derived) (*Manifest, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("merge: no part folders")
	}
	started := time.Now()
	type owned struct {
		in   pipeline.InputReport
		part int
	}
	var inputs []owned
	sum := &pipeline.Summary{Timings: pipeline.NewTimings(), Validation: pipeline.Validation{
		Checked: map[string]int{}, Rejected: map[string]int{}, ByRule: map[string]map[string]int{}}}
	var first *Manifest
	for i, dir := range parts {
		m, err := ReadManifest(dir)
		if err != nil {
			return nil, fmt.Errorf("merge: part %s: %w", dir, err)
		}
		if m.SchemaVersion != schemas.Version {
			return nil, fmt.Errorf("merge: part %s has schema %s, this tool writes %s", dir, m.SchemaVersion, schemas.Version)
		}
		if first == nil {
			first = m
		} else if m.Input != first.Input || m.RefDate != first.RefDate || m.ToolVersion != first.ToolVersion {
			return nil, fmt.Errorf("merge: part %s was made from other input or settings (%s, %s) than %s (%s, %s)",
				dir, m.Input, m.ToolVersion, parts[0], first.Input, first.ToolVersion)
		}
		for _, in := range m.Inputs {
			inputs = append(inputs, owned{in, i})
		}
		addValidation(&sum.Validation, m.Validation, isDerivedOf(derived))
	}
	sort.SliceStable(inputs, func(a, b int) bool { return inputLess(inputs[a].in.SourceFile, inputs[b].in.SourceFile) })
	for i := 1; i < len(inputs); i++ {
		if inputs[i].in.SourceFile == inputs[i-1].in.SourceFile {
			return nil, fmt.Errorf("merge: input %s appears in two parts", inputs[i].in.SourceFile)
		}
	}

	// Derived tables are rebuilt from the merged tables, not concatenated.
	isDerived := map[string]bool{}
	for _, d := range derived {
		isDerived[d.Table.Name] = true
	}
	var tables []*schemas.Table
	for _, t := range schemas.All() {
		if !isDerived[t.Name] {
			tables = append(tables, t)
		}
	}
	iters := make([]map[string]*rowIter, len(parts))
	defer func() {
		for _, m := range iters {
			for _, it := range m {
				it.close()
			}
		}
	}()
	for i, dir := range parts {
		iters[i] = map[string]*rowIter{}
		for _, t := range tables {
			it, err := openRowIter(filepath.Join(dir, t.Name+".parquet"), t)
			if err != nil {
				return nil, fmt.Errorf("merge: part %s: %w", dir, err)
			}
			iters[i][t.Name] = it
		}
	}
	w, err := NewWriter(outDir, formats, toolVersion, sum.Timings, derived)
	if err != nil {
		return nil, err
	}
	for _, o := range inputs {
		a := &pipeline.ArticleResult{Report: o.in, Rows: map[string][]schemas.Row{}}
		if o.in.Status == pipeline.StatusOK && o.in.ArticleID != "" {
			for _, t := range tables {
				rows, err := iters[o.part][t.Name].takeArticle(o.in.ArticleID)
				if err != nil {
					w.Abort()
					return nil, fmt.Errorf("merge: %s: %w", parts[o.part], err)
				}
				a.Rows[t.Name] = rows
			}
		}
		sum.Inputs = append(sum.Inputs, o.in)
		if err := w.Article(a); err != nil {
			w.Abort()
			return nil, err
		}
	}
	for i, m := range iters {
		for name, it := range m {
			if it.pending != nil {
				w.Abort()
				return nil, fmt.Errorf("merge: part %s: %s has rows of an article no input of the part names (%s)", parts[i], name, it.pending.String("article_id"))
			}
		}
	}
	m := NewManifest(sum, w.Rows(), first.Input, formats, time.Time{}, toolVersion, started)
	m.RefDate = first.RefDate
	if err := w.Close(m); err != nil {
		return nil, err
	}
	return m, nil
}

func isDerivedOf(derived []extractors.Derived) map[string]bool {
	m := map[string]bool{}
	for _, d := range derived {
		m[d.Table.Name] = true
	}
	return m
}

// addValidation sums a part's validation counts, leaving out the derived
// tables (rebuilt, and so re-validated, by the merge).
func addValidation(dst *pipeline.Validation, src pipeline.Validation, skip map[string]bool) {
	for t, n := range src.Checked {
		if !skip[t] {
			dst.Checked[t] += n
		}
	}
	for t, n := range src.Rejected {
		if !skip[t] {
			dst.Rejected[t] += n
		}
	}
	for t, rules := range src.ByRule {
		if skip[t] {
			continue
		}
		if dst.ByRule[t] == nil {
			dst.ByRule[t] = map[string]int{}
		}
		for r, n := range rules {
			dst.ByRule[t][r] += n
		}
	}
}

var jsonlLine = regexp.MustCompile(`^(.*):(\d+)$`)

// inputLess orders inputs as a single run reads them: files by path, the
// records of a JSON Lines file by line number.
func inputLess(a, b string) bool {
	ma, mb := jsonlLine.FindStringSubmatch(a), jsonlLine.FindStringSubmatch(b)
	if ma != nil && mb != nil && ma[1] == mb[1] {
		na, _ := strconv.Atoi(ma[2])
		nb, _ := strconv.Atoi(mb[2])
		return na < nb
	}
	return a < b
}

// rowIter pulls the rows of one Parquet file in order.
type rowIter struct {
	f       *os.File
	pr      *parquet.Reader
	t       *schemas.Table
	typ     reflect.Type
	pending *schemas.Row
	done    bool
}

func openRowIter(path string, t *schemas.Table) (*rowIter, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	want := ParquetSchema(t)
	if !parquet.EqualNodes(pf.Schema(), want) {
		f.Close()
		return nil, fmt.Errorf("%s: schema differs from the declared one", path)
	}
	return &rowIter{f: f, pr: parquet.NewReader(pf, want), t: t, typ: rowType(t)}, nil
}

func (it *rowIter) peek() (*schemas.Row, error) {
	if it.pending != nil || it.done {
		return it.pending, nil
	}
	v := reflect.New(it.typ)
	if err := it.pr.Read(v.Interface()); err == io.EOF {
		it.done = true
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	r := fromStruct(it.t, v.Elem())
	it.pending = &r
	return it.pending, nil
}

// takeArticle returns the consecutive rows of article id at the head of
// the stream.
func (it *rowIter) takeArticle(id string) ([]schemas.Row, error) {
	var out []schemas.Row
	for {
		r, err := it.peek()
		if err != nil || r == nil || r.String("article_id") != id {
			return out, err
		}
		out = append(out, *r)
		it.pending = nil
	}
}

func (it *rowIter) close() {
	it.pr.Close()
	it.f.Close()
}
