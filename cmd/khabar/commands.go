package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/khabar-data/khabar/extractors"
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/output"
	"github.com/khabar-data/khabar/pipeline"
	"github.com/khabar-data/khabar/raw"
	"github.com/khabar-data/khabar/report"
	"github.com/khabar-data/khabar/schemas"
)

func schemaVersion() string { return schemas.Version }

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// resourceFlags are the flags that extend the built-in data.
type resourceFlags struct {
	gazetteer listFlag
	lexicons  string
}

func (r *resourceFlags) register(fs *flag.FlagSet) {
	fs.Var(&r.gazetteer, "gazetteer", "extra gazetteer forms (TSV with the columns of gazetteer/data/forms.tsv); repeatable")
	fs.StringVar(&r.lexicons, "lexicons", "", "folder of extra lexicon TSV files named like lexicon/data/*.tsv, added to the built-in ones")
}

// fingerprint identifies the reference data a run uses.
func (r *resourceFlags) fingerprint() (string, error) {
	g, err := gazetteer.Fingerprint(r.gazetteer...)
	if err != nil {
		return "", err
	}
	l, err := lexicon.Fingerprint(r.lexicons)
	return g[:16] + l[:16], err
}

func (r *resourceFlags) load() (*extractors.Resources, error) {
	res := &extractors.Resources{Gazetteer: gazetteer.Default(), Lexicon: lexicon.Default()}
	if len(r.gazetteer) > 0 {
		g, err := gazetteer.Load(r.gazetteer...)
		if err != nil {
			return nil, err
		}
		res.Gazetteer = g
	}
	if r.lexicons != "" {
		l, err := lexicon.Load(r.lexicons)
		if err != nil {
			return nil, err
		}
		res.Lexicon = l
	}
	return res, nil
}

func parseRefDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--ref-date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

func cmdRun(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "input: a folder of .txt articles (recursive), a .txt file or a .jsonl file; default: the embedded raw/ articles")
	out := fs.String("out", "out", "output folder")
	formats := fs.String("format", "parquet,xlsx,jsonl", "output formats, comma-separated: parquet, xlsx, jsonl")
	refDate := fs.String("ref-date", "", "resolve relative dates against this date (YYYY-MM-DD) when an article has no publication date")
	encoding := fs.String("encoding", "auto", "encoding of .txt inputs: "+strings.Join(pipeline.EncodingNames(), ", "))
	maxBytes := fs.Int64("max-bytes", pipeline.DefaultMaxBytes, "refuse inputs larger than this many bytes (0: no limit)")
	workers := fs.Int("workers", 0, "articles processed in parallel (0: one per CPU); the output does not depend on it")
	shard := fs.String("shard", "", "process only shard I of N (I/N, 0-based; I may be \"env\" to read JOB_COMPLETION_INDEX), for `khabar merge`")
	cacheDir := fs.String("cache", "", "keep per-article results in this folder; a later run reprocesses only changed articles")
	progress := fs.String("progress", "auto", "progress on stderr: auto (a bar on a terminal, log lines otherwise), bar, log, none")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (go tool pprof) of the run to this file")
	memLimit := fs.Int("memory-limit", 400, "soft memory limit in MiB for the Go runtime (the GC works harder near it; it never stops the run); 0 for none; GOMEMLIMIT, when set, wins")
	memProfile := fs.String("memprofile", "", "write a heap profile (go tool pprof) to this file when the run ends: what memory still holds")
	withReport := fs.Bool("report", false, "also write the review page OUT/report.html (needs the parquet format; meant for up to a few thousand articles)")
	var rf resourceFlags
	rf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitFatal
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "khabar run:", err)
			return exitFatal
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "khabar run:", err)
			return exitFatal
		}
		defer pprof.StopCPUProfile()
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set && *memLimit > 0 {
		// without a limit the heap grows to twice the live data before a
		// collection; the live data of a run is bounded (articles in flight,
		// row groups, the word cache), so a soft limit keeps the peak near it
		debug.SetMemoryLimit(int64(*memLimit) << 20)
	}
	if *memProfile != "" {
		defer func() {
			f, err := os.Create(*memProfile)
			if err != nil {
				fmt.Fprintln(stderr, "khabar run:", err)
				return
			}
			defer f.Close()
			if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
				fmt.Fprintln(stderr, "khabar run:", err)
			}
		}()
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "khabar run:", err)
		return exitFatal
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("unexpected argument %q (use --in)", fs.Arg(0)))
	}
	fmts, err := output.ParseFormats(*formats)
	if err != nil {
		return fail(err)
	}
	ref, err := parseRefDate(*refDate)
	if err != nil {
		return fail(err)
	}
	if *encoding != "auto" && *encoding != "utf-8" {
		if _, err := pipeline.Decode([]byte("x"), *encoding, 0); err != nil && strings.Contains(err.Error(), "unknown encoding") {
			return fail(err)
		}
	}
	shardI, shardN, err := parseShard(*shard)
	if err != nil {
		return fail(err)
	}
	res, err := rf.load()
	if err != nil {
		return fail(err)
	}
	cfg := pipeline.Config{In: *in, RefDate: ref, Encoding: *encoding, MaxBytes: *maxBytes, Resources: res,
		Workers: *workers, Shard: shardI, Shards: shardN}
	inputName := *in
	if *in == "" {
		cfg.InFS, cfg.In = raw.FS, "."
		inputName = "raw/ (embedded)"
	}
	if *cacheDir != "" {
		fp, err := rf.fingerprint()
		if err != nil {
			return fail(err)
		}
		if cfg.Cache, err = pipeline.NewCache(*cacheDir, Version+"/"+fp); err != nil {
			return fail(err)
		}
	}
	if !*quiet && *progress != "none" {
		total, _ := pipeline.CountInputs(cfg.InFS, cfg.In) // 0 when unknown: no ETA
		cfg.Progress = newProgress(*progress, stderr, total).update
	}
	started := time.Now()
	timings := pipeline.NewTimings()
	w, err := output.NewWriter(*out, fmts, Version, timings, extractors.DerivedTables(res))
	if err != nil {
		return fail(fmt.Errorf("output: %w", err))
	}
	sum, err := pipeline.StreamWith(cfg, timings, w.Article)
	if err != nil {
		w.Abort()
		return fail(err)
	}
	m := output.NewManifest(sum, w.Rows(), inputName, fmts, ref, Version, started)
	if shardN > 1 {
		m.Shard = fmt.Sprintf("%d/%d", shardI, shardN)
	}
	if err := w.Close(m); err != nil {
		return fail(fmt.Errorf("writing output: %w", err))
	}
	if *withReport {
		if err := writeReportFrom(*out); err != nil {
			return fail(fmt.Errorf("report: %w", err))
		}
	}
	for _, r := range sum.Inputs {
		if r.Status == pipeline.StatusFailed {
			fmt.Fprintf(stderr, "khabar: %s: failed: %s\n", r.SourceFile, r.Reason)
		}
	}
	if n := w.Rows()[schemas.Rejects.Name]; n > 0 {
		fmt.Fprintf(stderr, "khabar: %d rows failed validation; see %s/rejects.*\n", n, *out)
	}
	if !*quiet {
		fmt.Fprintf(stderr, "khabar: %d inputs: %d ok, %d skipped, %d failed\n", m.Summary.Inputs, m.Summary.OK, m.Summary.Skipped, m.Summary.Failed)
		for _, t := range m.Tables {
			fmt.Fprintf(stderr, "khabar:   %-18s %8d rows\n", t.Name, t.Rows)
		}
		fmt.Fprintf(stderr, "khabar: wrote %s to %s/ in %s\n", strings.Join(fmts, ", "), *out, time.Since(started).Round(time.Millisecond))
	}
	return m.ExitCode
}

// writeReportFrom builds out/report.html from the Parquet files of an
// output folder, atomically.
func writeReportFrom(dir string) error {
	rows := map[string][]schemas.Row{}
	for _, t := range schemas.All() {
		err := output.EachParquetRow(filepath.Join(dir, t.Name+".parquet"), t, func(r schemas.Row) error {
			rows[t.Name] = append(rows[t.Name], r)
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s (run with --format including parquet): %w", t.Name, err)
		}
	}
	tmp, err := os.CreateTemp(dir, ".report-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := report.WriteOptions(tmp, rows, nil, report.Options{Title: "khabar review"}); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, "report.html"))
}

// parseShard reads --shard I/N; I may be "env" for JOB_COMPLETION_INDEX
// (a Kubernetes Indexed Job).
func parseShard(s string) (int, int, error) {
	if s == "" {
		return 0, 0, nil
	}
	is, ns, ok := strings.Cut(s, "/")
	if is == "env" {
		is = os.Getenv("JOB_COMPLETION_INDEX")
	}
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("--shard %q: want I/N with 0 <= I < N", s)
	}
	return i, n, nil
}

func cmdExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	refDate := fs.String("ref-date", "", "resolve relative dates against this date (YYYY-MM-DD)")
	encoding := fs.String("encoding", "auto", "encoding of the input")
	var rf resourceFlags
	rf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitFatal
	}
	ref, err := parseRefDate(*refDate)
	if err != nil {
		fmt.Fprintln(stderr, "khabar extract:", err)
		return exitFatal
	}
	b, err := io.ReadAll(io.LimitReader(stdin, pipeline.DefaultMaxBytes+1))
	if err != nil {
		fmt.Fprintln(stderr, "khabar extract:", err)
		return exitFatal
	}
	text, err := pipeline.Decode(b, *encoding, pipeline.DefaultMaxBytes)
	if err != nil {
		fmt.Fprintln(stderr, "khabar extract: input:", err)
		return exitPartial
	}
	res, err := rf.load()
	if err != nil {
		fmt.Fprintln(stderr, "khabar extract:", err)
		return exitFatal
	}
	for _, r := range pipeline.ExtractText(text, ref, res) {
		js, err := output.RowJSON(r)
		if err != nil {
			fmt.Fprintln(stderr, "khabar extract:", err)
			return exitFatal
		}
		fmt.Fprintf(stdout, "{\"table\":%q,%s\n", r.Table.Name, js[1:])
	}
	return exitOK
}

func cmdValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if err := fs.Parse(args); err != nil {
		return exitFatal
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: khabar validate [--json] DIR")
		return exitFatal
	}
	checks, err := output.ValidateDir(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "khabar validate:", err)
		return exitFatal
	}
	problems := 0
	for _, c := range checks {
		problems += len(c.Problems)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"dir": fs.Arg(0), "valid": problems == 0, "tables": checks}); err != nil {
			fmt.Fprintln(stderr, "khabar validate:", err)
			return exitFatal
		}
	} else {
		for _, c := range checks {
			status := "ok"
			if len(c.Problems) > 0 {
				status = fmt.Sprintf("%d problems", len(c.Problems))
			}
			fmt.Fprintf(stdout, "%-18s %8d rows  %s\n", c.Table, c.Rows, status)
			for i, p := range c.Problems {
				if i == 20 {
					fmt.Fprintf(stdout, "  … and %d more\n", len(c.Problems)-20)
					break
				}
				fmt.Fprintf(stdout, "  %s: %s\n", p.Rule, p.Detail)
			}
		}
	}
	if problems > 0 {
		return exitPartial
	}
	return exitOK
}

func cmdGazetteer(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gazetteer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var rf resourceFlags
	rf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitFatal
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: khabar gazetteer [--gazetteer extra.tsv] FORM...")
		return exitFatal
	}
	res, err := rf.load()
	if err != nil {
		fmt.Fprintln(stderr, "khabar gazetteer:", err)
		return exitFatal
	}
	code := exitOK
	for _, form := range fs.Args() {
		entries := res.Gazetteer.Lookup(form)
		if len(entries) == 0 {
			fmt.Fprintf(stdout, "%s: not in the gazetteer\n", form)
			code = exitPartial
			continue
		}
		for _, e := range entries {
			flags := ""
			if len(e.Flags) > 0 {
				flags = " [" + strings.Join(e.Flags, ",") + "]"
			}
			switch {
			case e.Country != nil:
				fmt.Fprintf(stdout, "%s: %s %s (%s / %s) as %s, form %q from %s%s\n", form, e.Country.ISO2, e.Country.ISO3, e.Country.NameEN, e.Country.NameAR, e.Kind, e.Form, e.Source, flags)
			case e.Place != nil:
				fmt.Fprintf(stdout, "%s: not a country: %s %s %q (members %s), form %q from %s\n", form, e.Kind, e.Place.ID, e.Place.NameEN, strings.Join(e.Place.Members, " "), e.Form, e.Source)
			}
		}
	}
	return code
}
