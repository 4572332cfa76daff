// Command khabar turns raw Arabic news articles into a validated dataset of
// dates, amounts of money, country mentions and named agreements, written
// as Parquet, Excel and JSON Lines with a run manifest.
//
//	khabar [run] [--in DIR|FILE.jsonl] [--out DIR] [--format parquet,xlsx,jsonl] [--ref-date YYYY-MM-DD]
//	khabar extract [--ref-date YYYY-MM-DD] < article.txt
//	khabar validate DIR
//	khabar version
//
// Exit codes: 0 all inputs read and all rows valid; 1 some input failed or
// some row was rejected; 2 usage or fatal error.
package main

import (
	"fmt"
	"io"
	"os"
)

// Version is the tool version, written into every output file. Release
// builds set it with -ldflags "-X main.Version=…".
var Version = "0.1.0"

// Exit codes.
const (
	exitOK      = 0
	exitPartial = 1
	exitFatal   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "run"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "run":
		return cmdRun(args, stdout, stderr)
	case "extract":
		return cmdExtract(args, stdin, stdout, stderr)
	case "validate":
		return cmdValidate(args, stdout, stderr)
	case "gazetteer":
		return cmdGazetteer(args, stdout, stderr)
	case "report":
		return cmdReport(args, stdout, stderr)
	case "eval":
		return cmdEval(args, stdout, stderr)
	case "merge":
		return cmdMerge(args, stdout, stderr)
	case "version":
		fmt.Fprintf(stdout, "khabar %s (schema %s)\n", Version, schemaVersion())
		return exitOK
	case "help", "-h", "--help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "khabar: unknown command %q\n\n", cmd)
	usage(stderr)
	return exitFatal
}

func usage(w io.Writer) {
	fmt.Fprint(w, `khabar: raw Arabic news articles in, validated Parquet and Excel out.

Commands:
  khabar [run] [flags]          run the pipeline (default input: the embedded raw/ articles)
  khabar extract [flags]        read one article on stdin, print its mentions as JSON Lines
  khabar validate [--json] DIR  re-read an output folder and check every table against its schema
  khabar merge --out DIR PART…  combine the folders of a sharded run (run --shard I/N) into one dataset
  khabar gazetteer FORM...      show what a place name or adjective resolves to, and why
  khabar eval [--gold DIR]      score the extractors against gold annotations (P/R/F1, misses, false alarms)
  khabar version                print the tool and schema versions

Run "khabar COMMAND -h" for a command's flags.
Exit codes: 0 all inputs read and all rows valid; 1 some input failed or some row was
rejected; 2 usage or fatal error.
`)
}
