package output

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/khabar-data/khabar/schemas"
)

// Problem is one thing `khabar validate` found wrong.
type Problem struct {
	Table  string `json:"table"`
	Rule   string `json:"rule"`
	Detail string `json:"detail"`
}

// TableCheck is what validation found for one table.
type TableCheck struct {
	Table    string    `json:"table"`
	Rows     int       `json:"rows"`
	Problems []Problem `json:"problems,omitempty"`
}

// ValidateDir re-reads the Parquet files of an output folder and checks
// each against its declared schema: the file's Parquet schema and metadata,
// every row against the table's rules (including that every offset slices
// its surface out of articles.text), mention ids unique, every mention's
// article present, and row counts equal to the manifest's.
func ValidateDir(dir string) ([]TableCheck, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	manifestRows := map[string]int{}
	for _, t := range m.Tables {
		manifestRows[t.Name] = t.Rows
	}
	read := map[string][]schemas.Row{}
	var out []TableCheck
	for _, t := range schemas.All() {
		tc := TableCheck{Table: t.Name}
		problem := func(rule, format string, args ...any) {
			tc.Problems = append(tc.Problems, Problem{Table: t.Name, Rule: rule, Detail: fmt.Sprintf(format, args...)})
		}
		path := filepath.Join(dir, t.Name+".parquet")
		f, err := os.Open(path)
		if err != nil {
			problem("file", "%v", err)
			out = append(out, tc)
			continue
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		rows, meta, err := ReadParquet(f, info.Size(), t)
		f.Close()
		if err != nil {
			problem("parquet_schema", "%v", err)
			out = append(out, tc)
			continue
		}
		if v := meta[MetaSchemaVersion]; v != schemas.Version {
			problem("schema_version", "file says %q, this tool writes %q", v, schemas.Version)
		}
		if meta[MetaTable] != t.Name {
			problem("table_name", "file metadata names table %q", meta[MetaTable])
		}
		if n, ok := manifestRows[t.Name]; ok && n != len(rows) {
			problem("manifest_rows", "manifest says %d rows, file has %d", n, len(rows))
		}
		tc.Rows = len(rows)
		read[t.Name] = rows
		out = append(out, tc)
	}
	ctx := &schemas.Context{ArticleText: map[string][]rune{}}
	for _, a := range read[schemas.Articles.Name] {
		ctx.ArticleText[a.String("article_id")] = []rune(a.String("text"))
	}
	for i, t := range schemas.All() {
		seen := map[string]bool{}
		for n, r := range read[t.Name] {
			for _, v := range t.Validate(r, ctx) {
				out[i].Problems = append(out[i].Problems, Problem{Table: t.Name, Rule: v.Rule, Detail: fmt.Sprintf("row %d: %s", n, v.Detail)})
			}
			if len(t.Key) > 0 {
				key := fmt.Sprint(r.Get(t.Key[0]))
				if seen[key] {
					out[i].Problems = append(out[i].Problems, Problem{Table: t.Name, Rule: "unique_key", Detail: fmt.Sprintf("row %d: %s %s appears twice", n, t.Key[0], key)})
				}
				seen[key] = true
			}
		}
	}
	return out, nil
}
