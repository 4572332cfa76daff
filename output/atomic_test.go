package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStagingAbortKeepsPreviousOutput(t *testing.T) {
	out := t.TempDir()
	old := filepath.Join(out, "dates.parquet")
	if err := os.WriteFile(old, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.Create("dates.parquet")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half-written")
	f.Close()
	s.Abort()
	if b, _ := os.ReadFile(old); string(b) != "previous" {
		t.Errorf("aborted run changed the previous output: %q", b)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("staging left files behind: %v", entries)
	}

	s, _ = NewStaging(out)
	f, _ = s.Create("dates.parquet")
	f.WriteString("new")
	f.Close()
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(old); string(b) != "new" {
		t.Errorf("committed output is %q", b)
	}
}
