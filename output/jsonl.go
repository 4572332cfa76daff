package output

import (
	"bufio"
	"io"

	"github.com/khabar-data/khabar/schemas"
)

// WriteJSONL writes one JSON object per row (schemas.Row.MarshalJSON: keys
// in column order, nulls as null, dates as "YYYY-MM-DD").
func WriteJSONL(w io.Writer, rows []schemas.Row) error {
	bw := bufio.NewWriter(w)
	for _, r := range rows {
		if err := writeJSONLine(bw, r); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func writeJSONLine(w io.Writer, r schemas.Row) error {
	b, err := r.MarshalJSON()
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// RowJSON returns one row as a JSON object with keys in column order.
func RowJSON(r schemas.Row) ([]byte, error) { return r.MarshalJSON() }
