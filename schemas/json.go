package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// MarshalJSON renders a row as a JSON object with keys in column order,
// nulls as null, dates as "YYYY-MM-DD", without HTML escaping (Arabic text
// and symbols read as written).
func (r Row) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
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
			return nil, fmt.Errorf("%s.%s: %w", r.Table.Name, c.Name, err)
		}
		buf.Write(b)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// UnmarshalRow reads a row of t from the JSON object MarshalJSON writes.
// Keys that are not columns of t are an error; missing keys are null.
func UnmarshalRow(t *Table, data []byte) (Row, error) {
	var m map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return Row{}, err
	}
	r := t.NewRow()
	for k, raw := range m {
		i := t.Index(k)
		if i < 0 {
			return Row{}, fmt.Errorf("%s has no column %q", t.Name, k)
		}
		if string(raw) == "null" {
			continue
		}
		v, err := decodeValue(t.Columns[i].Kind, raw)
		if err != nil {
			return Row{}, fmt.Errorf("%s.%s: %w", t.Name, k, err)
		}
		r.Values[i] = v
	}
	return r, nil
}

func decodeValue(k Kind, raw json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	switch k {
	case String:
		var s string
		err := dec.Decode(&s)
		return s, err
	case Int64:
		var n json.Number
		if err := dec.Decode(&n); err != nil {
			return nil, err
		}
		return n.Int64()
	case Float64:
		var n json.Number
		if err := dec.Decode(&n); err != nil {
			return nil, err
		}
		return n.Float64()
	case Bool:
		var b bool
		err := dec.Decode(&b)
		return b, err
	case Date:
		var s string
		if err := dec.Decode(&s); err != nil {
			return nil, err
		}
		d, err := time.Parse(time.DateOnly, s)
		return d, err
	case StringList:
		l := []string{}
		err := dec.Decode(&l)
		return l, err
	}
	return nil, fmt.Errorf("unknown kind %v", k)
}
