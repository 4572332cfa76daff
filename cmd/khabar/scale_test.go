package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/khabar-data/khabar/output"
	"github.com/khabar-data/khabar/raw"
	"github.com/khabar-data/khabar/schemas"
)

// scaleInput makes a folder with the seed articles, a duplicate, a nested
// article and unreadable files, so that every input status is exercised.
func scaleInput(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(raw.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(raw.FS, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := fs.ReadFile(raw.FS, "003_785bb73532806551.txt")
	files := map[string][]byte{
		"copy-of-003.txt":   seed,
		"nested/short.txt":  []byte("زار الرئيس الكازاخستاني طشقند في 9 أغسطس 2024 ووقّع مذكرة تفاهم بقيمة 2 مليار دولار."),
		"nested/broken.txt": {0xff, 0xfe, 0x00, 0x01},
		"empty.txt":         nil,
		"readme.md":         []byte("not an article"),
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// sameDataset checks two output folders hold byte-identical data files and
// manifests that differ only in their run block, shard and cache counts.
func sameDataset(t *testing.T, a, b string) {
	t.Helper()
	names := []string{output.WorkbookFile}
	for _, tb := range schemas.All() {
		names = append(names, tb.Name+".parquet", tb.Name+".jsonl")
	}
	for _, n := range names {
		x, err := os.ReadFile(filepath.Join(a, n))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, n))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between %s and %s", n, a, b)
		}
	}
	load := func(dir string) string {
		var m map[string]any
		raw, err := os.ReadFile(filepath.Join(dir, output.ManifestFile))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		delete(m, "run")
		delete(m, "shard")
		out, _ := json.MarshalIndent(m, "", " ")
		return string(out)
	}
	if ma, mb := load(a), load(b); ma != mb {
		t.Errorf("manifests differ:\n%s\n---\n%s", ma, mb)
	}
}

// TestShardMergeIdentity proves that N shards merged give the dataset a
// single run gives, whatever the number of workers.
func TestShardMergeIdentity(t *testing.T) {
	in := scaleInput(t)
	tmp := t.TempDir()
	single := filepath.Join(tmp, "single")
	if code, _, errs := runCLI(t, "", "run", "--in", in, "--out", single, "--quiet", "--workers", "1"); code != exitPartial {
		t.Fatalf("single run exit %d (want 1: some inputs fail): %s", code, errs)
	}
	const n = 3
	var parts []string
	for i := 0; i < n; i++ {
		part := filepath.Join(tmp, "part", string(rune('0'+i)))
		args := []string{"run", "--in", in, "--out", part, "--quiet", "--shard", string(rune('0'+i)) + "/3", "--workers", "2"}
		if code, _, errs := runCLI(t, "", args...); code > exitPartial {
			t.Fatalf("shard %d exit %d: %s", i, code, errs)
		}
		parts = append(parts, part)
	}
	merged := filepath.Join(tmp, "merged")
	if code, _, errs := runCLI(t, "", append([]string{"merge", "--out", merged}, parts...)...); code != exitPartial {
		t.Fatalf("merge exit %d: %s", code, errs)
	}
	sameDataset(t, single, merged)
	if code, out, _ := runCLI(t, "", "validate", merged); code != exitOK {
		t.Errorf("merged dataset does not validate:\n%s", out)
	}
}

// TestIncrementalRun checks that a cached run reprocesses only the changed
// article and writes what a full run writes.
func TestIncrementalRun(t *testing.T) {
	in := scaleInput(t)
	tmp := t.TempDir()
	cache := filepath.Join(tmp, "cache")
	first := filepath.Join(tmp, "first")
	runCLI(t, "", "run", "--in", in, "--out", first, "--quiet", "--cache", cache)
	if err := os.WriteFile(filepath.Join(in, "nested", "short.txt"), []byte("وقّعت قرغيزستان وأوزبكستان اتفاقية إطارية في 12 مارس 2025."), 0o644); err != nil {
		t.Fatal(err)
	}
	incremental := filepath.Join(tmp, "incremental")
	runCLI(t, "", "run", "--in", in, "--out", incremental, "--quiet", "--cache", cache)
	full := filepath.Join(tmp, "full")
	runCLI(t, "", "run", "--in", in, "--out", full, "--quiet")
	sameDataset(t, incremental, full)
	m, err := output.ReadManifest(incremental)
	if err != nil {
		t.Fatal(err)
	}
	// The 5 seeds, the copy and the two undecodable files are unchanged and
	// come from the cache; only the edited article is recomputed (files
	// skipped by name are never processed at all).
	if m.Run.CacheHits != 8 {
		t.Errorf("cache hits %d, want 8", m.Run.CacheHits)
	}
}
