// Package extractors defines what an extractor is and lists the ones the
// pipeline runs. Each extractor lives in its own package, reads a
// textdoc.Document and fills the rows of one table; extractors do not see
// each other's output.
//
// Adding an extractor: write its package (one file is enough), declare its
// table in schemas, and add one line to Registry below.
package extractors

import (
	"github.com/khabar-data/khabar/extractors/agreements"
	"github.com/khabar-data/khabar/extractors/countries"
	"github.com/khabar-data/khabar/extractors/dates"
	"github.com/khabar-data/khabar/extractors/money"
	"github.com/khabar-data/khabar/extractors/percentages"
	"github.com/khabar-data/khabar/extractors/places"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Mention is one thing an extractor found: where it is (byte offsets into
// Document.Text) and the values of its table's own columns. The pipeline
// fills the columns every mention table shares (article_id, mention_id,
// sentence_index, char_start, char_end, surface) from the span.
type Mention = resources.Mention

// Extractor finds one kind of mention.
type Extractor interface {
	// Table is the table the extractor's rows go to.
	Table() *schemas.Table
	// Extract returns the mentions in d, in text order, without overlaps.
	Extract(d *textdoc.Document) []Mention
}

// Shadower is an extractor whose mentions hide some mentions of other
// tables that lie inside them: the years and centuries inside a document
// title belong to the title (رؤية آسيا الوسطى 2040، معاهدة … في القرن الحادي
// والعشرين), not to the dates table. Extractors still run independently;
// the pipeline applies Shadows once every extractor has run.
type Shadower interface {
	// Shadows reports whether own, one of the extractor's mentions, hides
	// inner, a mention of table that lies wholly inside it.
	Shadows(d *textdoc.Document, own Mention, table *schemas.Table, inner Mention) bool
}

// Resources are the shared, read-only data extractors are built from.
type Resources = resources.Resources

// Registry builds every extractor the pipeline runs, in output order.
func Registry(res *Resources) []Extractor {
	return []Extractor{
		dates.New(res),
		money.New(res),
		percentages.New(res),
		countries.New(res),
		places.New(res),
		agreements.New(res),
	}
}

// Derived is a table built after extraction from whole tables (From, in
// order), rather than article by article.
type Derived struct {
	Table *schemas.Table
	From  []*schemas.Table
	Build func(from [][]schemas.Row) []schemas.Row
}

// DerivedTables lists the derived tables, built in this order.
func DerivedTables(res *Resources) []Derived {
	catalog := agreements.NewCatalog(res.Lexicon.AgreementCatalog)
	return []Derived{
		{Table: schemas.AgreementsCatalog, From: []*schemas.Table{schemas.Articles, schemas.Agreements},
			Build: func(from [][]schemas.Row) []schemas.Row {
				return agreements.BuildCatalogWith(catalog, from[0], from[1])
			}},
	}
}
