package schemas

// ResolvedBy are the allowed countries.resolved_by values: how the
// countries extractor chose the country a surface refers to.
//   - unique: the form names one country and is not ambiguous;
//   - context: the form is ambiguous or also a common word (needs_context)
//     and the article names that country unambiguously elsewhere;
//   - diacritics: the text's vowel marks pick one reading (عُمان Oman,
//     عمّان Amman);
//   - city_cue: العاصمة / مدينة before the form picks the city reading
//     (العاصمة الأردنية عمان);
//   - city_same_as_country: the city and its country share the name
//     (الجزائر، تونس، الكويت): the same country either way;
//   - adjective_position: a form that is both a name and an adjective
//     (السعودية، السورية) right after a definite word is the adjective
//     (الحكومة السعودية), and so is such a form written with the article
//     when the name never takes it (اللاعب التشيلي فرناندو);
//   - team_cue: the word before makes the country its national team
//     (منتخب مصر، لاعبي إيطاليا): match_kind team;
//   - sports_context: the sentence is a sports report (a score, مباراة،
//     تصفيات…) and the country is a side, not the place of play: match_kind
//     team.
var ResolvedBy = []string{"unique", "context", "diacritics", "city_cue", "city_same_as_country", "adjective_position", "team_cue", "sports_context"}

// PlaceKinds are the allowed places.kind values (the kinds of
// gazetteer/data/places.tsv except adjective: أوروبي، عربي are not places).
var PlaceKinds = []string{"region", "organisation", "sea", "lake", "river", "valley", "historical", "city_district"}

// Places are mentions of regions, organisations, seas and other places
// that are not countries, recognised by the gazetteer (gazetteer/data/places.tsv).
var Places = Register(placesTable(), 45, true)

func placesTable() *Table {
	cols := append(mentionColumns("place"),
		Column{Name: "place_id", Kind: String, Doc: "gazetteer id: M49-nnn (UN M49 region), CLDR-xx (CLDR grouping such as EU, UN), or a project id (REG-, ORG-, SEA-, RIV-, HIST-…)", Check: nonEmpty},
		Column{Name: "kind", Kind: String, Doc: "what the place is", Enum: PlaceKinds},
		Column{Name: "name_en", Kind: String, Doc: "English name (CLDR for CLDR and M49 places)", Check: nonEmpty},
		Column{Name: "members", Kind: StringList, Doc: "ISO 3166-1 alpha-2 codes of the member or riparian countries, sorted; empty when not meaningful", Check: countryList},
	)
	return newTable("places", "regions, organisations, seas and other places that are not countries", []string{"mention_id"}, cols, spanChecks...)
}
