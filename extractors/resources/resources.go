// Package resources holds what every extractor package shares without
// depending on each other: the read-only data they are built from and the
// Mention type they return.
package resources

import (
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Resources are loaded once per run and shared by all extractors.
type Resources struct {
	Gazetteer *gazetteer.Gazetteer
	Lexicon   *lexicon.Lexicon
}

// Default returns the built-in gazetteer and lexicon.
func Default() *Resources {
	return &Resources{Gazetteer: gazetteer.Default(), Lexicon: lexicon.Default()}
}

// Mention is one thing an extractor found: its byte span in Document.Text
// and a row of its table with the extractor's own columns set.
type Mention struct {
	Span textdoc.Span
	Row  schemas.Row
}
