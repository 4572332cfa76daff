// Command sample draws the corpus gold sample and rebuilds its input.
//
//	go run ./eval/sample select [--seed 6] [--corpora ../shared/corpora] > testdata/gold/corpus-sample.ids
//	go run ./eval/sample build [--corpora ../shared/corpora] [--ids testdata/gold/corpus-sample.ids] > sample.jsonl
//
// The draw is described in testdata/gold/corpus-sample.md.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/khabar-data/khabar/eval"
)

// quota is how many articles each stratum of each corpus gives.
var quota = map[string][3]int{ // agreement, money, any
	"ant":     {8, 8, 8},
	"snn":     {6, 5, 5},
	"jawhara": {4, 4, 4},
}

var (
	agreementRe = regexp.MustCompile(`اتفاق|معاهد|مذكرة تفاهم|مذكرات تفاهم|بروتوكول|ميثاق`)
	moneyRe     = regexp.MustCompile(`دولار|ريال|دينار|درهم|يورو|جنيه|ليرة`)
)

const minRunes, maxRunes = 300, 1200

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: sample select|build [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	seed := fs.Uint64("seed", 6, "random seed")
	corpora := fs.String("corpora", "../shared/corpora", "the corpora folder")
	ids := fs.String("ids", "testdata/gold/corpus-sample.ids", "sample list (build)")
	_ = fs.Parse(os.Args[2:])
	var err error
	switch os.Args[1] {
	case "select":
		err = selectSample(*corpora, *seed)
	case "build":
		var entries []eval.SampleEntry
		if entries, err = eval.LoadSample(*ids); err == nil {
			var inputs []eval.Input
			if inputs, err = eval.BuildSample(*corpora, entries); err == nil {
				err = eval.WriteInputs(os.Stdout, inputs)
			}
		}
	default:
		err = fmt.Errorf("unknown subcommand %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sample:", err)
		os.Exit(1)
	}
}

func selectSample(corpora string, seed uint64) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for ci, c := range eval.Corpora {
		var all, agree, money []string
		seen := map[string]bool{}
		err := eval.EachRecord(corpora, c, nil, func(rec map[string]any) bool {
			id, _ := rec["id"].(string)
			text, _ := rec[c.TextField].(string)
			text = strings.TrimSpace(text)
			n := utf8.RuneCountInString(text)
			if n < minRunes || n > maxRunes || seen[text] {
				return true
			}
			seen[text] = true
			all = append(all, id)
			if agreementRe.MatchString(text) {
				agree = append(agree, id)
			}
			if moneyRe.MatchString(text) {
				money = append(money, id)
			}
			return true
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%s: %d eligible, %d with agreement words, %d with currency words\n", c.Name, len(all), len(agree), len(money))
		rng := rand.New(rand.NewPCG(seed, uint64(ci)))
		chosen := map[string]bool{}
		q := quota[c.Name]
		for si, pool := range [][]string{agree, money, all} {
			stratum := []string{"agreement", "money", "any"}[si]
			perm := rng.Perm(len(pool))
			k := 0
			for _, i := range perm {
				if k == q[si] {
					break
				}
				if chosen[pool[i]] {
					continue
				}
				chosen[pool[i]] = true
				k++
				if err := enc.Encode(eval.SampleEntry{Corpus: c.Name, ID: pool[i], Stratum: stratum}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
