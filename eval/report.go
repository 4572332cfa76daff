package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/khabar-data/khabar/schemas"
)

// ArticlesOf collects the articles of a run's tables.
func ArticlesOf(rows map[string][]schemas.Row) []Article {
	var out []Article
	for _, a := range rows[schemas.Articles.Name] {
		out = append(out, Article{ID: a.String("article_id"), SourceID: a.String("source_id"), Text: []rune(a.String("text"))})
	}
	return out
}

// WriteText prints a score table and, per kind, up to maxErrors errors.
func WriteText(w io.Writer, scores []KindScore, maxErrors int) {
	fmt.Fprintf(w, "%-10s %5s %5s | %-17s | %-17s | %-17s\n", "kind", "gold", "found", "exact span P/R/F1", "overlap P/R/F1", "value P/R/F1")
	for _, s := range scores {
		value := prf(s.Value)
		if s.ValueNA {
			value = "n/a (spans only)"
		}
		fmt.Fprintf(w, "%-10s %5d %5d | %s | %s | %s\n", s.Kind, s.Gold, s.Found, prf(s.Exact), prf(s.Overlap), value)
	}
	for _, s := range scores {
		if len(s.Errors) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n== %s: %d errors\n", s.Kind, len(s.Errors))
		for i, e := range s.Errors {
			if maxErrors >= 0 && i >= maxErrors {
				fmt.Fprintf(w, "… %d more\n", len(s.Errors)-i)
				break
			}
			detail := ""
			if e.Detail != "" {
				detail = " (" + e.Detail + ")"
			}
			fmt.Fprintf(w, "%-11s %s [%d:%d] %q%s\n    %s\n", e.Type, e.SourceID, e.Start, e.End, e.Surface, detail, strings.ReplaceAll(e.Sentence, "\n", " "))
		}
	}
}

func prf(c Counts) string {
	return fmt.Sprintf("%.2f / %.2f / %.2f", c.Precision(), c.Recall(), c.F1())
}

// JSONScores adds the computed ratios to the scores for JSON output.
func JSONScores(scores []KindScore) []map[string]any {
	var out []map[string]any
	for _, s := range scores {
		m := map[string]any{"kind": s.Kind, "gold": s.Gold, "found": s.Found, "errors": s.Errors}
		for name, c := range map[string]Counts{"span_exact": s.Exact, "span_overlap": s.Overlap, "value": s.Value} {
			m[name] = map[string]any{"tp": c.TP, "fp": c.FP, "fn": c.FN, "precision": c.Precision(), "recall": c.Recall(), "f1": c.F1()}
		}
		out = append(out, m)
	}
	return out
}
