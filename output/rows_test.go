package output

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/khabar-data/khabar/schemas"
)

// Test fixtures shared by the Parquet and Excel tests: rows for any table,
// filled generically from its schema, so that a column added to schemas is
// covered without touching the tests.

const testToolVersion = "test-9.8.7"

// arabicSamples are the texts string columns are filled with.
var arabicSamples = []string{
	"وقّع البلدان معاهدة الصداقة في 9 أغسطس 2024",
	"أعلنت وزارة المالية عن قرض بقيمة 10.7 مليار دولار",
	"زار الرئيس الأوزبكي القاهرة، وبحث مع نظيره المصري «خارطة الطريق»",
	"نص مختلط: Arabic و English و١٢٣ و123",
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// fill says which values the generated rows take.
type fill struct {
	ints   []int64
	floats []float64
	dates  []time.Time
	lists  [][]string
}

// plainFill holds values as the pipeline produces them.
var plainFill = fill{
	ints:   []int64{0, 7, 42, 2024, 123456},
	floats: []float64{10700000000, 0.85, 1234.5, 0.25, 3},
	dates:  []time.Time{day(2024, 8, 9), day(2025, 3, 31), day(2017, 1, 1), day(1970, 1, 1)},
	lists:  [][]string{{}, {"EG", "SA"}, {"UZ"}, {"AE", "EG", "SA", "TR"}},
}

// extremeFill also holds the edges of each type: the int64 and float64
// limits, dates before 1970 and far from it, list elements that are Arabic
// or empty.
var extremeFill = fill{
	ints:   []int64{0, 42, -7, math.MaxInt64, math.MinInt64, 1<<53 + 1},
	floats: []float64{10.7e9, 0.1, -1.5, 1e-300, math.MaxFloat64, math.SmallestNonzeroFloat64},
	dates:  []time.Time{day(2024, 8, 9), day(1969, 12, 31), day(1900, 1, 1), day(2200, 12, 31), day(1, 1, 1), day(2025, 3, 31)},
	lists:  [][]string{{}, {"EG", "SA"}, {"مصر", "السعودية", ""}, {"UZ"}, {""}},
}

// sampleRows returns n rows of t. In row i a nullable column is null when
// i%3 == 1, and a nullable string column is the empty string (not null)
// when i%3 == 2; so with n >= 3 every nullable column has nulls and values.
// Row 0 has an empty list in every list column.
func sampleRows(t *schemas.Table, n int, fl fill) []schemas.Row {
	rows := make([]schemas.Row, n)
	for i := range rows {
		r := t.NewRow()
		for j, c := range t.Columns {
			k := i + j
			var v any
			switch c.Kind {
			case schemas.String:
				v = fmt.Sprintf("%s [%s #%d]", arabicSamples[k%len(arabicSamples)], c.Name, i)
				if c.Nullable && i%3 == 2 {
					v = ""
				}
			case schemas.Int64:
				v = fl.ints[k%len(fl.ints)]
			case schemas.Float64:
				v = fl.floats[k%len(fl.floats)]
			case schemas.Bool:
				v = k%2 == 0
			case schemas.Date:
				v = fl.dates[k%len(fl.dates)]
			case schemas.StringList:
				v = slices.Clone(fl.lists[i%len(fl.lists)])
			default:
				panic(fmt.Sprintf("sampleRows: no sample for %s", c.Kind))
			}
			if c.Nullable && i%3 == 1 {
				v = nil
			}
			r.Set(c.Name, v)
		}
		rows[i] = r
	}
	return rows
}

// sameValue reports whether a value read back equals the one written, in
// the canonical value types of schemas.Row; nulls equal only nulls, floats
// compare bit for bit, dates as instants, an empty list only an empty list.
func sameValue(want, got any) bool {
	switch w := want.(type) {
	case nil:
		return got == nil
	case time.Time:
		g, ok := got.(time.Time)
		return ok && g.Equal(w)
	case float64:
		g, ok := got.(float64)
		return ok && math.Float64bits(g) == math.Float64bits(w)
	case []string:
		g, ok := got.([]string)
		return ok && g != nil && slices.Equal(w, g)
	default:
		return want == got
	}
}

// show renders a value for a failure message.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "<null>"
	case time.Time:
		return x.Format(time.DateOnly)
	case string:
		return fmt.Sprintf("%q", x)
	case []string:
		if x == nil {
			return "[]string(nil)"
		}
		return fmt.Sprintf("%q", x)
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

// writeParquetBytes writes rows of t to memory.
func writeParquetBytes(t *schemas.Table, rows []schemas.Row) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteParquet(&buf, t, rows, testToolVersion); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
