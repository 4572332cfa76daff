package dates

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/textdoc"
)

// seedTexts reads the seed articles in ../../raw.
func seedTexts(b *testing.B) []string {
	files, _ := filepath.Glob("../../raw/*.txt")
	if len(files) == 0 {
		b.Skip("no seed articles in ../../raw")
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// antTexts reads the first KHABAR_ANT_BENCH articles (default 200) of the
// ANT corpus with the xz command; it skips when the corpus or xz is absent.
func antTexts(b *testing.B) []string {
	path := "../../../shared/corpora/ant-multisource-v2.1/ant_multisource_v2.1.jsonl.xz"
	if _, err := os.Stat(path); err != nil {
		b.Skipf("ANT corpus not found at %s", path)
	}
	out, err := exec.Command("sh", "-c", "xz -dc "+path+" | head -n 200").Output()
	if err != nil && len(out) == 0 {
		b.Skipf("xz: %v", err)
	}
	var texts []string
	for _, line := range bytes.Split(out, []byte("\n")) {
		var rec map[string]any
		if json.Unmarshal(line, &rec) != nil {
			continue
		}
		for _, k := range []string{"text", "content", "body"} {
			if s, ok := rec[k].(string); ok && s != "" {
				texts = append(texts, s)
				break
			}
		}
	}
	if len(texts) == 0 {
		b.Skip("no texts read from the ANT corpus")
	}
	return texts
}

func benchKhabar(b *testing.B, texts []string) {
	e := New(resources.Default())
	docs := make([]*textdoc.Document, len(texts))
	size := 0
	for i, s := range texts {
		docs[i] = textdoc.New(s, time.Time{}) // tokenisation is not the extractor's cost
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			e.Find(d.Fresh()) // no memoised result from the last run
		}
	}
}

// benchKhabarFromText includes segmenting and tokenising, which
// go-dateparser's Search does for itself: the like-for-like comparison.
func benchKhabarFromText(b *testing.B, texts []string) {
	e := New(resources.Default())
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			e.Find(textdoc.New(s, time.Time{}))
		}
	}
}

func benchDateparser(b *testing.B, texts []string) {
	cfg := &dps.Configuration{Languages: []string{"ar"}, CurrentTime: time.Date(2025, 11, 16, 0, 0, 0, 0, time.UTC)}
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			dps.Search(cfg, s)
		}
	}
}

// Run with: go test ./extractors/dates -run X -bench . -benchtime 2x
func BenchmarkSeedsKhabarDates(b *testing.B)         { benchKhabar(b, seedTexts(b)) }
func BenchmarkSeedsGoDateparser(b *testing.B)        { benchDateparser(b, seedTexts(b)) }
func BenchmarkANTKhabarDates(b *testing.B)           { benchKhabar(b, antTexts(b)) }
func BenchmarkSeedsKhabarDatesFromText(b *testing.B) { benchKhabarFromText(b, seedTexts(b)) }
func BenchmarkANTKhabarDatesFromText(b *testing.B)   { benchKhabarFromText(b, antTexts(b)) }
func BenchmarkANTGoDateparser(b *testing.B)          { benchDateparser(b, antTexts(b)) }
