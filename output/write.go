package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

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
}

// ExitCode is 0 when every input was read and every row is valid, 1 when
// some input failed or some row was rejected.
func ExitCode(res *pipeline.Result) int {
	if res.Failed() > 0 || len(res.Rows[schemas.Rejects.Name]) > 0 {
		return 1
	}
	return 0
}

// NewManifest describes a run.
func NewManifest(res *pipeline.Result, input string, formats []string, refDate time.Time, toolVersion string, started time.Time) *Manifest {
	m := &Manifest{
		Tool: "khabar", ToolVersion: toolVersion, SchemaVersion: schemas.Version,
		Input: input, Formats: formats, Inputs: res.Inputs, Validation: res.Validation,
		ExitCode: ExitCode(res),
	}
	if !refDate.IsZero() {
		m.RefDate = refDate.Format(time.DateOnly)
	}
	for _, in := range res.Inputs {
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
		tr := TableReport{Name: t.Name, Rows: len(res.Rows[t.Name]), Files: []string{}}
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
	m.Run.StartedAt = started.UTC().Format(time.RFC3339)
	m.Run.Timings = res.Timings.Stages()
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

// WriteAll writes every table in every format, then the manifest, into
// outDir, atomically: all files are staged and moved into place only when
// all were written.
func WriteAll(outDir string, res *pipeline.Result, m *Manifest, toolVersion string) error {
	stage, err := NewStaging(outDir)
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			stage.Abort()
		}
	}()
	write := func(name string, fill func(io.Writer) error) error {
		stop := res.Timings.Start("write:" + filepath.Ext(name)[1:])
		defer stop()
		f, err := stage.Create(name)
		if err != nil {
			return err
		}
		if err := fill(f); err != nil {
			f.Close()
			return fmt.Errorf("writing %s: %w", name, err)
		}
		return f.Close()
	}
	for _, format := range m.Formats {
		switch format {
		case "parquet":
			for _, t := range schemas.All() {
				if err := write(t.Name+".parquet", func(w io.Writer) error {
					return WriteParquet(w, t, res.Rows[t.Name], toolVersion)
				}); err != nil {
					return err
				}
			}
		case "jsonl":
			for _, t := range schemas.All() {
				if err := write(t.Name+".jsonl", func(w io.Writer) error { return WriteJSONL(w, res.Rows[t.Name]) }); err != nil {
					return err
				}
			}
		case "xlsx":
			info := WorkbookInfo{ToolVersion: toolVersion, Summary: []SummaryItem{
				{"tool version", toolVersion},
				{"schema version", schemas.Version},
				{"input", m.Input},
				{"inputs read / skipped / failed", fmt.Sprintf("%d / %d / %d", m.Summary.OK, m.Summary.Skipped, m.Summary.Failed)},
				{"rows rejected by validation", len(res.Rows[schemas.Rejects.Name])},
				{"reading the sheets", "one sheet per table; offsets (char_start, char_end) count Unicode code points in articles.text; the dictionary sheet describes every column"},
			}}
			if err := write(WorkbookFile, func(w io.Writer) error {
				return WriteExcel(w, schemas.All(), res.Rows, info)
			}); err != nil {
				return err
			}
		}
	}
	m.Run.Timings = res.Timings.Stages()
	if err := write(ManifestFile, func(w io.Writer) error {
		b, err := MarshalManifest(m)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}); err != nil {
		return err
	}
	if err := stage.Commit(); err != nil {
		return err
	}
	ok = true
	// Files of formats this run did not write would contradict the manifest.
	for _, f := range Formats {
		if slices.Contains(m.Formats, f) {
			continue
		}
		for _, name := range formatFiles(f) {
			if err := os.Remove(filepath.Join(outDir, name)); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
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
