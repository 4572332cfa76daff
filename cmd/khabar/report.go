package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/khabar-data/khabar/eval"
	"github.com/khabar-data/khabar/pipeline"
	"github.com/khabar-data/khabar/raw"
	"github.com/khabar-data/khabar/report"
)

// cmdReport runs the pipeline and writes the review page (report.html).
func cmdReport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "input: a folder of .txt files, a .txt or a .jsonl file (default: the embedded raw/ articles)")
	out := fs.String("out", "out/report.html", "the HTML file to write")
	goldPath := fs.String("gold", "", "gold annotations (a .jsonl file or a folder): mark misses and false alarms")
	refDate := fs.String("ref-date", "", "reference date for articles without a publication date (YYYY-MM-DD)")
	title := fs.String("title", "khabar review", "page title")
	var rf resourceFlags
	rf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitFatal
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "khabar report:", err)
		return exitFatal
	}
	ref, err := parseRefDate(*refDate)
	if err != nil {
		return fail(err)
	}
	var gold []eval.Gold
	if *goldPath != "" {
		if gold, err = eval.LoadGold(*goldPath); err != nil {
			return fail(err)
		}
	}
	res, err := rf.load()
	if err != nil {
		return fail(err)
	}
	cfg := pipeline.Config{In: *in, RefDate: ref, MaxBytes: pipeline.DefaultMaxBytes, Resources: res}
	if *in == "" {
		cfg.InFS, cfg.In = raw.FS, "."
	}
	result, err := pipeline.Run(cfg)
	if err != nil {
		return fail(err)
	}
	var buf bytes.Buffer
	if err := report.WriteOptions(&buf, result.Rows, gold, report.Options{Title: *title}); err != nil {
		return fail(err)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return fail(err)
	}
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d articles, %d bytes)\n", *out, len(result.Rows["articles"]), buf.Len())
	return exitOK
}
