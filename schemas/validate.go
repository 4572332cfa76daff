package schemas

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"
	"unicode/utf8"
)

// Violation is one broken rule.
type Violation struct {
	Rule   string
	Detail string
}

// Validate checks a row against every rule its table declares: the type of
// each value, nulls in required columns, allowed values, per-value checks,
// then the row checks. It returns nil when the row is valid.
func (t *Table) Validate(r Row, ctx *Context) []Violation {
	var out []Violation
	if len(r.Values) != len(t.Columns) {
		return []Violation{{Rule: "column_count", Detail: fmt.Sprintf("%d values for %d columns", len(r.Values), len(t.Columns))}}
	}
	columnsOK := true
	for i, c := range t.Columns {
		v := r.Values[i]
		if v == nil {
			if !c.Nullable {
				out = append(out, Violation{Rule: "required", Detail: c.Name + " is null"})
				columnsOK = false
			}
			continue
		}
		if !hasKind(v, c.Kind) {
			out = append(out, Violation{Rule: "type", Detail: fmt.Sprintf("%s is %T, want %s", c.Name, v, c.Kind)})
			columnsOK = false
			continue
		}
		if s, ok := v.(string); ok && !utf8.ValidString(s) {
			out = append(out, Violation{Rule: "utf8", Detail: c.Name + " is not valid UTF-8"})
			columnsOK = false
			continue
		}
		if len(c.Enum) > 0 {
			if s, _ := v.(string); !slices.Contains(c.Enum, s) {
				out = append(out, Violation{Rule: "enum", Detail: fmt.Sprintf("%s = %q is not one of %v", c.Name, s, c.Enum)})
				columnsOK = false
			}
		}
		if c.Check != nil && !c.Check.OK(v) {
			out = append(out, Violation{Rule: c.Check.Rule, Detail: fmt.Sprintf("%s = %v: want %s", c.Name, v, c.Check.Doc)})
			columnsOK = false
		}
	}
	if !columnsOK {
		// Row rules assume well-typed columns; report the column faults alone.
		return out
	}
	for _, rc := range t.RowChecks {
		if err := rc.Err(r, ctx); err != nil {
			out = append(out, Violation{Rule: rc.Rule, Detail: err.Error()})
		}
	}
	return out
}

func hasKind(v any, k Kind) bool {
	switch k {
	case String:
		_, ok := v.(string)
		return ok
	case Int64:
		_, ok := v.(int64)
		return ok
	case Float64:
		f, ok := v.(float64)
		return ok && !math.IsNaN(f) && !math.IsInf(f, 0)
	case Bool:
		_, ok := v.(bool)
		return ok
	case Date:
		d, ok := v.(time.Time)
		return ok && d.Equal(DateOf(d)) && d.Location() == time.UTC
	case StringList:
		_, ok := v.([]string)
		return ok
	}
	return false
}

// RejectRow records a row that broke a rule, as a row of the rejects table.
func RejectRow(r Row, v Violation) Row {
	js, err := json.Marshal(r.Map())
	if err != nil {
		js = []byte(fmt.Sprintf("%q", fmt.Sprint(r.Values)))
	}
	row := Rejects.NewRow().
		Set("table", r.Table.Name).
		Set("rule", v.Rule).
		Set("detail", v.Detail).
		Set("row_json", string(js))
	if id, ok := r.Get("article_id").(string); ok && id != "" {
		row.Set("article_id", id)
	}
	return row
}
