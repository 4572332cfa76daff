// Package output writes the tables a run produced — Parquet, Excel, JSON
// Lines — and the run manifest, atomically, and reads Parquet back for
// `khabar validate`. Every writer derives its columns from schemas; none
// lists columns of its own.
package output

import (
	"fmt"
	"io"
	"os"
	"reflect"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"

	"github.com/khabar-data/khabar/schemas"
)

// Parquet file metadata keys.
const (
	MetaSchemaVersion = "khabar.schema_version"
	MetaToolVersion   = "khabar.tool_version"
	MetaTable         = "khabar.table"
)

// rowType builds, once per table, the Go struct type that parquet-go maps
// to the table's Parquet schema. A struct (rather than a parquet.Group,
// which sorts fields by name) keeps the declared column order. Nullable
// columns are pointers (OPTIONAL); dates are DATE; lists are LIST<STRING>.
func rowType(t *schemas.Table) reflect.Type {
	fields := make([]reflect.StructField, len(t.Columns))
	for i, c := range t.Columns {
		var typ reflect.Type
		tag := c.Name
		switch c.Kind {
		case schemas.String:
			typ = reflect.TypeFor[string]()
		case schemas.Int64:
			typ = reflect.TypeFor[int64]()
		case schemas.Float64:
			typ = reflect.TypeFor[float64]()
		case schemas.Bool:
			typ = reflect.TypeFor[bool]()
		case schemas.Date:
			// int32 days since 1970-01-01: parquet-go v0.32 stores a
			// time.Time tagged "date" as truncated nanoseconds.
			typ = reflect.TypeFor[int32]()
			tag += ",date"
		case schemas.StringList:
			typ = reflect.TypeFor[[]string]()
			tag += ",list"
		default:
			panic(fmt.Sprintf("output: no Parquet type for %s", c.Kind))
		}
		if c.Nullable {
			typ = reflect.PointerTo(typ)
			if c.Kind != schemas.Date {
				tag += ",optional"
			}
		}
		fields[i] = reflect.StructField{
			Name: fmt.Sprintf("C%d", i),
			Type: typ,
			// no compression in the tag: the writer's default (pageCodec,
			// zstd) applies, which a tag would override with parquet-go's
			Tag: reflect.StructTag(fmt.Sprintf(`parquet:"%s"`, tag)),
		}
	}
	return reflect.StructOf(fields)
}

// ParquetSchema returns the Parquet schema of a table.
func ParquetSchema(t *schemas.Table) *parquet.Schema {
	return parquet.SchemaOf(reflect.New(rowType(t)).Interface())
}

// toStruct copies a row into a value of rowType(t).
func toStruct(typ reflect.Type, r schemas.Row) reflect.Value {
	v := reflect.New(typ)
	s := v.Elem()
	for i, c := range r.Table.Columns {
		val := r.Values[i]
		if val == nil {
			continue
		}
		f := s.Field(i)
		if d, ok := val.(time.Time); ok {
			val = daysSinceEpoch(d)
		}
		rv := reflect.ValueOf(val)
		if c.Kind == schemas.StringList && rv.IsNil() {
			rv = reflect.ValueOf([]string{})
		}
		if c.Nullable {
			p := reflect.New(f.Type().Elem())
			p.Elem().Set(rv)
			f.Set(p)
		} else {
			f.Set(rv)
		}
	}
	return v
}

// appendParquetRow appends r to row in parquet-go's own row form: each
// column's values in order, with the levels that parquet-go gives the
// matching field of rowType(t) (TestParquetRowMatchesStruct checks them
// against its reflection). Writing rows this way skips toStruct and
// parquet-go's reflection, ~3% of a whole run. Columns are flat: a
// nullable column has definition level 1 when set; a LIST<STRING> has one
// value per element (repetition level 1 after the first) or, when empty,
// one null; a required column left unset holds its zero value, as the
// struct field would.
func appendParquetRow(row parquet.Row, r schemas.Row) parquet.Row {
	for i, c := range r.Table.Columns {
		v := r.Values[i]
		if c.Kind == schemas.StringList {
			list, _ := v.([]string)
			if len(list) == 0 {
				row = append(row, parquet.NullValue().Level(0, 0, i))
			}
			for k, s := range list {
				row = append(row, stringValue(s).Level(min(k, 1), 1, i))
			}
			continue
		}
		if v == nil && c.Nullable {
			row = append(row, parquet.NullValue().Level(0, 0, i))
			continue
		}
		def := 0
		if c.Nullable {
			def = 1
		}
		var pv parquet.Value
		switch c.Kind {
		case schemas.String:
			s, _ := v.(string)
			pv = stringValue(s)
		case schemas.Int64:
			n, _ := v.(int64)
			pv = parquet.Int64Value(n)
		case schemas.Float64:
			f, _ := v.(float64)
			pv = parquet.DoubleValue(f)
		case schemas.Bool:
			b, _ := v.(bool)
			pv = parquet.BooleanValue(b)
		case schemas.Date:
			var days int32
			if d, ok := v.(time.Time); ok {
				days = daysSinceEpoch(d)
			}
			pv = parquet.Int32Value(days)
		default:
			panic(fmt.Sprintf("output: no Parquet type for %s", c.Kind))
		}
		row = append(row, pv.Level(0, def, i))
	}
	return row
}

// stringValue is the BYTE_ARRAY value of s without copying it, as
// parquet-go makes it from a string field (the writer copies the bytes
// into its page buffers; nothing writes through the slice).
func stringValue(s string) parquet.Value {
	return parquet.ByteArrayValue(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// fromStruct reads a value of rowType(t) back into a row.
func fromStruct(t *schemas.Table, s reflect.Value) schemas.Row {
	r := t.NewRow()
	for i, c := range t.Columns {
		f := s.Field(i)
		if c.Nullable {
			if f.IsNil() {
				continue
			}
			f = f.Elem()
		}
		v := f.Interface()
		if c.Kind == schemas.Date {
			v = dateFromDays(v.(int32))
		}
		if l, ok := v.([]string); ok && l == nil {
			v = []string{}
		}
		r.Values[i] = v
	}
	return r
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// daysSinceEpoch is the Parquet DATE value of a calendar date.
func daysSinceEpoch(d time.Time) int32 {
	return int32(schemas.DateOf(d).Unix() / 86400)
}

func dateFromDays(n int32) time.Time { return epoch.AddDate(0, 0, int(n)) }

// WriteParquet writes rows of t as a zstd-compressed Parquet file carrying
// the schema and tool versions in its key-value metadata.
func WriteParquet(w io.Writer, t *schemas.Table, rows []schemas.Row, toolVersion string) error {
	typ := rowType(t)
	pw := newParquetWriter(w, t, typ, toolVersion)
	for _, r := range rows {
		if err := pw.Write(toStruct(typ, r).Interface()); err != nil {
			return fmt.Errorf("%s: %w", t.Name, err)
		}
	}
	return pw.Close()
}

func newParquetWriter(w io.Writer, t *schemas.Table, typ reflect.Type, toolVersion string, extra ...parquet.WriterOption) *parquet.Writer {
	schema := parquet.SchemaOf(reflect.New(typ).Interface())
	opts := append([]parquet.WriterOption{
		schema,
		parquet.KeyValueMetadata(MetaSchemaVersion, schemas.Version),
		parquet.KeyValueMetadata(MetaToolVersion, toolVersion),
		parquet.KeyValueMetadata(MetaTable, t.Name),
		parquet.Compression(pageCodec),
		parquet.CreatedBy("khabar", toolVersion, ""),
	}, extra...)
	return parquet.NewWriter(w, opts...)
}

// ReadParquet reads a Parquet file of table t back into rows, after
// checking that its schema is the declared one.
func ReadParquet(r io.ReaderAt, size int64, t *schemas.Table) ([]schemas.Row, map[string]string, error) {
	var rows []schemas.Row
	meta, err := eachRow(r, size, t, func(row schemas.Row) error {
		rows = append(rows, row)
		return nil
	})
	return rows, meta, err
}

// EachParquetRow streams the rows of a Parquet file of table t.
func EachParquetRow(path string, t *schemas.Table, each func(schemas.Row) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	_, err = eachRow(f, info.Size(), t, each)
	return err
}

func eachRow(r io.ReaderAt, size int64, t *schemas.Table, each func(schemas.Row) error) (map[string]string, error) {
	f, err := parquet.OpenFile(r, size)
	if err != nil {
		return nil, err
	}
	want := ParquetSchema(t)
	if got := f.Schema(); !parquet.EqualNodes(got, want) {
		return nil, fmt.Errorf("schema differs from the declared one:\n got %s\nwant %s", got, want)
	}
	meta := map[string]string{}
	for _, kv := range f.Metadata().KeyValueMetadata {
		meta[kv.Key] = kv.Value
	}
	typ := rowType(t)
	pr := parquet.NewReader(f, want)
	defer pr.Close()
	for {
		v := reflect.New(typ)
		err := pr.Read(v.Interface())
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := each(fromStruct(t, v.Elem())); err != nil {
			return nil, err
		}
	}
	return meta, nil
}
