package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sub", "report.html")
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"seeds with gold", []string{"report", "--out", out, "--gold", "../../testdata/gold/seeds.jsonl"}, exitOK, []string{"Against the gold", `class="m k-country`, "s-miss", "طشقند"}},
		{"missing gold", []string{"report", "--out", out, "--gold", "nowhere.jsonl"}, exitFatal, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, nil, &stdout, &stderr); code != tt.code {
				t.Fatalf("exit %d, want %d (%s)", code, tt.code, stderr.String())
			}
			if tt.want == nil {
				return
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("report lacks %q", w)
				}
			}
		})
	}
}
