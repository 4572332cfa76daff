package arabic_test

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/khabar-data/khabar/internal/peer"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/textdoc"
)

// TestPeerDucklingNumeral runs Duckling's Arabic Numeral corpus (AR and
// AR_EG) through the one number parser: the whole input must be read as
// one number of the expected value.
func TestPeerDucklingNumeral(t *testing.T) {
	dir := peer.Dir(t)
	lex := lexicon.Default()
	score := peer.NewScore()
	for _, c := range peer.Load(t, dir, "duckling-ar/numeral.jsonl") {
		dim := "duckling/numeral/" + c.Locale
		var exp struct {
			Value float64 `json:"value"`
		}
		if err := json.Unmarshal(c.Expected, &exp); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(c.Input, "/") {
			score.Skip(dim, "slash_fraction", "digits around a slash (١١/١٠ = 1.1) are dates or ratios in news, never read as one number")
			continue
		}
		d := textdoc.New(c.Input, time.Time{})
		n, ok := lex.NumberAt(d.Tokens, 0)
		if ok && n.Next == len(d.Tokens) && math.Abs(n.Value-exp.Value) < 1e-9 {
			score.Pass(dim)
		} else {
			score.Fail(dim, fmt.Sprintf("%s %q: got %v (%v, %d of %d tokens)", c.ID, c.Input, n.Value, ok, n.Next, len(d.Tokens)))
		}
	}
	score.Report(t)
	score.Floor(t, "duckling/numeral/AR", 0.95)
	score.Floor(t, "duckling/numeral/AR_EG", 0.95)
}
