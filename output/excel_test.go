package output

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/khabar-data/khabar/schemas"
)

// These tests re-open what WriteExcel wrote, with excelize's reader and by
// reading the sheet XML in the zip package directly.

const cutNote = "cut at Excel's cell limit"

// longArticleText is an article text over Excel's cell limit.
func longArticleText() string {
	var b strings.Builder
	for n := 0; n < 40000; n += utf8.RuneCountInString(arabicSamples[0]) + 2 {
		b.WriteString(arabicSamples[0])
		b.WriteString(". ")
	}
	return b.String()
}

// workbookFixture is rows for every table, a few each, with an articles.text
// longer than a cell holds in row 0.
func workbookFixture() map[string][]schemas.Row {
	rows := map[string][]schemas.Row{}
	for _, t := range schemas.All() {
		rows[t.Name] = sampleRows(t, 4, plainFill)
	}
	rows[schemas.Articles.Name][0].Set("text", longArticleText())
	return rows
}

var testInfo = WorkbookInfo{ToolVersion: testToolVersion, Summary: []SummaryItem{
	{"tool version", testToolVersion},
	{"schema version", schemas.Version},
	{"input", "مقالات/"},
	{"rows rejected by validation", 4},
}}

func writeWorkbook(t *testing.T, rows map[string][]schemas.Row) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteExcel(&buf, schemas.All(), rows, testInfo); err != nil {
		t.Fatalf("WriteExcel: %v", err)
	}
	return buf.Bytes()
}

// xlsxPackage is the raw XML of a workbook's sheets, by sheet name.
type xlsxPackage struct {
	sheets map[string]*xSheet
}

type xSheet struct {
	Views []struct {
		RightToLeft bool `xml:"rightToLeft,attr"`
		Pane        *struct {
			YSplit      float64 `xml:"ySplit,attr"`
			TopLeftCell string  `xml:"topLeftCell,attr"`
			State       string  `xml:"state,attr"`
		} `xml:"pane"`
	} `xml:"sheetViews>sheetView"`
	AutoFilter *struct {
		Ref string `xml:"ref,attr"`
	} `xml:"autoFilter"`
	Rows []struct {
		R     int     `xml:"r,attr"`
		Cells []xCell `xml:"c"`
	} `xml:"sheetData>row"`
}

type xCell struct {
	R string `xml:"r,attr"`
	S int    `xml:"s,attr"`
	T string `xml:"t,attr"`
	V string `xml:"v"`
}

func (s *xSheet) cell(ref string) (xCell, bool) {
	for _, r := range s.Rows {
		for _, c := range r.Cells {
			if c.R == ref {
				return c, true
			}
		}
	}
	return xCell{}, false
}

// readPackage parses the workbook's sheet XML, finding each sheet's part
// through xl/workbook.xml and its relationships.
func readPackage(t *testing.T, data []byte) *xlsxPackage {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	read := func(name string) []byte {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(read("xl/workbook.xml"), &wb); err != nil {
		t.Fatalf("xl/workbook.xml: %v", err)
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(read("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		t.Fatalf("workbook rels: %v", err)
	}
	pkg := &xlsxPackage{sheets: map[string]*xSheet{}}
	for _, s := range wb.Sheets {
		target := ""
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				target = r.Target
			}
		}
		if target == "" {
			t.Fatalf("sheet %s: no relationship %s", s.Name, s.RID)
		}
		if strings.HasPrefix(target, "/") {
			target = target[1:]
		} else {
			target = path.Join("xl", target)
		}
		var sh xSheet
		if err := xml.Unmarshal(read(target), &sh); err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		pkg.sheets[s.Name] = &sh
	}
	return pkg
}

func openWorkbook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cellName(t *testing.T, col, row int) string {
	t.Helper()
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// numFmtOf returns the number format code of a cell's style.
func numFmtOf(t *testing.T, f *excelize.File, sheet, cell string) (string, int) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatalf("%s!%s style: %v", sheet, cell, err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("%s!%s style %d: %v", sheet, cell, id, err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt, st.NumFmt
	}
	return "", st.NumFmt
}

// isDateFormat: a built-in date format (14-22) or a custom one made of
// year, month and day codes.
func isDateFormat(custom string, builtin int) bool {
	if custom == "" {
		return builtin >= 14 && builtin <= 22
	}
	c := strings.ToLower(custom)
	return strings.Contains(c, "yy") && strings.Contains(c, "m") && strings.Contains(c, "d") && !strings.Contains(c, "@")
}

func TestExcelWorkbook(t *testing.T) {
	rows := workbookFixture()
	data := writeWorkbook(t, rows)
	f := openWorkbook(t, data)
	pkg := readPackage(t, data)

	// Sheet order.
	want := []string{"summary"}
	for _, tbl := range schemas.All() {
		want = append(want, tbl.Name)
	}
	want = append(want, "dictionary")
	if got := f.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets\n got %v\nwant %v", got, want)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet %d, want 0 (summary)", got)
	}

	// Layout of every table sheet and the dictionary.
	lastRow := map[string]int{"dictionary": 1}
	lastCol := map[string]string{"dictionary": "G"}
	for _, tbl := range schemas.All() {
		lastRow[tbl.Name] = len(rows[tbl.Name]) + 1
		lastCol[tbl.Name], _ = excelize.ColumnNumberToName(len(tbl.Columns))
		lastRow["dictionary"] += len(tbl.Columns)
	}
	for _, sheet := range want[1:] {
		t.Run("layout/"+sheet, func(t *testing.T) {
			view, err := f.GetSheetView(sheet, -1)
			if err != nil {
				t.Fatal(err)
			}
			if view.RightToLeft == nil || !*view.RightToLeft {
				t.Errorf("not right-to-left")
			}
			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
				t.Errorf("panes %+v, want the header row frozen (Freeze, YSplit 1, TopLeftCell A2)", panes)
			}
			sh := pkg.sheets[sheet]
			if len(sh.Views) == 0 || !sh.Views[0].RightToLeft || sh.Views[0].Pane == nil || sh.Views[0].Pane.State != "frozen" {
				t.Errorf("sheet XML view is not right-to-left with a frozen pane: %+v", sh.Views)
			}
			// excelize v2.11 writes the range with absolute references
			// ($A$1:$O$5); either form names the same cells.
			wantRef := fmt.Sprintf("A1:%s%d", lastCol[sheet], lastRow[sheet])
			switch {
			case sh.AutoFilter == nil:
				t.Errorf("no <autoFilter> in the sheet XML")
			case strings.ReplaceAll(sh.AutoFilter.Ref, "$", "") != wantRef:
				t.Errorf("<autoFilter ref=%q>, want %q: the header row and every data row", sh.AutoFilter.Ref, wantRef)
			}
		})
	}
	if v, err := f.GetSheetView("summary", -1); err != nil || v.RightToLeft == nil || !*v.RightToLeft {
		t.Errorf("summary is not right-to-left (%v)", err)
	}

	// Every table sheet: header, then each row cell by cell.
	checked := map[string]int{}
	for _, tbl := range schemas.All() {
		t.Run("cells/"+tbl.Name, func(t *testing.T) {
			got, err := f.GetRows(tbl.Name)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(rows[tbl.Name])+1 {
				t.Fatalf("%d rows, want header + %d", len(got), len(rows[tbl.Name]))
			}
			if !reflect.DeepEqual(got[0], tbl.ColumnNames()) {
				t.Errorf("header\n got %v\nwant %v", got[0], tbl.ColumnNames())
			}
			for i, r := range rows[tbl.Name] {
				for j, c := range tbl.Columns {
					checkCell(t, f, pkg.sheets[tbl.Name], tbl.Name, cellName(t, j+1, i+2), c, r.Values[j])
					checked[fmt.Sprintf("%T", r.Values[j])]++
				}
			}
		})
	}
	// The fixture must have exercised every kind of cell.
	for _, k := range []string{"<nil>", "string", "int64", "float64", "bool", "time.Time", "[]string"} {
		if checked[k] == 0 {
			t.Errorf("no %s cell was checked", k)
		}
	}
}

// checkCell checks one data cell against the value written.
func checkCell(t *testing.T, f *excelize.File, sh *xSheet, sheet, ref string, c schemas.Column, v any) {
	t.Helper()
	raw, _ := sh.cell(ref)
	shown, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	rawVal, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	where := fmt.Sprintf("%s!%s (%s)", sheet, ref, c.Name)
	numeric := raw.T == "" || raw.T == "n"
	switch x := v.(type) {
	case nil:
		if rawVal != "" {
			t.Errorf("%s: null written as %q", where, rawVal)
		}
	case string:
		if raw.T != "s" && raw.T != "inlineStr" && raw.T != "str" {
			t.Errorf("%s: string cell has type %q", where, raw.T)
		}
		if utf8.RuneCountInString(x) > excelMaxCellChars {
			return // TestExcelLongText
		}
		if shown != x {
			t.Errorf("%s: %q, want %q", where, shown, x)
		}
	case int64:
		n, err := strconv.ParseInt(rawVal, 10, 64)
		if !numeric || err != nil || n != x {
			t.Errorf("%s: cell t=%q value %q, want the number %d", where, raw.T, rawVal, x)
		}
	case float64:
		n, err := strconv.ParseFloat(rawVal, 64)
		if !numeric || err != nil || n != x {
			t.Errorf("%s: cell t=%q value %q, want the number %v", where, raw.T, rawVal, x)
		}
		if custom, _ := numFmtOf(t, f, sheet, ref); custom == "@" {
			t.Errorf("%s: number shown as text", where)
		}
	case bool:
		wantV := map[bool]string{true: "1", false: "0"}[x]
		if raw.T != "b" || raw.V != wantV {
			t.Errorf("%s: cell t=%q v=%q, want a boolean %v", where, raw.T, raw.V, x)
		}
	case time.Time:
		serial, err := strconv.ParseFloat(rawVal, 64)
		if !numeric || err != nil {
			t.Errorf("%s: date cell t=%q value %q, want a serial number", where, raw.T, rawVal)
			return
		}
		if d, err := excelize.ExcelDateToTime(serial, false); err != nil || !d.Equal(x) {
			t.Errorf("%s: serial %v is %v, want %s", where, serial, d, x.Format(time.DateOnly))
		}
		if custom, builtin := numFmtOf(t, f, sheet, ref); !isDateFormat(custom, builtin) {
			t.Errorf("%s: number format %q/%d is not a date format", where, custom, builtin)
		}
		if want := x.Format(time.DateOnly); shown != want {
			t.Errorf("%s: shown as %q, want %q", where, shown, want)
		}
	case []string:
		if want := strings.Join(x, ", "); shown != want {
			t.Errorf("%s: %q, want %q", where, shown, want)
		}
	default:
		t.Errorf("%s: test cannot check %T", where, v)
	}
}

// TestExcelLongText: a text over Excel's cell limit is cut with a visible
// note, highlighted, and counted on the summary sheet.
func TestExcelLongText(t *testing.T) {
	rows := workbookFixture()
	text := rows[schemas.Articles.Name][0].String("text")
	f := openWorkbook(t, writeWorkbook(t, rows))

	ref := cellName(t, schemas.Articles.Index("text")+1, 2)
	got, err := f.GetCellValue(schemas.Articles.Name, ref)
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(got); n > excelMaxCellChars {
		t.Errorf("cell holds %d characters, Excel allows %d", n, excelMaxCellChars)
	}
	if n := len(utf16.Encode([]rune(got))); n > excelMaxCellChars {
		t.Errorf("cell holds %d UTF-16 units, Excel allows %d", n, excelMaxCellChars)
	}
	if !strings.Contains(got, cutNote) || !strings.HasSuffix(got, "]") {
		t.Errorf("cut cell does not end with the note: …%q", tail(got, 120))
	}
	if !strings.Contains(got, fmt.Sprintf("%d characters in all", utf8.RuneCountInString(text))) {
		t.Errorf("the note does not give the full length: …%q", tail(got, 120))
	}
	kept, _, _ := strings.Cut(got, " … [")
	if !strings.HasPrefix(text, kept) || utf8.RuneCountInString(kept) < 30000 {
		t.Errorf("the cell does not start with the first %d characters of the text", utf8.RuneCountInString(kept))
	}
	if id, _ := f.GetCellStyle(schemas.Articles.Name, ref); id == 0 {
		t.Errorf("cut cell is not highlighted")
	}
	// The other articles' texts are short and left alone.
	if got, _ := f.GetCellValue(schemas.Articles.Name, cellName(t, schemas.Articles.Index("text")+1, 3)); strings.Contains(got, cutNote) {
		t.Errorf("a short text was cut")
	}

	sum := summaryMap(t, f)
	if v := sum["cells cut at Excel's limit in articles"]; v != "1" {
		t.Errorf("summary reports %q cut cells in articles, want 1", v)
	}
	for _, tbl := range schemas.All()[1:] {
		if v, ok := sum["cells cut at Excel's limit in "+tbl.Name]; ok {
			t.Errorf("summary reports %s cut cells in %s", v, tbl.Name)
		}
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

// summaryMap reads the summary sheet's label → value pairs (first wins).
func summaryMap(t *testing.T, f *excelize.File) map[string]string {
	t.Helper()
	rows, err := f.GetRows("summary")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			if _, seen := m[r[0]]; !seen {
				m[r[0]] = r[1]
			}
		}
	}
	return m
}

func TestExcelSummary(t *testing.T) {
	rows := workbookFixture()
	sum := summaryMap(t, openWorkbook(t, writeWorkbook(t, rows)))
	for _, it := range testInfo.Summary {
		if got := sum[it.Label]; got != fmt.Sprint(it.Value) {
			t.Errorf("summary %q = %q, want %v", it.Label, got, it.Value)
		}
	}
	for _, tbl := range schemas.All() {
		if got, want := sum[tbl.Name], strconv.Itoa(len(rows[tbl.Name])); got != want {
			t.Errorf("summary rows of %s = %q, want %s", tbl.Name, got, want)
		}
	}
}

func TestExcelDictionary(t *testing.T) {
	f := openWorkbook(t, writeWorkbook(t, workbookFixture()))
	got, err := f.GetRows("dictionary")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tbl := range schemas.All() {
		n += len(tbl.Columns)
	}
	if len(got) != n+1 {
		t.Fatalf("dictionary has %d rows, want header + %d columns", len(got), n)
	}
	if want := []string{"table", "column", "type", "nullable"}; len(got[0]) < 4 || !slices.Equal(got[0][:4], want) {
		t.Errorf("dictionary header %v", got[0])
	}
	r := 1
	for _, tbl := range schemas.All() {
		for _, c := range tbl.Columns {
			row := got[r]
			wantNull := map[bool]string{true: "TRUE", false: "FALSE"}[c.Nullable]
			if len(row) < 4 || row[0] != tbl.Name || row[1] != c.Name || row[2] != c.Kind.String() || row[3] != wantNull {
				t.Errorf("dictionary row %d: %q, want %s %s %s %s", r+1, row, tbl.Name, c.Name, c.Kind, wantNull)
			}
			if c.Doc != "" && (len(row) < 7 || row[6] != c.Doc) {
				t.Errorf("dictionary row %d (%s.%s): description missing", r+1, tbl.Name, c.Name)
			}
			r++
		}
	}
}

// TestExcelEmptyTables: a workbook of tables with no rows still has every
// sheet with its header.
func TestExcelEmptyTables(t *testing.T) {
	f := openWorkbook(t, writeWorkbook(t, map[string][]schemas.Row{}))
	for _, tbl := range schemas.All() {
		got, err := f.GetRows(tbl.Name)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !reflect.DeepEqual(got[0], tbl.ColumnNames()) {
			t.Errorf("%s: rows %q, want the header alone", tbl.Name, got)
		}
	}
}

func TestExcelDeterministic(t *testing.T) {
	rows := workbookFixture()
	first := writeWorkbook(t, rows)
	for run := 2; run <= 4; run++ {
		if again := writeWorkbook(t, rows); !bytes.Equal(first, again) {
			t.Fatalf("run %d wrote different bytes (%d vs %d bytes)", run, len(first), len(again))
		}
	}
}

// utf16Len is the length of s in UTF-16 code units, the unit of Excel's
// cell limit.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// TestExcelCellLimitCountsUTF16Units: Excel's 32767-character cell limit
// counts UTF-16 code units, and excelize (v2.11, trimCellValue) silently
// truncates any longer cell value to 32767 units. A text whose characters
// lie outside the Basic Multilingual Plane (emoji, common in news copied
// from social media) takes two units a character, so measuring the limit in
// code points lets excelize cut it instead: the note is lost, the cell is
// not highlighted and the summary does not count it.
func TestExcelCellLimitCountsUTF16Units(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
	}{
		// 31500 code points (under the limit as excel.go counts) but 36000 UTF-16 units.
		{"under_in_code_points", strings.Repeat("📰 عاجل ", 4500)},
		// 42000 code points, 48000 UTF-16 units: cut by excel.go, then again by excelize.
		{"over_in_code_points", strings.Repeat("📰 عاجل ", 6000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := workbookFixture()
			rows[schemas.Articles.Name][0].Set("text", tc.text)
			f := openWorkbook(t, writeWorkbook(t, rows))
			got, err := f.GetCellValue(schemas.Articles.Name, cellName(t, schemas.Articles.Index("text")+1, 2))
			if err != nil {
				t.Fatal(err)
			}
			if got == tc.text {
				return // Excel held it whole
			}
			if !strings.Contains(got, cutNote) || !strings.HasSuffix(got, "]") {
				t.Errorf("text of %d code points / %d UTF-16 units came back as %d code points / %d units, cut WITHOUT the %q note (ends …%q). "+
					"excelCell in output/excel.go compares utf8.RuneCountInString with the 32767 limit, but Excel and excelize count UTF-16 units; "+
					"measure and cut in UTF-16 units (unicode/utf16.RuneLen per rune, never splitting a surrogate pair) so the note fits",
					utf8.RuneCountInString(tc.text), utf16Len(tc.text), utf8.RuneCountInString(got), utf16Len(got), cutNote, tail(got, 40))
			}
			if v := summaryMap(t, f)["cells cut at Excel's limit in articles"]; v != "1" {
				t.Errorf("summary reports %q cells cut in articles, want 1: the cell was cut", v)
			}
		})
	}
}

// TestExcelFilterNamesScopedToTheirSheet: each sheet's autofilter has the
// hidden defined name _xlnm._FilterDatabase, local to that sheet (its
// localSheetId is the sheet's position), naming the filtered range.
// WriteExcel calls AutoFilter while the default "Sheet1" is still first and
// before "summary" exists, then moves summary to the front (MoveSheet, which
// in excelize v2.11 does not renumber the localSheetId of defined names) and
// deletes Sheet1 (DeleteSheet, which drops the names local to it and
// renumbers the rest). The names then end up one sheet off: the one local to
// articles names 'dates'!…, articles' own is gone, and so on.
func TestExcelFilterNamesScopedToTheirSheet(t *testing.T) {
	rows := workbookFixture()
	data := writeWorkbook(t, rows)
	f := openWorkbook(t, data)
	pkg := readPackage(t, data)
	names := map[string][]string{} // scope → RefersTo of its _FilterDatabase names
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			names[dn.Scope] = append(names[dn.Scope], dn.RefersTo)
		}
	}
	const fix = "fix in output/excel.go WriteExcel: turn the default sheet into the summary first " +
		"(f.SetSheetName(\"Sheet1\", \"summary\") before writing any table, and in writeSummary drop NewSheet/MoveSheet; drop the final DeleteSheet(\"Sheet1\")), " +
		"so that no sheet moves or goes after AutoFilter has recorded sheet positions"
	sheets := []string{}
	for _, tbl := range schemas.All() {
		sheets = append(sheets, tbl.Name)
	}
	sheets = append(sheets, "dictionary")
	var wrong []string
	for _, sheet := range sheets {
		ref := strings.ReplaceAll(pkg.sheets[sheet].AutoFilter.Ref, "$", "")
		want := fmt.Sprintf("'%s'!%s", sheet, ref)
		got := names[sheet]
		if len(got) != 1 || strings.ReplaceAll(got[0], "$", "") != want {
			wrong = append(wrong, fmt.Sprintf("sheet %s has %q, want [%q]", sheet, got, want))
		}
	}
	if len(wrong) > 0 {
		t.Errorf("the hidden _xlnm._FilterDatabase names are scoped to the wrong sheets:\n  %s\n%s", strings.Join(wrong, "\n  "), fix)
	}
}
