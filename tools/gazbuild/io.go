package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// table is a parsed TSV file: a header and rows addressed by column name.
type table struct {
	path   string
	header []string
	rows   [][]string
	lines  []int // 1-based line number of each row, for error messages
	col    map[string]int
}

// get returns the named column of row i, or "" when the column is missing.
func (t *table) get(i int, name string) string {
	c, ok := t.col[name]
	if !ok || c >= len(t.rows[i]) {
		return ""
	}
	return t.rows[i][c]
}

// parseTSV parses tab-separated text with a header line. No quoting is
// recognised. With comments set, lines whose first non-blank character is
// '#' and blank lines are skipped (the hand-curated files use them).
// A UTF-8 BOM and CR line endings are tolerated.
func parseTSV(path string, data []byte, comments bool) (*table, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	t := &table{path: path, col: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if comments {
			trimmed := strings.TrimSpace(line)
			if trimmed == "" || strings.HasPrefix(trimmed, "#") {
				continue
			}
		} else if line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if t.header == nil {
			t.header = fields
			for i, h := range fields {
				t.col[strings.TrimSpace(h)] = i
			}
			continue
		}
		t.rows = append(t.rows, fields)
		t.lines = append(t.lines, n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if t.header == nil {
		return nil, fmt.Errorf("%s: no header line", path)
	}
	return t, nil
}

// readTSV reads and parses a TSV file, checking that the wanted columns exist.
func readTSV(path string, comments bool, want ...string) (*table, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t, err := parseTSV(path, data, comments)
	if err != nil {
		return nil, err
	}
	for _, w := range want {
		if _, ok := t.col[w]; !ok {
			return nil, fmt.Errorf("%s: missing column %q (have %v)", path, w, t.header)
		}
	}
	return t, nil
}

// readJSON decodes a JSON file into v.
func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// cldrTerritories reads main/<locale>/localeDisplayNames/territories from a
// CLDR JSON territories file.
func cldrTerritories(path string) (map[string]string, error) {
	var doc struct {
		Main map[string]struct {
			LocaleDisplayNames struct {
				Territories map[string]string `json:"territories"`
			} `json:"localeDisplayNames"`
		} `json:"main"`
	}
	if err := readJSON(path, &doc); err != nil {
		return nil, err
	}
	for _, loc := range doc.Main {
		return loc.LocaleDisplayNames.Territories, nil
	}
	return nil, fmt.Errorf("%s: no locale", path)
}

// writeTSV writes a header and rows as LF-terminated TSV, in NFC. Fields
// must not contain tabs or newlines.
func writeTSV(path string, header []string, rows [][]string) error {
	var b bytes.Buffer
	write := func(fields []string) error {
		for i, f := range fields {
			if strings.ContainsAny(f, "\t\n\r") {
				return fmt.Errorf("%s: field %q contains a tab or newline", path, f)
			}
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(cleanForm(f))
		}
		b.WriteByte('\n')
		return nil
	}
	if err := write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if len(r) != len(header) {
			return fmt.Errorf("%s: row %v has %d fields, want %d", path, r, len(r), len(header))
		}
		if err := write(r); err != nil {
			return err
		}
	}
	return writeFileIfChanged(path, b.Bytes())
}

// writeFileIfChanged writes data to path, creating directories, and leaves
// the file untouched (and its mtime) when the content is identical.
func writeFileIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// sortedKeys returns the keys of a string set in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
