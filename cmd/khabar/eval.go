package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/khabar-data/khabar/eval"
	"github.com/khabar-data/khabar/pipeline"
	"github.com/khabar-data/khabar/raw"
)

func cmdEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	goldPath := fs.String("gold", "testdata/gold", "gold annotations: a .jsonl file or a folder of them")
	in := fs.String("in", "", "input the gold annotates (default: the embedded raw/ articles)")
	refDate := fs.String("ref-date", "", "reference date for articles without a publication date (YYYY-MM-DD)")
	format := fs.String("format", "text", "text or json")
	minF1 := fs.Float64("min-f1", 0, "exit 1 when any kind's overlap-span or value F1 is below this")
	maxErrors := fs.Int("errors", 30, "misses and false alarms to list per kind in text output (-1: all)")
	var rf resourceFlags
	rf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitFatal
	}
	ref, err := parseRefDate(*refDate)
	if err != nil {
		fmt.Fprintln(stderr, "khabar eval:", err)
		return exitFatal
	}
	gold, err := eval.LoadGold(*goldPath)
	if err != nil {
		fmt.Fprintln(stderr, "khabar eval:", err)
		return exitFatal
	}
	res, err := rf.load()
	if err != nil {
		fmt.Fprintln(stderr, "khabar eval:", err)
		return exitFatal
	}
	cfg := pipeline.Config{In: *in, RefDate: ref, MaxBytes: pipeline.DefaultMaxBytes, Resources: res}
	if *in == "" {
		cfg.InFS, cfg.In = raw.FS, "."
	}
	result, err := pipeline.Run(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "khabar eval:", err)
		return exitFatal
	}
	scores, skipped := eval.Score(gold, eval.ArticlesOf(result.Rows), result.Rows)
	below := false
	for _, s := range scores {
		if s.Gold > 0 && (s.Overlap.F1() < *minF1 || s.Value.F1() < *minF1) {
			below = true
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"gold": *goldPath, "skipped_gold": skipped, "kinds": eval.JSONScores(scores), "below_min_f1": below}); err != nil {
			return exitFatal
		}
	} else {
		eval.WriteText(stdout, scores, *maxErrors)
		if skipped > 0 {
			fmt.Fprintf(stdout, "\n%d gold mentions skipped: their article is not in the input\n", skipped)
		}
	}
	if below {
		fmt.Fprintf(stderr, "khabar eval: F1 below --min-f1 %.2f\n", *minF1)
		return exitPartial
	}
	return exitOK
}
