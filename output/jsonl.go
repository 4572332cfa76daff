package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"

	"github.com/khabar-data/khabar/schemas"
)

// WriteJSONL writes one JSON object per row, keys in column order, nulls
// as null, dates as "YYYY-MM-DD".
func WriteJSONL(w io.Writer, rows []schemas.Row) error {
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	for _, r := range rows {
		buf.Reset()
		if err := appendRowJSON(&buf, r); err != nil {
			return err
		}
		buf.WriteByte('\n')
		if _, err := bw.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func appendRowJSON(buf *bytes.Buffer, r schemas.Row) error {
	buf.WriteByte('{')
	for i, c := range r.Table.Columns {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(c.Name)
		buf.Write(k)
		buf.WriteByte(':')
		v := r.Values[i]
		if d, ok := v.(time.Time); ok {
			v = d.Format(time.DateOnly)
		}
		b, err := marshalNoEscape(v)
		if err != nil {
			return err
		}
		buf.Write(b)
	}
	buf.WriteByte('}')
	return nil
}

// marshalNoEscape is json.Marshal without HTML escaping, so Arabic text
// and symbols read as written.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// RowJSON returns one row as a JSON object with keys in column order.
func RowJSON(r schemas.Row) ([]byte, error) {
	var buf bytes.Buffer
	err := appendRowJSON(&buf, r)
	return buf.Bytes(), err
}
