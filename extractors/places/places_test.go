package places

import (
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

func TestPlaces(t *testing.T) {
	type want struct{ surface, id, kind string }
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"a region, with a clitic", "وتدخل آسيا الوسطى مرحلة جديدة من التكامل", []want{{"آسيا الوسطى", "M49-143", "region"}}},
		{"a sea and an organisation", "مشروع لنقل الغاز عبر بحر قزوين بدعم من الاتحاد الأوروبي",
			[]want{{"بحر قزوين", "SEA-CASPIAN", "sea"}, {"الاتحاد الأوروبي", "CLDR-EU", "organisation"}}},
		{"the US state, not the country", "فاز المرشح الديمقراطي في ولاية جورجيا", []want{{"ولاية جورجيا", "REG-US-GEORGIA", "region"}}},
		{"countries and place adjectives are not places", "وقعت أوزبكستان وكازاخستان اتفاقية مع شركاء أوروبيين", nil},
	}
	e := New(resources.Default())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textdoc.New(tt.text, time.Time{})
			ms := e.Extract(d)
			if len(ms) != len(tt.want) {
				t.Fatalf("got %d mentions, want %d", len(ms), len(tt.want))
			}
			for i, m := range ms {
				w := tt.want[i]
				if got := tt.text[m.Span.Start:m.Span.End]; got != w.surface {
					t.Errorf("surface %q, want %q", got, w.surface)
				}
				if m.Row.String("place_id") != w.id || m.Row.String("kind") != w.kind {
					t.Errorf("%s %s, want %s %s", m.Row.String("place_id"), m.Row.String("kind"), w.id, w.kind)
				}
				m.Row.Set("article_id", "0123456789abcdef").Set("mention_id", "0123456789abcdef/places/0-1").Set("sentence_index", int64(0)).
					Set("char_start", int64(0)).Set("char_end", int64(1)).Set("surface", "x")
				for _, v := range schemas.Places.Validate(m.Row, nil) {
					if v.Rule != "offsets_slice_surface" {
						t.Errorf("row invalid: %s %s", v.Rule, v.Detail)
					}
				}
			}
		})
	}
}
