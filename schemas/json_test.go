package schemas

import (
	"reflect"
	"testing"
	"time"
)

func TestRowJSONRoundTrip(t *testing.T) {
	rows := []Row{
		Dates.NewRow().Set("article_id", "0123456789abcdef").Set("mention_id", "x").Set("sentence_index", 3).
			Set("char_start", 10).Set("char_end", 22).Set("surface", "9 أغسطس 2024").
			Set("start_date", time.Date(2024, 8, 9, 0, 0, 0, 0, time.UTC)).Set("end_date", time.Date(2024, 8, 9, 0, 0, 0, 0, time.UTC)).
			Set("iso", "2024-08-09").Set("granularity", "day").Set("kind", "date").Set("resolved", true),
		Money.NewRow().Set("article_id", "0123456789abcdef").Set("amount", 10700000000.0).Set("currency", "USD"),
		Agreements.NewRow().Set("name", "إعلان خجند").Set("parties", []string{"KG", "TJ"}).Set("year", int64(2025)),
		Agreements.NewRow().Set("parties", []string{}),
	}
	for _, r := range rows {
		b, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := UnmarshalRow(r.Table, b)
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if !reflect.DeepEqual(back.Values, r.Values) {
			t.Errorf("round trip of %s:\n got %#v\nwant %#v", b, back.Values, r.Values)
		}
	}
	if _, err := UnmarshalRow(Money, []byte(`{"bogus": 1}`)); err == nil {
		t.Error("an unknown column was accepted")
	}
}
