package schemas

// Percentages are percentages written with % / ٪ or في المئة / بالمئة
// (extractors/percentages). They are never money and never years.
var Percentages = Register(percentagesTable(), 35, true)

func percentagesTable() *Table {
	cols := append(mentionColumns("percentage"),
		Column{Name: "value", Kind: Float64, Doc: "the percentage as written: 17% → 17, نصف في المئة → 0.5 (negative for a written minus sign)"},
		Column{Name: "qualifier", Kind: String, Doc: "how the text qualifies the figure (نحو → approx, أكثر من → more_than), as for money", Enum: Qualifiers},
	)
	return newTable("percentages", "percentages", []string{"mention_id"}, cols, spanChecks...)
}
