package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Record is one data row of a TSV file, by column name.
type Record struct {
	Line   int
	fields map[string]string
}

// Get returns the named field, trimmed ("" when the column is absent).
func (r Record) Get(name string) string { return strings.TrimSpace(r.fields[name]) }

// ReadTSV reads a tab-separated file whose first non-comment line names the
// columns. Lines starting with # and blank lines are skipped, so data files
// can carry their provenance in a header comment. Columns are found by
// name, so a user's file may order them freely and add its own.
func ReadTSV(r io.Reader, name string, required ...string) ([]Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var header []string
	var out []Record
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		if header == nil {
			header = cells
			for _, req := range required {
				found := false
				for _, h := range header {
					if strings.TrimSpace(h) == req {
						found = true
					}
				}
				if !found {
					return nil, fmt.Errorf("%s: header has no %q column (have %s)", name, req, strings.Join(header, ", "))
				}
			}
			continue
		}
		rec := Record{Line: line, fields: make(map[string]string, len(header))}
		for i, h := range header {
			if i < len(cells) {
				rec.fields[strings.TrimSpace(h)] = cells[i]
			}
		}
		for _, req := range required {
			if rec.Get(req) == "" {
				return nil, fmt.Errorf("%s:%d: empty %s", name, line, req)
			}
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if header == nil {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return out, nil
}
