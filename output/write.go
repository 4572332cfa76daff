package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/khabar-data/khabar/extractors"
	"github.com/khabar-data/khabar/pipeline"
	"github.com/khabar-data/khabar/schemas"
)

// Formats the run can write.
var Formats = []string{"parquet", "xlsx", "jsonl"}

// ManifestFile and WorkbookFile are the fixed output names.
const (
	ManifestFile = "manifest.json"
	WorkbookFile = "dataset.xlsx"
)

// Manifest is manifest.json: what was read, what was written, what failed
// and why. Everything but Run is deterministic.
type Manifest struct {
	Tool          string                 `json:"tool"`
	ToolVersion   string                 `json:"tool_version"`
	SchemaVersion string                 `json:"schema_version"`
	Input         string                 `json:"input"`
	Formats       []string               `json:"formats"`
	RefDate       string                 `json:"ref_date,omitempty"`
	Shard         string                 `json:"shard,omitempty"`
	Summary       InputSummary           `json:"summary"`
	Inputs        []pipeline.InputReport `json:"inputs"`
	Tables        []TableReport          `json:"tables"`
	Validation    pipeline.Validation    `json:"validation"`
	ExitCode      int                    `json:"exit_code"`
	Run           RunInfo                `json:"run"`
}

// InputSummary counts inputs by status.
type InputSummary struct {
	Inputs  int `json:"inputs"`
	OK      int `json:"ok"`
	Skipped int `json:"skipped"`
	Failed  int `json:"failed"`
}

// TableReport is one table's row count and files.
type TableReport struct {
	Name  string   `json:"name"`
	Rows  int      `json:"rows"`
	Files []string `json:"files"`
}

// RunInfo is the non-deterministic part of the manifest: when the run
// started and how long each stage took.
type RunInfo struct {
	StartedAt string           `json:"started_at"`
	Timings   []pipeline.Stage `json:"timings"`
	CacheHits int              `json:"cache_hits"`
}

// NewManifest describes a run.
func NewManifest(sum *pipeline.Summary, rows map[string]int, input string, formats []string, refDate time.Time, toolVersion string, started time.Time) *Manifest {
	m := &Manifest{
		Tool: "khabar", ToolVersion: toolVersion, SchemaVersion: schemas.Version,
		Input: input, Formats: formats, Inputs: sum.Inputs, Validation: sum.Validation,
	}
	if m.Inputs == nil {
		m.Inputs = []pipeline.InputReport{}
	}
	if !refDate.IsZero() {
		m.RefDate = refDate.Format(time.DateOnly)
	}
	for _, in := range sum.Inputs {
		m.Summary.Inputs++
		switch in.Status {
		case pipeline.StatusOK:
			m.Summary.OK++
		case pipeline.StatusSkipped:
			m.Summary.Skipped++
		default:
			m.Summary.Failed++
		}
	}
	for _, t := range schemas.All() {
		tr := TableReport{Name: t.Name, Rows: rows[t.Name], Files: []string{}}
		for _, f := range formats {
			switch f {
			case "parquet":
				tr.Files = append(tr.Files, t.Name+".parquet")
			case "jsonl":
				tr.Files = append(tr.Files, t.Name+".jsonl")
			case "xlsx":
				tr.Files = append(tr.Files, WorkbookFile+"#"+t.Name)
			}
		}
		m.Tables = append(m.Tables, tr)
	}
	if m.Summary.Failed > 0 || rows[schemas.Rejects.Name] > 0 {
		m.ExitCode = 1
	}
	m.Run.StartedAt = started.UTC().Format(time.RFC3339)
	m.Run.Timings = sum.Timings.Stages()
	m.Run.CacheHits = sum.CacheHits
	return m
}

// ParseFormats checks a --format list.
func ParseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ToLower(f))
		if f == "" {
			continue
		}
		if f == "excel" {
			f = "xlsx"
		}
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("unknown format %q (known: %s)", f, strings.Join(Formats, ", "))
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no output format given")
	}
	return out, nil
}

// Writer writes a run's tables as the articles come, in every format, and
// moves the files into the output folder only when all were written.
// Parquet files are always written (into the staging folder): the workbook
// is built from them at the end, so that no table is held in memory.
type Writer struct {
	outDir, toolVersion string
	formats             []string
	derived             []extractors.Derived
	kept                map[string][]schemas.Row // inputs of derived tables
	stage               *Staging
	parquet             map[string]*parquetStream
	jsonl               map[string]*jsonlStream
	rows                map[string]int
	timings             *pipeline.Timings
}

type parquetStream struct {
	file *os.File
	w    *parquet.Writer
	rows []parquet.Row // one row, reused (see appendParquetRow)
}

type jsonlStream struct {
	file *os.File
	w    *bufio.Writer
}

// rowGroupRows bounds the rows parquet-go buffers before writing a row
// group: small for articles (whole texts), larger for the mention tables.
func rowGroupRows(t *schemas.Table) int64 {
	if t == schemas.Articles {
		return 2048
	}
	return 65536
}

// NewWriter starts writing into outDir. Derived tables are built at Close
// from the tables they are made from.
func NewWriter(outDir string, formats []string, toolVersion string, timings *pipeline.Timings, derived []extractors.Derived) (*Writer, error) {
	stage, err := NewStaging(outDir)
	if err != nil {
		return nil, err
	}
	w := &Writer{outDir: outDir, toolVersion: toolVersion, formats: formats, stage: stage, derived: derived,
		parquet: map[string]*parquetStream{}, jsonl: map[string]*jsonlStream{}, rows: map[string]int{}, timings: timings,
		kept: map[string][]schemas.Row{}}
	for _, d := range derived {
		for _, t := range d.From {
			w.kept[t.Name] = nil
		}
	}
	for _, t := range schemas.All() {
		f, err := stage.Create(t.Name + ".parquet")
		if err != nil {
			w.Abort()
			return nil, err
		}
		typ := rowType(t)
		w.parquet[t.Name] = &parquetStream{file: f, w: newParquetWriter(f, t, typ, toolVersion, parquet.MaxRowsPerRowGroup(rowGroupRows(t))), rows: []parquet.Row{nil}}
		if slices.Contains(formats, "jsonl") {
			jf, err := stage.Create(t.Name + ".jsonl")
			if err != nil {
				w.Abort()
				return nil, err
			}
			w.jsonl[t.Name] = &jsonlStream{file: jf, w: bufio.NewWriterSize(jf, 1<<16)}
		}
	}
	return w, nil
}

// Article appends one article's rows.
func (w *Writer) Article(a *pipeline.ArticleResult) error {
	for _, t := range schemas.All() {
		rows := a.Rows[t.Name]
		if _, keep := w.kept[t.Name]; keep {
			for _, r := range rows {
				w.kept[t.Name] = append(w.kept[t.Name], light(r))
			}
		}
		if err := w.append(t, rows); err != nil {
			return err
		}
	}
	return nil
}

// light copies a row without its long texts: derived tables are built from
// ids, dates and names, and keeping whole articles would make memory grow
// with the corpus.
func light(r schemas.Row) schemas.Row {
	c := r.Table.NewRow()
	copy(c.Values, r.Values)
	for i, col := range r.Table.Columns {
		if col.Name == "text" || col.Name == "removed_text" {
			c.Values[i] = nil
		}
	}
	return c
}

func (w *Writer) append(t *schemas.Table, rows []schemas.Row) error {
	if len(rows) == 0 {
		return nil
	}
	w.rows[t.Name] += len(rows)
	ps := w.parquet[t.Name]
	for _, r := range rows {
		// one row per call, as parquet.Writer.Write would, so that row
		// groups end where they always did
		ps.rows[0] = appendParquetRow(ps.rows[0][:0], r)
		_, err := ps.w.WriteRows(ps.rows)
		if err != nil {
			return fmt.Errorf("%s.parquet: %w", t.Name, err)
		}
		if js := w.jsonl[t.Name]; js != nil {
			if err := writeJSONLine(js.w, r); err != nil {
				return fmt.Errorf("%s.jsonl: %w", t.Name, err)
			}
		}
	}
	return nil
}

// buildDerived builds, validates and appends the derived tables; rows that
// break a rule go to rejects like any other.
func (w *Writer) buildDerived(m *Manifest) error {
	for _, d := range w.derived {
		var from [][]schemas.Row
		for _, t := range d.From {
			from = append(from, w.kept[t.Name])
		}
		if _, ok := m.Validation.Checked[d.Table.Name]; !ok {
			m.Validation.Checked[d.Table.Name], m.Validation.Rejected[d.Table.Name] = 0, 0
		}
		stop := w.timings.Start("derive:" + d.Table.Name)
		rows := d.Build(from)
		stop()
		var valid, rejects []schemas.Row
		for _, r := range rows {
			m.Validation.Checked[d.Table.Name]++
			v := d.Table.Validate(r, nil)
			if len(v) == 0 {
				valid = append(valid, r)
				continue
			}
			m.Validation.Rejected[d.Table.Name]++
			if m.Validation.ByRule[d.Table.Name] == nil {
				m.Validation.ByRule[d.Table.Name] = map[string]int{}
			}
			for _, viol := range v {
				m.Validation.ByRule[d.Table.Name][viol.Rule]++
				rejects = append(rejects, schemas.RejectRow(r, viol))
			}
		}
		if err := w.append(d.Table, valid); err != nil {
			return err
		}
		if err := w.append(schemas.Rejects, rejects); err != nil {
			return err
		}
	}
	for i := range m.Tables {
		m.Tables[i].Rows = w.rows[m.Tables[i].Name]
	}
	if m.Summary.Failed > 0 || w.rows[schemas.Rejects.Name] > 0 {
		m.ExitCode = 1
	}
	return nil
}

// Rows returns the rows written so far, by table.
func (w *Writer) Rows() map[string]int { return w.rows }

// Close finishes every file, builds the workbook, writes the manifest and
// moves everything into place. Files of formats this run did not write are
// removed from the output folder, so that it never mixes two runs.
func (w *Writer) Close(m *Manifest) (err error) {
	defer func() {
		if err != nil {
			w.Abort()
		}
	}()
	if err := w.buildDerived(m); err != nil {
		return err
	}
	for _, t := range schemas.All() {
		ps := w.parquet[t.Name]
		if err := ps.w.Close(); err != nil {
			return fmt.Errorf("%s.parquet: %w", t.Name, err)
		}
		if err := ps.file.Close(); err != nil {
			return err
		}
		if js := w.jsonl[t.Name]; js != nil {
			if err := js.w.Flush(); err != nil {
				return err
			}
			if err := js.file.Close(); err != nil {
				return err
			}
		}
	}
	if slices.Contains(w.formats, "xlsx") {
		stop := w.timings.Start("write:xlsx")
		info := WorkbookInfo{ToolVersion: w.toolVersion, Summary: []SummaryItem{
			{"tool version", w.toolVersion},
			{"schema version", schemas.Version},
			{"input", m.Input},
			{"inputs read / skipped / failed", fmt.Sprintf("%d / %d / %d", m.Summary.OK, m.Summary.Skipped, m.Summary.Failed)},
			{"rows rejected by validation", w.rows[schemas.Rejects.Name]},
			{"reading the sheets", "one sheet per table; offsets (char_start, char_end) count Unicode code points in articles.text; the dictionary sheet describes every column"},
		}}
		f, err := w.stage.Create(WorkbookFile)
		if err != nil {
			return err
		}
		err = WriteExcelFrom(f, schemas.All(), w.stagedParquet, info)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		stop()
		if err != nil {
			return fmt.Errorf("writing %s: %w", WorkbookFile, err)
		}
	}
	if !slices.Contains(w.formats, "parquet") {
		for _, t := range schemas.All() {
			if err := w.stage.Discard(t.Name + ".parquet"); err != nil {
				return err
			}
		}
	}
	m.Run.Timings = w.timings.Stages()
	f, err := w.stage.Create(ManifestFile)
	if err != nil {
		return err
	}
	b, err := MarshalManifest(m)
	if err == nil {
		_, err = f.Write(b)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := w.stage.Commit(); err != nil {
		return err
	}
	for _, format := range Formats {
		if slices.Contains(w.formats, format) {
			continue
		}
		for _, name := range formatFiles(format) {
			if err := os.Remove(filepath.Join(w.outDir, name)); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
}

// Abort removes everything staged; the output folder keeps its previous
// content.
func (w *Writer) Abort() {
	for _, ps := range w.parquet {
		ps.file.Close()
	}
	for _, js := range w.jsonl {
		js.file.Close()
	}
	w.stage.Abort()
}

// stagedParquet is the RowSource of the Parquet files just written.
func (w *Writer) stagedParquet(t *schemas.Table, each func(schemas.Row) error) error {
	return EachParquetRow(filepath.Join(w.stage.dir, t.Name+".parquet"), t, each)
}

func formatFiles(format string) []string {
	if format == "xlsx" {
		return []string{WorkbookFile}
	}
	var out []string
	for _, t := range schemas.All() {
		out = append(out, t.Name+"."+format)
	}
	return out
}

// MarshalManifest renders the manifest as indented JSON.
func MarshalManifest(m *Manifest) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(m)
	return b.Bytes(), err
}

// ReadManifest reads an output folder's manifest.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	return &m, nil
}
