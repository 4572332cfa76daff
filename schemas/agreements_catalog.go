package schemas

// AgreementsCatalog has one row per agreement_key: every agreement the run
// saw, however the articles named it, built after extraction from the
// agreements table and the curated catalogue (lexicon/data/agreement_catalog.tsv).
var AgreementsCatalog = Register(agreementsCatalogTable(), 55, false)

// positiveCount is the rule for agreements.count.
var positiveCount = &Check{
	Rule: "positive_count",
	Doc:  "1 or more",
	OK:   func(v any) bool { n, _ := v.(int64); return n >= 1 },
}

func agreementsCatalogTable() *Table {
	return newTable("agreements_catalog", "one row per agreement: the same agreement across articles under one key",
		[]string{"agreement_key"},
		[]Column{
			{Name: "agreement_key", Kind: String, Doc: "identity of the agreement (agreements.agreement_key): CAT-… for a curated catalogue entry, else type:folded name", Check: nonEmpty},
			{Name: "canonical_name_ar", Kind: String, Doc: "the catalogue's Arabic name, else the most frequent name in the mentions (ties: the longest, then the first in Arabic order)", Check: nonEmpty},
			{Name: "canonical_name_en", Kind: String, Nullable: true, Doc: "English name from the curated catalogue; null when the agreement is not catalogued"},
			{Name: "type", Kind: String, Doc: "what kind of document it is (the catalogue's type, else the mentions' most frequent type)", Enum: AgreementTypes},
			{Name: "curated", Kind: Bool, Doc: "true when the key comes from the curated catalogue"},
			{Name: "mention_count", Kind: Int64, Doc: "number of rows of agreements with this key", Check: nonNegative},
			{Name: "article_count", Kind: Int64, Doc: "number of distinct articles that mention it", Check: nonNegative},
			{Name: "article_ids", Kind: StringList, Doc: "articles.article_id of the articles that mention it, sorted"},
			{Name: "names", Kind: StringList, Doc: "every distinct name the mentions use, sorted"},
			{Name: "actions", Kind: StringList, Doc: "every distinct action the mentions report (agreements.action), sorted"},
			{Name: "parties", Kind: StringList, Doc: "ISO 3166-1 alpha-2 codes: the union of the mentions' parties and the catalogue's, sorted", Check: countryList},
			{Name: "first_mention", Kind: Date, Nullable: true, Doc: "earliest published_date of an article that mentions it; null when no such article has a date"},
			{Name: "last_mention", Kind: Date, Nullable: true, Doc: "latest published_date of an article that mentions it"},
			{Name: "first_year", Kind: Int64, Nullable: true, Doc: "earliest event year the mentions give (agreements.year), or the catalogue's year", Check: plausibleYear},
		})
}
