package output

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	pq "github.com/parquet-go/parquet-go"

	"github.com/khabar-data/khabar/schemas"
)

// These tests read what WriteParquet wrote with Apache Arrow's Parquet
// reader, which shares no code with parquet-go, the library that wrote it.

// arrowTypeOK checks the Arrow type a column of kind k must read as.
func arrowTypeOK(k schemas.Kind, dt arrow.DataType) error {
	want := map[schemas.Kind]arrow.DataType{
		schemas.String:  arrow.BinaryTypes.String,
		schemas.Int64:   arrow.PrimitiveTypes.Int64,
		schemas.Float64: arrow.PrimitiveTypes.Float64,
		schemas.Bool:    arrow.FixedWidthTypes.Boolean,
		schemas.Date:    arrow.FixedWidthTypes.Date32,
	}
	if k == schemas.StringList {
		lt, ok := dt.(*arrow.ListType)
		if !ok {
			return fmt.Errorf("type %s, want list<utf8>", dt)
		}
		if lt.Elem().ID() != arrow.STRING {
			return fmt.Errorf("type %s, want list<utf8> (element %s is not utf8)", dt, lt.Elem())
		}
		return nil
	}
	w, ok := want[k]
	if !ok {
		return fmt.Errorf("test has no Arrow type for %s", k)
	}
	if !arrow.TypeEqual(dt, w) {
		return fmt.Errorf("type %s (id %s), want %s", dt, dt.ID(), w)
	}
	return nil
}

// arrowValue returns row i of a chunked column as a schemas.Row value.
func arrowValue(col *arrow.Chunked, i int) (any, error) {
	for _, chunk := range col.Chunks() {
		if i >= chunk.Len() {
			i -= chunk.Len()
			continue
		}
		if chunk.IsNull(i) {
			return nil, nil
		}
		switch a := chunk.(type) {
		case *array.String:
			return a.Value(i), nil
		case *array.Int64:
			return a.Value(i), nil
		case *array.Float64:
			return a.Value(i), nil
		case *array.Boolean:
			return a.Value(i), nil
		case *array.Date32:
			return a.Value(i).ToTime(), nil
		case *array.List:
			start, end := a.ValueOffsets(i)
			elems, ok := a.ListValues().(*array.String)
			if !ok {
				return nil, fmt.Errorf("list elements are %T, want *array.String", a.ListValues())
			}
			out := []string{}
			for j := start; j < end; j++ {
				if elems.IsNull(int(j)) {
					return nil, fmt.Errorf("list element %d is null", j-start)
				}
				out = append(out, elems.Value(int(j)))
			}
			return out, nil
		default:
			return nil, fmt.Errorf("unexpected Arrow array %T", chunk)
		}
	}
	return nil, fmt.Errorf("row %d beyond the column", i)
}

func TestParquetReadByArrow(t *testing.T) {
	for _, tbl := range schemas.All() {
		for _, n := range []int{0, 1, 7} {
			t.Run(fmt.Sprintf("%s/rows=%d", tbl.Name, n), func(t *testing.T) {
				rows := sampleRows(tbl, n, extremeFill)
				data, err := writeParquetBytes(tbl, rows)
				if err != nil {
					t.Fatalf("WriteParquet: %v", err)
				}
				checkWithArrow(t, tbl, rows, data)
			})
		}
	}
}

// TestParquetReadByArrowFromFile goes through a real file, as WriteAll does.
func TestParquetReadByArrowFromFile(t *testing.T) {
	tbl := schemas.Agreements
	rows := sampleRows(tbl, 5, plainFill)
	path := filepath.Join(t.TempDir(), tbl.Name+".parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteParquet(f, tbl, rows, testToolVersion); err != nil {
		t.Fatalf("WriteParquet: %v", err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checkWithArrow(t, tbl, rows, data)
}

func checkWithArrow(t *testing.T, tbl *schemas.Table, rows []schemas.Row, data []byte) {
	t.Helper()
	// Not a CheckedAllocator: Arrow's own DELTA_BINARY_PACKED decoder keeps
	// buffers past Close, which is no fault of the file.
	mem := memory.DefaultAllocator

	rdr, err := file.NewParquetReader(bytes.NewReader(data), file.WithReadProps(parquet.NewReaderProperties(mem)))
	if err != nil {
		t.Fatalf("Arrow cannot open the file: %v", err)
	}
	defer rdr.Close()
	md := rdr.MetaData()

	// Key-value metadata.
	kv := md.KeyValueMetadata()
	for key, want := range map[string]string{
		MetaSchemaVersion: schemas.Version,
		MetaToolVersion:   testToolVersion,
		MetaTable:         tbl.Name,
	} {
		got := kv.FindValue(key)
		switch {
		case got == nil:
			t.Errorf("key-value metadata has no %s", key)
		case *got != want:
			t.Errorf("metadata %s = %q, want %q", key, *got, want)
		}
	}
	if MetaSchemaVersion != "khabar.schema_version" || MetaToolVersion != "khabar.tool_version" || MetaTable != "khabar.table" {
		t.Errorf("metadata keys renamed: %s, %s, %s", MetaSchemaVersion, MetaToolVersion, MetaTable)
	}
	if md.NumRows != int64(len(rows)) {
		t.Errorf("footer says %d rows, want %d", md.NumRows, len(rows))
	}

	// Every column chunk is ZSTD-compressed.
	chunks := 0
	for g := 0; g < md.NumRowGroups(); g++ {
		rg := md.RowGroup(g)
		for c := 0; c < rg.NumColumns(); c++ {
			cc, err := rg.ColumnChunk(c)
			if err != nil {
				t.Fatalf("row group %d column %d: %v", g, c, err)
			}
			chunks++
			if cc.Compression() != compress.Codecs.Zstd {
				t.Errorf("row group %d column %s: codec %s, want ZSTD", g, cc.PathInSchema(), cc.Compression())
			}
		}
	}
	if len(rows) > 0 && chunks == 0 {
		t.Errorf("no column chunks in a file of %d rows", len(rows))
	}

	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, mem)
	if err != nil {
		t.Fatalf("pqarrow: %v", err)
	}
	at, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatalf("pqarrow ReadTable: %v", err)
	}
	defer at.Release()

	// Columns: names, order, types, nullability.
	fields := at.Schema().Fields()
	gotNames := make([]string, len(fields))
	for i, f := range fields {
		gotNames[i] = f.Name
	}
	if !reflect.DeepEqual(gotNames, tbl.ColumnNames()) {
		t.Fatalf("columns\n got %v\nwant %v", gotNames, tbl.ColumnNames())
	}
	for i, c := range tbl.Columns {
		f := fields[i]
		if err := arrowTypeOK(c.Kind, f.Type); err != nil {
			t.Errorf("column %s (%s): %v", c.Name, c.Kind, err)
		}
		if f.Nullable != c.Nullable {
			t.Errorf("column %s: Arrow nullable %v, schema says %v", c.Name, f.Nullable, c.Nullable)
		}
	}
	if at.NumRows() != int64(len(rows)) {
		t.Fatalf("Arrow read %d rows, want %d", at.NumRows(), len(rows))
	}

	// Values, nulls included.
	for j, c := range tbl.Columns {
		col := at.Column(j).Data()
		nulls := 0
		var bad mismatches
		for i, r := range rows {
			got, err := arrowValue(col, i)
			if err != nil {
				t.Fatalf("column %s row %d: %v", c.Name, i, err)
			}
			if got == nil {
				nulls++
			}
			bad.check(i, r.Values[j], got)
		}
		bad.report(t, "Arrow read", c)
		if !c.Nullable && nulls > 0 {
			t.Errorf("column %s is not nullable but Arrow read %d nulls", c.Name, nulls)
		}
		if c.Nullable && len(rows) >= 3 && nulls == 0 {
			t.Errorf("column %s: the fixture should hold nulls", c.Name)
		}
	}
}

// mismatches collects the rows of one column whose value did not come back.
type mismatches struct {
	rows           []int
	firstW, firstG any
}

func (m *mismatches) check(row int, want, got any) {
	if sameValue(want, got) {
		return
	}
	if len(m.rows) == 0 {
		m.firstW, m.firstG = want, got
	}
	m.rows = append(m.rows, row)
}

// report fails the test once per column: the first wrong value, with an
// explanation for dates, and which rows are wrong.
func (m *mismatches) report(t *testing.T, reader string, c schemas.Column) {
	t.Helper()
	if len(m.rows) == 0 {
		return
	}
	t.Errorf("column %s (%s): %d row(s) %v differ; row %d: %s %s, wrote %s%s",
		c.Name, c.Kind, len(m.rows), m.rows, m.rows[0], reader, show(m.firstG), show(m.firstW), dateHint(m.firstW, m.firstG))
}

// dateHint explains a DATE value read wrong: Parquet DATE is an int32 of
// days since 1970-01-01, and a value that is instead the low 32 bits of
// the Unix time in nanoseconds is the known parquet-go fault with
// time.Time fields tagged "date".
func dateHint(want, got any) string {
	w, ok1 := want.(time.Time)
	g, ok2 := got.(time.Time)
	if !ok1 || !ok2 {
		return ""
	}
	days := g.Unix() / 86400
	if days == int64(int32(w.UnixNano())) {
		return fmt.Sprintf(" — the stored DATE is %d = int32(UnixNano of %s), not %d days since 1970-01-01: "+
			"parquet-go v0.32 writes a time.Time tagged \"date\" as truncated nanoseconds, "+
			"so rowType in output/parquet.go must keep Date columns as int32 days", days, w.Format(time.DateOnly), w.Unix()/86400)
	}
	return fmt.Sprintf(" — stored DATE %d days, want %d", days, w.Unix()/86400)
}

// TestReadParquetRoundTrip reads with our own reader what we wrote.
func TestReadParquetRoundTrip(t *testing.T) {
	for _, tbl := range schemas.All() {
		for _, fl := range []struct {
			name string
			fill fill
		}{{"plain", plainFill}, {"extreme", extremeFill}} {
			t.Run(tbl.Name+"/"+fl.name, func(t *testing.T) {
				rows := sampleRows(tbl, 7, fl.fill)
				data, err := writeParquetBytes(tbl, rows)
				if err != nil {
					t.Fatalf("WriteParquet: %v", err)
				}
				got, meta, err := ReadParquet(bytes.NewReader(data), int64(len(data)), tbl)
				if err != nil {
					t.Fatalf("ReadParquet: %v", err)
				}
				if meta[MetaSchemaVersion] != schemas.Version || meta[MetaToolVersion] != testToolVersion || meta[MetaTable] != tbl.Name {
					t.Errorf("metadata %v", meta)
				}
				if len(got) != len(rows) {
					t.Fatalf("read %d rows, wrote %d", len(got), len(rows))
				}
				for i := range rows {
					if got[i].Table != tbl {
						t.Errorf("row %d: table %v, want %s", i, got[i].Table, tbl.Name)
					}
				}
				for j, c := range tbl.Columns {
					var bad mismatches
					for i := range rows {
						bad.check(i, rows[i].Values[j], got[i].Values[j])
					}
					bad.report(t, "ReadParquet read", c)
				}
			})
		}
	}
}

// TestReadParquetEmpty reads a file of no rows.
func TestReadParquetEmpty(t *testing.T) {
	for _, tbl := range schemas.All() {
		data, err := writeParquetBytes(tbl, nil)
		if err != nil {
			t.Fatalf("%s: WriteParquet: %v", tbl.Name, err)
		}
		got, meta, err := ReadParquet(bytes.NewReader(data), int64(len(data)), tbl)
		if err != nil {
			t.Fatalf("%s: ReadParquet: %v", tbl.Name, err)
		}
		if len(got) != 0 || meta[MetaTable] != tbl.Name {
			t.Errorf("%s: %d rows, table %q", tbl.Name, len(got), meta[MetaTable])
		}
	}
}

// TestReadParquetRefusesOtherSchema writes each table and reads it as every
// other table: each must be refused with an error, not read as rows.
func TestReadParquetRefusesOtherSchema(t *testing.T) {
	for _, written := range schemas.All() {
		data, err := writeParquetBytes(written, sampleRows(written, 3, plainFill))
		if err != nil {
			t.Fatalf("%s: WriteParquet: %v", written.Name, err)
		}
		for _, readAs := range schemas.All() {
			if readAs == written {
				continue
			}
			t.Run(written.Name+"_as_"+readAs.Name, func(t *testing.T) {
				rows, _, err := ReadParquet(bytes.NewReader(data), int64(len(data)), readAs)
				if err == nil {
					t.Fatalf("ReadParquet accepted a %s file as %s (%d rows)", written.Name, readAs.Name, len(rows))
				}
				if !strings.Contains(err.Error(), "schema differs") {
					t.Errorf("error %q does not say the schema differs", err)
				}
			})
		}
	}
}

// TestReadParquetRefusesChangedColumn writes a file that is the articles
// table but for one column (title required instead of optional, or
// char_count a string): same names, same order, different schema.
func TestReadParquetRefusesChangedColumn(t *testing.T) {
	tbl := schemas.Articles
	base := rowType(tbl)
	for _, tc := range []struct {
		col  string
		typ  reflect.Type
		tag  string
		fill any
	}{
		{"title", reflect.TypeFor[string](), `parquet:"title,zstd"`, "عنوان"},
		{"char_count", reflect.TypeFor[string](), `parquet:"char_count,zstd"`, "١٢"},
		{"published_date", reflect.TypeFor[*string](), `parquet:"published_date,optional,zstd"`, nil},
	} {
		t.Run(tc.col, func(t *testing.T) {
			fields := make([]reflect.StructField, base.NumField())
			for i := range fields {
				fields[i] = base.Field(i)
			}
			k := tbl.Index(tc.col)
			fields[k].Type, fields[k].Tag = tc.typ, reflect.StructTag(tc.tag)
			typ := reflect.StructOf(fields)

			var buf bytes.Buffer
			w := pq.NewWriter(&buf, pq.SchemaOf(reflect.New(typ).Interface()))
			v := reflect.New(typ)
			if tc.fill != nil {
				v.Elem().Field(k).Set(reflect.ValueOf(tc.fill))
			}
			if err := w.Write(v.Interface()); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			data := buf.Bytes()
			rows, _, err := ReadParquet(bytes.NewReader(data), int64(len(data)), tbl)
			if err == nil {
				t.Fatalf("ReadParquet accepted a file whose %s column differs (%d rows)", tc.col, len(rows))
			}
		})
	}
}

// TestParquetDeterministic: the same rows give the same bytes.
func TestParquetDeterministic(t *testing.T) {
	for _, tbl := range schemas.All() {
		rows := sampleRows(tbl, 7, extremeFill)
		first, err := writeParquetBytes(tbl, rows)
		if err != nil {
			t.Fatalf("%s: %v", tbl.Name, err)
		}
		for run := 2; run <= 4; run++ {
			again, err := writeParquetBytes(tbl, rows)
			if err != nil {
				t.Fatalf("%s: %v", tbl.Name, err)
			}
			if !bytes.Equal(first, again) {
				t.Errorf("%s: run %d wrote different bytes (%d vs %d bytes)", tbl.Name, run, len(first), len(again))
			}
		}
	}
}
