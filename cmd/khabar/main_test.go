package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-data/khabar/output"
	"github.com/khabar-data/khabar/schemas"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestRunValidateDeterministic runs the pipeline twice on the embedded
// articles, validates the output, and checks the two outputs are
// byte-identical (the manifest's run block, with times, aside).
func TestRunValidateDeterministic(t *testing.T) {
	dirs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	for _, d := range dirs {
		if code, _, errs := runCLI(t, "", "run", "--out", d, "--quiet"); code != exitOK {
			t.Fatalf("run exit %d: %s", code, errs)
		}
	}
	if code, out, errs := runCLI(t, "", "validate", dirs[0]); code != exitOK {
		t.Fatalf("validate exit %d:\n%s%s", code, out, errs)
	}
	names := []string{output.WorkbookFile}
	for _, tb := range schemas.All() {
		names = append(names, tb.Name+".parquet", tb.Name+".jsonl")
	}
	for _, n := range names {
		a, err := os.ReadFile(filepath.Join(dirs[0], n))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dirs[1], n))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs on the same input", n)
		}
	}
	var ma, mb map[string]any
	for i, m := range []*map[string]any{&ma, &mb} {
		b, err := os.ReadFile(filepath.Join(dirs[i], output.ManifestFile))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, m); err != nil {
			t.Fatal(err)
		}
		delete(*m, "run")
	}
	ja, _ := json.Marshal(ma)
	jb, _ := json.Marshal(mb)
	if !bytes.Equal(ja, jb) {
		t.Errorf("manifests differ beyond their run block")
	}
	if len(ma["inputs"].([]any)) != 5 {
		t.Errorf("manifest lists %d inputs, want 5", len(ma["inputs"].([]any)))
	}
}

// TestValidateCatchesTampering rewrites dates.parquet with a shifted
// offset and checks that validate reports it.
func TestValidateCatchesTampering(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if code, _, errs := runCLI(t, "", "run", "--out", dir, "--quiet", "--format", "parquet"); code != exitOK {
		t.Fatalf("run exit %d: %s", code, errs)
	}
	path := filepath.Join(dir, "dates.parquet")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	rows, _, err := output.ReadParquet(f, info.Size(), schemas.Dates)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	rows[0].Set("char_start", rows[0].Int("char_start")+1)
	var buf bytes.Buffer
	if err := output.WriteParquet(&buf, schemas.Dates, rows, Version); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "", "validate", dir)
	if code != exitPartial || !strings.Contains(out, "offsets_slice_surface") {
		t.Errorf("validate exit %d, output:\n%s", code, out)
	}
	// A file that is not Parquet at all.
	if err := os.WriteFile(filepath.Join(dir, "money.parquet"), []byte("not parquet"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCLI(t, "", "validate", dir); code != exitPartial || !strings.Contains(out, "money") {
		t.Errorf("validate on a broken file: exit %d\n%s", code, out)
	}
}

func TestExitCodes(t *testing.T) {
	in := t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "ok.txt"), []byte("زار الوفد طشقند في 9 أغسطس 2024."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "bad.txt"), []byte{0xff, 0xfe, 0xfd, 'a'}, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"some input failed", []string{"run", "--in", in, "--out", out, "--quiet"}, exitPartial},
		{"unknown flag", []string{"run", "--bogus"}, exitFatal},
		{"unknown format", []string{"run", "--format", "csv"}, exitFatal},
		{"bad ref date", []string{"run", "--ref-date", "16/11/2025"}, exitFatal},
		{"missing input", []string{"run", "--in", filepath.Join(in, "nope"), "--out", out}, exitFatal},
		{"unknown command", []string{"frobnicate"}, exitFatal},
		{"validate without a folder", []string{"validate"}, exitFatal},
		{"version", []string{"version"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, errs := runCLI(t, "", tt.args...); code != tt.want {
				t.Errorf("exit %d, want %d (%s)", code, tt.want, errs)
			}
		})
	}
	m, err := output.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if m.Summary.Failed != 1 || m.Summary.OK != 1 || m.ExitCode != exitPartial {
		t.Errorf("manifest summary %+v exit %d", m.Summary, m.ExitCode)
	}
}

func TestExtract(t *testing.T) {
	code, out, errs := runCLI(t, "وبلغت التجارة 10.7 مليار دولار في 9 أغسطس 2024 بين أوزبكستان وقرغيزستان.", "extract")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	tables := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		tables[m["table"].(string)]++
	}
	if tables["dates"] != 1 || tables["money"] != 1 || tables["countries"] != 2 {
		t.Errorf("extract found %v", tables)
	}
}

func TestGazetteerCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "gazetteer", "قرغيزستان", "آسيا الوسطى")
	if code != exitOK || !strings.Contains(out, "KG") || !strings.Contains(out, "not a country") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// TestREADMEDocumentsEveryColumn keeps the README's table reference true:
// every table and every column declared in schemas must appear in it.
func TestREADMEDocumentsEveryColumn(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, cmd := range []string{"go run ./cmd/khabar", "go test ./..."} {
		if !strings.Contains(readme, cmd) {
			t.Errorf("README lacks the command %q", cmd)
		}
	}
	for _, tb := range schemas.All() {
		section := "#### `" + tb.Name + "`"
		i := strings.Index(readme, section)
		if i < 0 {
			t.Errorf("README has no section %s", section)
			continue
		}
		body := readme[i+len(section):]
		if j := strings.Index(body, "\n#### "); j >= 0 {
			body = body[:j]
		}
		for _, c := range tb.Columns {
			if !strings.Contains(body, "`"+c.Name+"`") && !strings.Contains(readme[:i], "| `"+c.Name+"` |") {
				t.Errorf("README section %s does not document column %s", tb.Name, c.Name)
			}
		}
	}
}
