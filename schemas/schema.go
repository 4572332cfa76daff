// Package schemas declares every output table once. The Parquet schema, the
// Excel headers and column formats, the data-dictionary sheet, the JSON Lines
// keys and the validation rules are all derived from these declarations.
package schemas

import (
	"fmt"
	"time"
)

// Version is the version of the output contract (table and column names,
// types and meanings). It is written into every Parquet file and the
// manifest. Bump the minor number for added columns, the major for any
// rename, removal or change of meaning.
const Version = "1.0.0"

// Kind is the logical type of a column.
type Kind int

const (
	String     Kind = iota // UTF-8 string
	Int64                  // 64-bit signed integer
	Float64                // IEEE double
	Bool                   // boolean
	Date                   // calendar date (Parquet DATE, Excel date); Go value time.Time at UTC midnight
	StringList             // list of UTF-8 strings (Parquet LIST<STRING>)
)

func (k Kind) String() string {
	switch k {
	case String:
		return "string"
	case Int64:
		return "int64"
	case Float64:
		return "double"
	case Bool:
		return "bool"
	case Date:
		return "date"
	case StringList:
		return "list<string>"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Column is one column of a table.
type Column struct {
	Name     string
	Kind     Kind
	Nullable bool
	Doc      string   // what the column holds, for the data dictionary
	Enum     []string // if set, the only values allowed
	Check    *Check   // an extra per-value rule, if any
}

// Check is a named rule on a single value. Its name is what a reject row
// records, so that a rejected row says which rule it broke.
type Check struct {
	Rule string
	Doc  string
	OK   func(v any) bool
}

// RowCheck is a named rule on a whole row. It may consult the Context (for
// example the article text that offsets index).
type RowCheck struct {
	Rule string
	Doc  string
	Err  func(r Row, ctx *Context) error
}

// Table is one output table.
type Table struct {
	Name      string
	Doc       string
	Columns   []Column
	Key       []string // columns whose values together identify a row
	RowChecks []RowCheck
	index     map[string]int
}

func newTable(name, doc string, key []string, cols []Column, checks ...RowCheck) *Table {
	t := &Table{Name: name, Doc: doc, Columns: cols, Key: key, RowChecks: checks, index: map[string]int{}}
	for i, c := range cols {
		if _, dup := t.index[c.Name]; dup {
			panic("schemas: duplicate column " + name + "." + c.Name)
		}
		t.index[c.Name] = i
	}
	for _, k := range key {
		t.mustIndex(k)
	}
	return t
}

// Index returns the position of a column, or -1.
func (t *Table) Index(name string) int {
	if i, ok := t.index[name]; ok {
		return i
	}
	return -1
}

func (t *Table) mustIndex(name string) int {
	i, ok := t.index[name]
	if !ok {
		panic(fmt.Sprintf("schemas: table %s has no column %q", t.Name, name))
	}
	return i
}

// ColumnNames lists the column names in order.
func (t *Table) ColumnNames() []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Name
	}
	return out
}

// Row is one row of a table: one value per column, in column order. A nil
// value is a null. Values are string, int64, float64, bool, time.Time (for
// dates, at UTC midnight) and []string.
type Row struct {
	Table  *Table
	Values []any
}

// NewRow returns an all-null row of t.
func (t *Table) NewRow() Row { return Row{Table: t, Values: make([]any, len(t.Columns))} }

// Set stores v in the named column and returns the row, so that calls chain.
// Setting an unknown column is a programming error and panics.
func (r Row) Set(name string, v any) Row {
	r.Values[r.Table.mustIndex(name)] = normalizeValue(v)
	return r
}

// Get returns the value of the named column (nil for null or unknown).
func (r Row) Get(name string) any {
	if i := r.Table.Index(name); i >= 0 {
		return r.Values[i]
	}
	return nil
}

// String returns the named string column, or "" when null.
func (r Row) String(name string) string {
	s, _ := r.Get(name).(string)
	return s
}

// Int returns the named integer column, or 0 when null.
func (r Row) Int(name string) int64 {
	n, _ := r.Get(name).(int64)
	return n
}

// Map returns the row as column name → value, for JSON output.
func (r Row) Map() map[string]any {
	m := make(map[string]any, len(r.Values))
	for i, c := range r.Table.Columns {
		v := r.Values[i]
		if d, ok := v.(time.Time); ok && c.Kind == Date {
			v = d.Format(time.DateOnly)
		}
		m[c.Name] = v
	}
	return m
}

// normalizeValue widens the Go types callers naturally have (int, float32,
// *T) to the canonical value types, so that rows compare and validate alike.
func normalizeValue(v any) any {
	switch x := v.(type) {
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case float32:
		return float64(x)
	case *string:
		if x == nil {
			return nil
		}
		return *x
	case *int64:
		if x == nil {
			return nil
		}
		return *x
	case *time.Time:
		if x == nil {
			return nil
		}
		return DateOf(*x)
	case time.Time:
		return DateOf(x)
	}
	return v
}

// DateOf truncates t to its calendar date at UTC midnight, the canonical
// value of a Date column.
func DateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Context is what row checks may consult beyond the row itself.
type Context struct {
	// ArticleText maps article_id to the text that offsets index, as code points.
	ArticleText map[string][]rune
}
