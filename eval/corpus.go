package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Corpus is one of the raw news corpora in ../shared/corpora that the
// corpus gold sample is drawn from (see testdata/gold/corpus-sample.md).
type Corpus struct {
	Name string // short name used in corpus-sample.ids.jsonl
	File string // path under the corpora folder (.jsonl.xz)
	// field names in the corpus records
	TextField, TitleField string
	// published turns a record into a YYYY-MM-DD publication date, or ""
	// when the corpus carries none.
	published func(rec map[string]any) string
}

// Corpora are the corpora the sample draws from, in sampling order.
var Corpora = []Corpus{
	{Name: "ant", File: "ant-multisource-v2.1/ant_multisource_v2.1.jsonl.xz", TextField: "text", TitleField: "title",
		published: func(r map[string]any) string {
			s, _ := r["time"].(string)
			for _, layout := range []string{time.RFC1123Z, time.RFC1123} {
				if t, err := time.Parse(layout, s); err == nil {
					return t.Format(time.DateOnly)
				}
			}
			return ""
		}},
	// SaudiNewsNet has only the crawl time (date_extracted), which is not
	// the publication date: articles get no published date.
	{Name: "snn", File: "saudinewsnet/saudinewsnet.jsonl.xz", TextField: "content", TitleField: "title",
		published: func(map[string]any) string { return "" }},
	{Name: "jawhara", File: "ant-v1.1-jawharafm/ant_v1.1.jsonl.xz", TextField: "text", TitleField: "title",
		published: func(r map[string]any) string {
			s, _ := r["time"].(string)
			if t, err := time.Parse(time.RFC3339, s); err == nil {
				return t.Format(time.DateOnly)
			}
			return ""
		}},
}

// CorpusByName finds a corpus by its short name.
func CorpusByName(name string) (Corpus, bool) {
	for _, c := range Corpora {
		if c.Name == name {
			return c, true
		}
	}
	return Corpus{}, false
}

// SampleEntry names one article of the corpus sample.
type SampleEntry struct {
	Corpus  string `json:"corpus"`
	ID      string `json:"id"`
	Stratum string `json:"stratum,omitempty"`
}

// Input is one line of the pipeline's JSON Lines input.
type Input struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
}

// SourceID is the article id the pipeline and the gold use: corpus:id.
func (e SampleEntry) SourceID() string { return e.Corpus + ":" + e.ID }

// LoadSample reads a sample list (one SampleEntry per line).
func LoadSample(path string) ([]SampleEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []SampleEntry
	for n, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var e SampleEntry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
		}
		if _, ok := CorpusByName(e.Corpus); !ok {
			return nil, fmt.Errorf("%s:%d: unknown corpus %q", path, n+1, e.Corpus)
		}
		out = append(out, e)
	}
	return out, nil
}

// EachRecord streams the records of a corpus (decompressed with xz -dc)
// to fn; fn returns false to stop. keep, when not nil, is called on the
// raw line first and lines it rejects are not decoded.
func EachRecord(corporaDir string, c Corpus, keep func(line []byte) bool, fn func(rec map[string]any) bool) error {
	path := filepath.Join(corporaDir, c.File)
	if _, err := os.Stat(path); err != nil {
		return err
	}
	cmd := exec.Command("xz", "-dc", path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("xz: %w", err)
	}
	r := bufio.NewReaderSize(out, 1<<20)
	stopped := false
	for !stopped {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 && (keep == nil || keep(line)) {
			var rec map[string]any
			if jerr := json.Unmarshal(line, &rec); jerr == nil {
				stopped = !fn(rec)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if stopped {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil
	}
	return cmd.Wait()
}

// ToInput turns a corpus record into a pipeline input line.
func (c Corpus) ToInput(rec map[string]any) Input {
	s := func(k string) string { v, _ := rec[k].(string); return v }
	return Input{ID: c.Name + ":" + s("id"), Text: s(c.TextField), Title: strings.TrimSpace(s(c.TitleField)), Published: c.published(rec), Source: s("source")}
}

// BuildSample recreates the sample's pipeline input from the corpora, in
// the order of entries. It fails if an entry is not found.
func BuildSample(corporaDir string, entries []SampleEntry) ([]Input, error) {
	want := map[string]map[string]bool{}
	for _, e := range entries {
		if want[e.Corpus] == nil {
			want[e.Corpus] = map[string]bool{}
		}
		want[e.Corpus][e.ID] = true
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	// one xz process per corpus, in parallel
	found := make([]map[string]Input, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, _ := CorpusByName(name)
			ids := want[name]
			got := map[string]Input{}
			keep := func(line []byte) bool {
				i := bytes.Index(line, []byte(`"id": "`))
				if i < 0 {
					return true
				}
				rest := line[i+7:]
				j := bytes.IndexByte(rest, '"')
				return j >= 0 && ids[string(rest[:j])]
			}
			errs[i] = EachRecord(corporaDir, c, keep, func(rec map[string]any) bool {
				id, _ := rec["id"].(string)
				if _, dup := got[id]; ids[id] && !dup {
					got[id] = c.ToInput(rec)
				}
				return len(got) < len(ids)
			})
			found[i] = got
		}()
	}
	wg.Wait()
	all := map[string]Input{}
	for i, name := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
		for id, in := range found[i] {
			all[name+":"+id] = in
		}
	}
	out := make([]Input, 0, len(entries))
	for _, e := range entries {
		in, ok := all[e.SourceID()]
		if !ok {
			return nil, fmt.Errorf("article %s not found in %s", e.SourceID(), e.Corpus)
		}
		out = append(out, in)
	}
	return out, nil
}

// WriteInputs writes inputs as JSON Lines.
func WriteInputs(w io.Writer, inputs []Input) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, in := range inputs {
		if err := enc.Encode(in); err != nil {
			return err
		}
	}
	return nil
}
