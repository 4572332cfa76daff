package countries

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/textdoc"
)

// BenchmarkCountriesANT measures the countries extractor alone (documents
// already segmented and tokenised, as in the pipeline) on the first
// KHABAR_BENCH_ARTICLES (default 2000) article bodies of the ANT corpus
// (../shared/corpora/ant-multisource-v2.1, read through the xz command), in
// MB/s of article text:
//
//	go test ./extractors/countries -run X -bench CountriesANT -benchtime 3x
func BenchmarkCountriesANT(b *testing.B) {
	path := filepath.Join("..", "..", "..", "shared", "corpora", "ant-multisource-v2.1", "ant_multisource_v2.1.jsonl.xz")
	if _, err := os.Stat(path); err != nil {
		b.Skipf("ANT corpus not found at %s (needs the shared/ folder beside the repository): %v", path, err)
	}
	if _, err := exec.LookPath("xz"); err != nil {
		b.Skip("the xz command is not installed")
	}
	n := 2000
	if s := os.Getenv("KHABAR_BENCH_ARTICLES"); s != "" {
		if v, err := strconv.Atoi(s); err == nil {
			n = v
		}
	}
	cmd := exec.Command("xz", "-dc", path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var docs []*textdoc.Document
	size := 0
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() && len(docs) < n {
		var rec struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) != nil || rec.Text == "" {
			continue
		}
		docs = append(docs, textdoc.New(rec.Text, time.Time{}))
		size += len(rec.Text)
	}
	cmd.Process.Kill()
	cmd.Wait()
	e := New(resources.Default())
	b.SetBytes(int64(size))
	b.ResetTimer()
	mentions := 0
	for i := 0; i < b.N; i++ {
		mentions = 0
		for _, d := range docs {
			mentions += len(e.Extract(d.Fresh()))
		}
	}
	b.ReportMetric(float64(mentions)/float64(len(docs)), "mentions/article")
}
