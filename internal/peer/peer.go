// Package peer reads the third-party test suites in ../shared/peer
// (Duckling's Arabic corpora and Microsoft Recognizers-Text's Arabic specs,
// described in /work/shared/peer/README.md) and keeps the score of a
// conformance run: passed, failed and skipped cases per suite and
// dimension, with a written reason for every skipped category.
package peer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// Dir returns the peer folder, or skips the test when it is absent.
func Dir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "peer")
	if env := os.Getenv("KHABAR_PEER_DIR"); env != "" {
		dir = env
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("peer suites not found at %s (set KHABAR_PEER_DIR): %v", dir, err)
	}
	return dir
}

// Case is one line of a peer file; fields not listed stay in Raw.
type Case struct {
	ID            string          `json:"id"`
	Spec          string          `json:"spec"`
	Locale        string          `json:"locale"`
	Polarity      string          `json:"polarity"`
	Input         string          `json:"input"`
	ReferenceTime string          `json:"reference_time"`
	Expected      json.RawMessage `json:"expected"`
	FullyChecked  bool            `json:"expected_fully_checked_upstream"`
	DotnetRuns    bool            `json:"dotnet_runs_upstream"`
}

// Load reads a JSON Lines file under dir.
func Load(t testing.TB, dir, rel string) []Case {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, rel))
	if err != nil {
		t.Fatalf("peer file: %v", err)
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var c Case
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Score counts outcomes per suite/dimension.
type Score struct {
	rows    map[string]*row
	reasons map[string]string // skip category → reason
	Failed  map[string][]string
}

type row struct {
	pass, fail int
	skip       map[string]int
}

// NewScore returns an empty score.
func NewScore() *Score {
	return &Score{rows: map[string]*row{}, reasons: map[string]string{}, Failed: map[string][]string{}}
}

func (s *Score) get(dim string) *row {
	r := s.rows[dim]
	if r == nil {
		r = &row{skip: map[string]int{}}
		s.rows[dim] = r
	}
	return r
}

// Pass records a passed case.
func (s *Score) Pass(dim string) { s.get(dim).pass++ }

// Fail records a failed case with what went wrong.
func (s *Score) Fail(dim, what string) {
	s.get(dim).fail++
	s.Failed[dim] = append(s.Failed[dim], what)
}

// Skip records a case of a category the project deliberately does
// differently; reason says why (the same for every case of the category).
func (s *Score) Skip(dim, category, reason string) {
	s.get(dim).skip[category]++
	s.reasons[category] = reason
}

// Rate is the pass rate of the applicable (not skipped) cases of dim.
func (s *Score) Rate(dim string) (rate float64, applicable int) {
	r := s.get(dim)
	n := r.pass + r.fail
	if n == 0 {
		return 1, 0
	}
	return float64(r.pass) / float64(n), n
}

// Report logs the table and the skip reasons; with KHABAR_PEER_VERBOSE=1
// it also lists every failed case.
func (s *Score) Report(t testing.TB) {
	t.Helper()
	dims := make([]string, 0, len(s.rows))
	for d := range s.rows {
		dims = append(dims, d)
	}
	sort.Strings(dims)
	var b strings.Builder
	fmt.Fprintf(&b, "\n| suite / dimension | cases | skipped | applicable | passed | pass rate |\n|---|---|---|---|---|---|\n")
	for _, d := range dims {
		r := s.rows[d]
		skipped := 0
		var cats []string
		for c, n := range r.skip {
			skipped += n
			cats = append(cats, fmt.Sprintf("%s %d", c, n))
		}
		sort.Strings(cats)
		rate, n := s.Rate(d)
		shown := "–" // nothing applicable: every case skipped, with its reason below
		if n > 0 {
			shown = fmt.Sprintf("%.1f%%", 100*rate)
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %s |\n", d, r.pass+r.fail+skipped, skipped, n, r.pass, shown)
		if len(cats) > 0 {
			fmt.Fprintf(&b, "|  skipped: %s | | | | | |\n", strings.Join(cats, ", "))
		}
	}
	var cats []string
	for c := range s.reasons {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	if len(cats) > 0 {
		b.WriteString("\nskip categories:\n")
		for _, c := range cats {
			fmt.Fprintf(&b, "- %s: %s\n", c, s.reasons[c])
		}
	}
	if os.Getenv("KHABAR_PEER_VERBOSE") != "" {
		for _, d := range dims {
			for _, f := range s.Failed[d] {
				fmt.Fprintf(&b, "FAIL %s: %s\n", d, f)
			}
		}
	}
	t.Log(b.String())
}

// Floor fails the test when dim's pass rate is below min.
func (s *Score) Floor(t testing.TB, dim string, min float64) {
	t.Helper()
	if rate, n := s.Rate(dim); rate < min {
		t.Errorf("%s: pass rate %.3f on %d applicable cases is below the floor %.3f", dim, rate, n, min)
	}
}
