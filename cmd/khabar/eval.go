package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

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
	sample := fs.String("sample", "", "build the input from the corpora: a sample list such as testdata/gold/corpus-sample.ids")
	external := fs.String("external", "", "score against an external annotated set instead of --gold: wojood or newsfane")
	corpora := fs.String("corpora", "../shared/corpora", "the corpora folder (for --sample and --external)")
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
	var ext eval.External
	var gold []eval.Gold
	var err2 error
	switch {
	case *external != "":
		var ok bool
		if ext, ok = eval.ExternalByName(*external); !ok {
			fmt.Fprintf(stderr, "khabar eval: unknown external set %q (wojood, newsfane)\n", *external)
			return exitFatal
		}
		var inputs []eval.Input
		if inputs, gold, err2 = ext.ExternalDocs(*corpora, 25, 0); err2 == nil {
			*in, err2 = writeTempInputs(inputs)
		}
		*goldPath = *corpora + " (" + ext.Name + ")"
	default:
		gold, err2 = eval.LoadGold(*goldPath)
		if err2 == nil && *sample != "" {
			var entries []eval.SampleEntry
			var inputs []eval.Input
			if entries, err2 = eval.LoadSample(*sample); err2 == nil {
				if inputs, err2 = eval.BuildSample(*corpora, entries); err2 == nil {
					*in, err2 = writeTempInputs(inputs)
				}
			}
		}
	}
	if strings.HasPrefix(*in, os.TempDir()) && strings.HasSuffix(*in, ".khabar-eval.jsonl") {
		defer os.Remove(*in)
	}
	if err2 != nil {
		fmt.Fprintln(stderr, "khabar eval:", err2)
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
	rows := result.Rows
	if ext.Name != "" {
		rows = ext.FilterRows(rows)
	}
	scores, skipped := eval.Score(gold, eval.ArticlesOf(rows), rows)
	if ext.Name != "" {
		var kept []eval.KindScore
		for _, s := range scores {
			if ext.Scored(s.Kind) {
				kept = append(kept, s)
			}
		}
		scores = kept
	}
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

// writeTempInputs writes pipeline inputs to a temporary JSON Lines file.
func writeTempInputs(inputs []eval.Input) (string, error) {
	f, err := os.CreateTemp("", "*.khabar-eval.jsonl")
	if err != nil {
		return "", err
	}
	if err := eval.WriteInputs(f, inputs); err != nil {
		f.Close()
		return "", err
	}
	return f.Name(), f.Close()
}
