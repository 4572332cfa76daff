package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/khabar-data/khabar/extractors"
	"github.com/khabar-data/khabar/output"
)

func cmdMerge(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "out", "output folder for the merged dataset")
	formats := fs.String("format", "parquet,xlsx,jsonl", "output formats, comma-separated: parquet, xlsx, jsonl")
	var rf resourceFlags
	rf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitFatal
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: khabar merge [--out DIR] [--format …] PART_DIR...")
		return exitFatal
	}
	fmts, err := output.ParseFormats(*formats)
	if err != nil {
		fmt.Fprintln(stderr, "khabar merge:", err)
		return exitFatal
	}
	res, err := rf.load()
	if err != nil {
		fmt.Fprintln(stderr, "khabar merge:", err)
		return exitFatal
	}
	m, err := output.Merge(*out, fs.Args(), fmts, Version, extractors.DerivedTables(res))
	if err != nil {
		fmt.Fprintln(stderr, "khabar merge:", err)
		return exitFatal
	}
	fmt.Fprintf(stderr, "khabar: merged %d parts: %d inputs (%d ok, %d skipped, %d failed) into %s/\n",
		fs.NArg(), m.Summary.Inputs, m.Summary.OK, m.Summary.Skipped, m.Summary.Failed, *out)
	return m.ExitCode
}
