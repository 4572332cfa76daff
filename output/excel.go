package output

import (
	"archive/zip"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/khabar-data/khabar/schemas"
)

// Excel limits.
const (
	excelMaxCellChars = 32767   // characters in one cell
	excelMaxRows      = 1048576 // rows in one sheet, header included
)

// SummaryItem is one line of the workbook's summary sheet.
type SummaryItem struct {
	Label string
	Value any
}

// WorkbookInfo is what the summary sheet shows besides the tables.
type WorkbookInfo struct {
	ToolVersion string
	Summary     []SummaryItem
}

// fixedTime is written as the workbook's creation and modification time so
// that two runs on the same input give byte-identical files.
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

type styles struct {
	header, date, amount, wholeAmount, ratio, truncated, wrap int
}

// RowSource hands every row of a table to each, in order. It may be called
// more than once per table (the workbook is written in two passes).
type RowSource func(t *schemas.Table, each func(schemas.Row) error) error

// RowsOf is the RowSource of rows held in memory.
func RowsOf(rows map[string][]schemas.Row) RowSource {
	return func(t *schemas.Table, each func(schemas.Row) error) error {
		for _, r := range rows[t.Name] {
			if err := each(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// WriteExcel writes the workbook of rows held in memory (see WriteExcelFrom).
func WriteExcel(w io.Writer, tables []*schemas.Table, rows map[string][]schemas.Row, info WorkbookInfo) error {
	return WriteExcelFrom(w, tables, RowsOf(rows), info)
}

// tableStats is what the first pass over a table learns.
type tableStats struct {
	rows   int
	widths []float64
	counts map[string]map[string]int // column → value → rows, for the summary
}

// summaryCounts are the breakdowns on the summary sheet: the first things
// an analyst asks of the data.
var summaryCounts = []struct{ title, table, col string }{
	{"mentions per country (iso2)", "countries", "iso2"},
	{"amounts per currency", "money", "currency"},
	{"dates per year (start_date)", "dates", "start_date"},
	{"agreements per type", "agreements", "type"},
}

// WriteExcelFrom writes one right-to-left sheet per table (header frozen,
// filters on, dates as dates, numbers as numbers, widths fitted), a summary
// sheet first and a dictionary sheet describing every column last. A cell
// longer than Excel allows is cut with a visible note and highlighted, and
// counted on the summary sheet; a table with more rows than a sheet holds
// continues on numbered sheets. Rows are streamed from src (twice: once to
// count and size, once to write), so memory does not grow with the data.
func WriteExcelFrom(w io.Writer, tables []*schemas.Table, src RowSource, info WorkbookInfo) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Created: fixedTime.Format(time.RFC3339), Modified: fixedTime.Format(time.RFC3339),
		Creator: "khabar " + info.ToolVersion, Title: "khabar dataset", Language: "ar",
	}); err != nil {
		return err
	}
	// The default sheet becomes the summary before anything else is
	// written: moving or deleting a sheet after AutoFilter has recorded
	// sheet positions would point the filters at the wrong sheets.
	if err := f.SetSheetName("Sheet1", "summary"); err != nil {
		return err
	}
	stats := map[string]*tableStats{}
	for _, t := range tables {
		ts, err := scanTable(t, src)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", t.Name, err)
		}
		stats[t.Name] = ts
	}
	truncated := map[string]int{}
	var sheetsOf = map[string][]string{}
	for _, t := range tables {
		names, n, err := writeTableSheets(f, st, t, stats[t.Name], src)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", t.Name, err)
		}
		sheetsOf[t.Name] = names
		truncated[t.Name] = n
	}
	if err := writeDictionary(f, st, tables); err != nil {
		return err
	}
	if err := writeSummary(f, st, tables, stats, sheetsOf, truncated, info); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	// Spool the package to a temporary file rather than memory: a large
	// workbook is then rewritten in canonical order without being held twice.
	tmp, err := os.CreateTemp("", "khabar-xlsx-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if _, err := f.WriteTo(tmp); err != nil {
		return err
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	return canonicalZip(w, tmp, size)
}

// scanTable counts a table's rows, sizes its columns from the first rows
// and tallies the summary breakdowns.
func scanTable(t *schemas.Table, src RowSource) (*tableStats, error) {
	ts := &tableStats{counts: map[string]map[string]int{}}
	var sample []schemas.Row
	err := src(t, func(r schemas.Row) error {
		ts.rows++
		if len(sample) < 2000 {
			sample = append(sample, r)
		}
		for _, g := range summaryCounts {
			if g.table != t.Name {
				continue
			}
			if ts.counts[g.col] == nil {
				ts.counts[g.col] = map[string]int{}
			}
			switch v := r.Get(g.col).(type) {
			case string:
				ts.counts[g.col][v]++
			case time.Time:
				ts.counts[g.col][fmt.Sprint(v.Year())]++
			case nil:
				ts.counts[g.col]["(null)"]++ // an ambiguous currency, an unresolved date
			}
		}
		return nil
	})
	ts.widths = columnWidths(t, sample)
	return ts, err
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	dateFmt := "yyyy-mm-dd"
	amountFmt := "#,##0.00"
	wholeFmt := "#,##0"
	ratioFmt := "0.00"
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"305496"}},
		Alignment: &excelize.Alignment{Vertical: "center", ReadingOrder: 2}})
	s.date = mk(&excelize.Style{CustomNumFmt: &dateFmt})
	s.amount = mk(&excelize.Style{CustomNumFmt: &amountFmt})
	s.wholeAmount = mk(&excelize.Style{CustomNumFmt: &wholeFmt})
	s.ratio = mk(&excelize.Style{CustomNumFmt: &ratioFmt})
	s.truncated = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F8CBAD"}}})
	s.wrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top", ReadingOrder: 2}})
	return s, err
}

func rtl() *excelize.ViewOptions {
	yes := true
	return &excelize.ViewOptions{RightToLeft: &yes}
}

// writeTableSheets writes a table over as many sheets as its rows need and
// returns their names and the number of cut cells.
func writeTableSheets(f *excelize.File, st styles, t *schemas.Table, ts *tableStats, src RowSource) ([]string, int, error) {
	perSheet := excelMaxRows - 1
	var names []string
	for part := 0; part == 0 || part*perSheet < ts.rows; part++ {
		name := t.Name
		if part > 0 {
			name = fmt.Sprintf("%s (%d)", t.Name, part+1)
		}
		names = append(names, name)
	}
	var sw *excelize.StreamWriter
	cut, row, part := 0, 0, -1
	open := func() error {
		part++
		name := names[part]
		n := min(perSheet, ts.rows-part*perSheet)
		var err error
		sw, err = newTableSheet(f, st, name, t, n, ts.widths)
		return err
	}
	if err := open(); err != nil {
		return nil, 0, err
	}
	cells := make([]any, len(t.Columns))
	err := src(t, func(r schemas.Row) error {
		if row == perSheet {
			if err := sw.Flush(); err != nil {
				return err
			}
			if err := open(); err != nil {
				return err
			}
			row = 0
		}
		for i, c := range t.Columns {
			cell, wasCut := excelCell(st, c, r.Values[i])
			if wasCut {
				cut++
			}
			cells[i] = cell
		}
		row++
		return sw.SetRow(fmt.Sprintf("A%d", row+1), cells)
	})
	if err != nil {
		return nil, 0, err
	}
	return names, cut, sw.Flush()
}

// newTableSheet creates a right-to-left sheet with a frozen, filtered
// header row for rows data rows, and returns its stream writer.
func newTableSheet(f *excelize.File, st styles, sheet string, t *schemas.Table, rows int, widths []float64) (*excelize.StreamWriter, error) {
	if _, err := f.NewSheet(sheet); err != nil {
		return nil, err
	}
	if err := f.SetSheetView(sheet, -1, rtl()); err != nil {
		return nil, err
	}
	lastCol, _ := excelize.ColumnNumberToName(len(t.Columns))
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", lastCol, rows+1), nil); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	header := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.Name}
	}
	return sw, sw.SetRow("A1", header)
}

// excelCell converts one value; it reports whether the value had to be cut.
func excelCell(st styles, c schemas.Column, v any) (excelize.Cell, bool) {
	switch x := v.(type) {
	case nil:
		return excelize.Cell{}, false
	case string:
		// Excel's limit counts UTF-16 code units, so a character outside
		// the Basic Multilingual Plane (an emoji) counts twice.
		if n := utf16Units(x); n > excelMaxCellChars {
			note := fmt.Sprintf(" … [cut at Excel's cell limit: %d characters in all; the full value is in the Parquet and JSON Lines files]", utf8.RuneCountInString(x))
			return excelize.Cell{StyleID: st.truncated, Value: cutUTF16(x, excelMaxCellChars-utf16Units(note)) + note}, true
		}
		return excelize.Cell{Value: x}, false
	case time.Time:
		if x.Year() < 1900 {
			// Excel's date serials start in 1900: earlier dates as text
			return excelize.Cell{Value: x.Format(time.DateOnly)}, false
		}
		return excelize.Cell{StyleID: st.date, Value: x}, false
	case float64:
		if c.Name == "confidence" {
			return excelize.Cell{StyleID: st.ratio, Value: x}, false
		}
		if x == math.Trunc(x) {
			return excelize.Cell{StyleID: st.wholeAmount, Value: x}, false
		}
		return excelize.Cell{StyleID: st.amount, Value: x}, false
	case []string:
		return excelize.Cell{Value: strings.Join(x, ", ")}, false
	}
	return excelize.Cell{Value: v}, false
}

func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cutUTF16 returns the longest prefix of s that fits in max UTF-16 units,
// never splitting a surrogate pair.
func cutUTF16(s string, max int) string {
	n := 0
	for i, r := range s {
		l := utf16.RuneLen(r)
		if n+l > max {
			return s[:i]
		}
		n += l
	}
	return s
}

// columnWidths fits each column to its header and longest value (sampled),
// within bounds that keep a sheet readable.
func columnWidths(t *schemas.Table, rows []schemas.Row) []float64 {
	out := make([]float64, len(t.Columns))
	sample := rows
	if len(sample) > 2000 {
		sample = sample[:2000]
	}
	for i, c := range t.Columns {
		w := utf8.RuneCountInString(c.Name) + 2
		switch c.Kind {
		case schemas.Date:
			w = max(w, 12)
		case schemas.Float64:
			w = max(w, 16)
		}
		for _, r := range sample {
			if s, ok := r.Values[i].(string); ok {
				w = max(w, utf8.RuneCountInString(s)+2)
			}
			if l, ok := r.Values[i].([]string); ok {
				w = max(w, len(strings.Join(l, ", "))+2)
			}
		}
		out[i] = float64(min(max(w, 8), 60))
	}
	return out
}

func writeDictionary(f *excelize.File, st styles, tables []*schemas.Table) error {
	const sheet = "dictionary"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	if err := f.SetSheetView(sheet, -1, rtl()); err != nil {
		return err
	}
	head := []string{"table", "column", "type", "nullable", "allowed values", "rule", "description"}
	n := 1
	for _, t := range tables {
		n += len(t.Columns)
	}
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:G%d", n), nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, w := range []float64{12, 18, 12, 10, 40, 24, 90} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(head))
	for i, h := range head {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	r := 2
	for _, t := range tables {
		for _, c := range t.Columns {
			rule := ""
			if c.Check != nil {
				rule = c.Check.Rule + ": " + c.Check.Doc
			}
			if err := sw.SetRow(fmt.Sprintf("A%d", r), []any{
				t.Name, c.Name, c.Kind.String(), c.Nullable, strings.Join(c.Enum, ", "), rule,
				excelize.Cell{StyleID: st.wrap, Value: c.Doc},
			}); err != nil {
				return err
			}
			r++
		}
	}
	return sw.Flush()
}

func writeSummary(f *excelize.File, st styles, tables []*schemas.Table, stats map[string]*tableStats,
	sheetsOf map[string][]string, truncated map[string]int, info WorkbookInfo) error {
	const sheet = "summary"
	if err := f.SetSheetView(sheet, -1, rtl()); err != nil {
		return err
	}
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		if style != 0 {
			return f.SetCellStyle(sheet, cell, cell, style)
		}
		return nil
	}
	r := 1
	put := func(a, b any, style int) error {
		if err := set(fmt.Sprintf("A%d", r), a, style); err != nil {
			return err
		}
		if err := set(fmt.Sprintf("B%d", r), b, style); err != nil {
			return err
		}
		r++
		return nil
	}
	if err := put("khabar dataset", "", st.header); err != nil {
		return err
	}
	for _, it := range info.Summary {
		if err := put(it.Label, it.Value, 0); err != nil {
			return err
		}
	}
	r++
	if err := put("table", "rows", st.header); err != nil {
		return err
	}
	for _, t := range tables {
		label := t.Name
		if s := sheetsOf[t.Name]; len(s) > 1 {
			label = fmt.Sprintf("%s (sheets: %s)", t.Name, strings.Join(s, ", "))
		}
		if err := put(label, stats[t.Name].rows, 0); err != nil {
			return err
		}
	}
	for _, t := range tables {
		if truncated[t.Name] > 0 {
			if err := put("cells cut at Excel's limit in "+t.Name, truncated[t.Name], st.truncated); err != nil {
				return err
			}
		}
	}
	// counts per country, currency and year: the first things an analyst asks
	r++
	for _, g := range summaryCounts {
		if err := put(g.title, "count", st.header); err != nil {
			return err
		}
		var counts map[string]int
		if ts := stats[g.table]; ts != nil {
			counts = ts.counts[g.col]
		}
		for _, kv := range sortedCounts(counts) {
			if err := put(kv.key, kv.n, 0); err != nil {
				return err
			}
		}
		r++
	}
	if err := f.SetColWidth(sheet, "A", "A", 45); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "B", "B", 30)
}

type keyCount struct {
	key string
	n   int
}

func sortedCounts(m map[string]int) []keyCount {
	out := make([]keyCount, 0, len(m))
	for k, n := range m {
		out = append(out, keyCount{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].key < out[j].key
	})
	return out
}

// canonicalZip rewrites an xlsx package with its entries in a fixed order
// ([Content_Types].xml first, then by name) and fixed timestamps: excelize
// writes streamed sheets in map order, which would make two runs differ.
func canonicalZip(w io.Writer, r io.ReaderAt, size int64) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == "[Content_Types].xml") != (b == "[Content_Types].xml") {
			return a == "[Content_Types].xml"
		}
		return a < b
	})
	zw := zip.NewWriter(w)
	for _, zf := range files {
		hdr := &zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: fixedTime}
		dst, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		src, err := zf.Open()
		if err != nil {
			return err
		}
		if _, err := io.Copy(dst, src); err != nil {
			src.Close()
			return err
		}
		src.Close()
	}
	return zw.Close()
}
