package eval

import (
	"testing"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/pipeline"
	"github.com/khabar-data/khabar/raw"
	"github.com/khabar-data/khabar/schemas"
)

// floors are the least overlap-span and value F1 each kind must keep on
// the seed gold. They are set a little under the figures measured when the
// gold was made (README, "Measured quality"), so that a regression fails
// the build while small boundary changes do not.
var floors = map[string]struct{ overlap, value float64 }{
	"date":      {0.93, 0.93},
	"money":     {0.95, 0.95},
	"country":   {0.95, 0.95},
	"agreement": {0.85, 0.85},
}

func TestSeedGold(t *testing.T) {
	gold, err := LoadGold("../testdata/gold/seeds.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(pipeline.Config{InFS: raw.FS, In: ".", Resources: resources.Default()})
	if err != nil {
		t.Fatal(err)
	}
	scores, skipped := Score(gold, ArticlesOf(res.Rows), res.Rows)
	if skipped != 0 {
		t.Errorf("%d gold mentions could not be anchored in the article texts", skipped)
	}
	for _, s := range scores {
		f := floors[s.Kind]
		t.Logf("%-9s gold %3d found %3d  overlap P %.2f R %.2f F1 %.2f  value F1 %.2f", s.Kind, s.Gold, s.Found,
			s.Overlap.Precision(), s.Overlap.Recall(), s.Overlap.F1(), s.Value.F1())
		if s.Gold == 0 {
			t.Errorf("%s: no gold", s.Kind)
		}
		if s.Overlap.F1() < f.overlap || s.Value.F1() < f.value {
			t.Errorf("%s: overlap F1 %.3f, value F1 %.3f, below the floors %.2f / %.2f", s.Kind, s.Overlap.F1(), s.Value.F1(), f.overlap, f.value)
		}
	}
}

func TestScoreCounts(t *testing.T) {
	text := []rune("زار الوفد طشقند وبشكيك في 9 أغسطس 2024")
	arts := []Article{{ID: "a", SourceID: "s", Text: text}}
	gold := []Gold{
		{SourceID: "s", Kind: "country", CharStart: 10, CharEnd: 15, Surface: "طشقند", Value: map[string]any{"iso2": "UZ"}},
		{SourceID: "s", Kind: "country", CharStart: 17, CharEnd: 22, Surface: "بشكيك", Value: map[string]any{"iso2": "KG"}},
	}
	row := func(s, e int64, iso string) schemas.Row {
		return schemas.Countries.NewRow().Set("article_id", "a").Set("char_start", s).Set("char_end", e).
			Set("surface", string(text[s:e])).Set("iso2", iso)
	}
	rows := map[string][]schemas.Row{"countries": {
		row(10, 15, "UZ"), // exact, right value
		row(16, 22, "TJ"), // overlapping, wrong value
		row(0, 3, "SA"),   // false alarm
	}}
	scores, _ := Score(gold, arts, rows)
	c := scores[2]
	if c.Kind != "country" || c.Exact != (Counts{TP: 1, FP: 2, FN: 1}) || c.Overlap != (Counts{TP: 2, FP: 1, FN: 0}) || c.Value != (Counts{TP: 1, FP: 2, FN: 1}) {
		t.Errorf("got exact %+v overlap %+v value %+v", c.Exact, c.Overlap, c.Value)
	}
}
