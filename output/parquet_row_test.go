package output

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/khabar-data/khabar/schemas"
)

// TestParquetRowMatchesStruct checks that appendParquetRow gives exactly
// the values and levels parquet-go derives by reflection from toStruct's
// struct, for every table, with columns unset, set, and lists empty, of
// one and of several strings.
func TestParquetRowMatchesStruct(t *testing.T) {
	day := time.Date(2018, 2, 18, 0, 0, 0, 0, time.UTC)
	for _, tb := range schemas.All() {
		typ := rowType(tb)
		schema := parquet.SchemaOf(reflect.New(typ).Interface())
		for variant := 0; variant < 4; variant++ {
			r := tb.NewRow()
			for i, c := range tb.Columns {
				if variant == 0 {
					continue // every column unset
				}
				switch c.Kind {
				case schemas.String:
					r.Values[i] = []string{"", "نص", "a"}[variant-1]
				case schemas.Int64:
					r.Values[i] = int64(variant * 7)
				case schemas.Float64:
					r.Values[i] = float64(variant) / 3
				case schemas.Bool:
					r.Values[i] = variant%2 == 0
				case schemas.Date:
					r.Values[i] = day.AddDate(0, 0, variant)
				case schemas.StringList:
					r.Values[i] = [][]string{{}, {"KZ"}, {"KZ", "", "UZ"}}[variant-1]
				}
			}
			want := schema.Deconstruct(nil, toStruct(typ, r).Interface())
			got := appendParquetRow(nil, r)
			if err := sameRow(got, want); err != nil {
				t.Errorf("%s, variant %d: %v", tb.Name, variant, err)
			}
		}
	}
}

func sameRow(got, want parquet.Row) error {
	if len(got) != len(want) {
		return fmt.Errorf("%d values, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Kind() != w.Kind() || g.IsNull() != w.IsNull() || !parquet.Equal(g, w) ||
			g.Column() != w.Column() || g.RepetitionLevel() != w.RepetitionLevel() || g.DefinitionLevel() != w.DefinitionLevel() {
			return fmt.Errorf("value %d is %v (col %d, rep %d, def %d), want %v (col %d, rep %d, def %d)", i,
				g, g.Column(), g.RepetitionLevel(), g.DefinitionLevel(), w, w.Column(), w.RepetitionLevel(), w.DefinitionLevel())
		}
	}
	return nil
}
