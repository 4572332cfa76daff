package schemas

import (
	"fmt"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// The output tables. Order matters: it is the order of the Excel sheets and
// of the tables in the manifest.
var (
	Articles   = articlesTable()
	Dates      = datesTable()
	Money      = moneyTable()
	Countries  = countriesTable()
	Agreements = agreementsTable()
	Rejects    = rejectsTable()
)

// extra holds tables declared in their own files (one file per table keeps
// additions from touching each other); see Register.
var extra []registered

type registered struct {
	table   *Table
	mention bool
	order   int
}

// Register adds a table declared outside this file. order places it among
// the others (the built-in tables are 10 articles, 20 dates, 30 money,
// 40 countries, 50 agreements, 1000 rejects); mention says whether its rows
// carry offsets into articles.text. Call it from a package-level var
// initialiser so that the table exists before any run.
func Register(t *Table, order int, mention bool) *Table {
	extra = append(extra, registered{t, mention, order})
	return t
}

func ordered() []registered {
	all := []registered{{Articles, false, 10}, {Dates, true, 20}, {Money, true, 30}, {Countries, true, 40}, {Agreements, true, 50}, {Rejects, false, 1000}}
	all = append(all, extra...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].order < all[j].order })
	return all
}

// All lists every table in output order.
func All() []*Table {
	var out []*Table
	for _, r := range ordered() {
		out = append(out, r.table)
	}
	return out
}

// Mentions lists the mention tables: those whose rows carry offsets into
// articles.text.
func Mentions() []*Table {
	var out []*Table
	for _, r := range ordered() {
		if r.mention {
			out = append(out, r.table)
		}
	}
	return out
}

// ByName returns the table with the given name, or nil.
func ByName(name string) *Table {
	for _, t := range All() {
		if t.Name == name {
			return t
		}
	}
	return nil
}

var articleIDCheck = &Check{
	Rule: "article_id_format",
	Doc:  "16 lower-case hex digits (the first 64 bits of the SHA-256 of the article text)",
	OK:   func(v any) bool { s, _ := v.(string); return isArticleID(s) },
}

// isArticleID reports whether s is 16 lower-case hex digits (what the
// pattern ^[0-9a-f]{16}$ says, checked on every row without a regexp).
func isArticleID(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

var nonNegative = &Check{
	Rule: "non_negative",
	Doc:  "zero or more",
	OK:   func(v any) bool { n, _ := v.(int64); return n >= 0 },
}

var nonEmpty = &Check{
	Rule: "non_empty",
	Doc:  "not the empty string",
	OK:   func(v any) bool { s, _ := v.(string); return s != "" },
}

// ISO3166Alpha2 is the rule for country codes: an ISO 3166-1 alpha-2 code
// of a country or territory (XK, Kosovo, accepted as the user-assigned code
// in common use).
var ISO3166Alpha2 = &Check{
	Rule: "iso3166_alpha2",
	Doc:  "an ISO 3166-1 alpha-2 country code",
	OK: func(v any) bool {
		s, _ := v.(string)
		return isCountryCode(s)
	},
}

func isCountryCode(s string) bool {
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	if s == "XK" {
		return true
	}
	r, err := language.ParseRegion(s)
	return err == nil && r.IsCountry() && r.String() == s
}

var iso3166Alpha3 = &Check{
	Rule: "iso3166_alpha3",
	Doc:  "an ISO 3166-1 alpha-3 country code",
	OK: func(v any) bool {
		s, _ := v.(string)
		if len(s) != 3 {
			return false
		}
		if s == "XKX" {
			return true
		}
		r, err := language.ParseRegion(s)
		return err == nil && r.IsCountry() && r.ISO3() == s
	},
}

var iso4217 = &Check{
	Rule: "iso4217",
	Doc:  "an ISO 4217 alphabetic currency code",
	OK: func(v any) bool {
		s, _ := v.(string)
		if len(s) != 3 {
			return false
		}
		u, err := currency.ParseISO(s)
		return err == nil && u.String() == s
	},
}

var positive = &Check{
	Rule: "positive_amount",
	Doc:  "greater than zero and finite",
	OK: func(v any) bool {
		f, _ := v.(float64)
		return f > 0 && f < 1e18
	},
}

var plausibleYear = &Check{
	Rule: "plausible_year",
	Doc:  "between 1000 and 2200",
	OK:   func(v any) bool { n, _ := v.(int64); return n >= 1000 && n <= 2200 },
}

var countryList = &Check{
	Rule: "iso3166_alpha2_list",
	Doc:  "every element an ISO 3166-1 alpha-2 code, sorted, without duplicates",
	OK: func(v any) bool {
		l, _ := v.([]string)
		for i, s := range l {
			if !isCountryCode(s) || (i > 0 && l[i-1] >= s) {
				return false
			}
		}
		return true
	},
}

// mentionColumns are the columns every mention table starts with.
func mentionColumns(what string) []Column {
	return []Column{
		{Name: "article_id", Kind: String, Doc: "the article this mention is in (articles.article_id)", Check: articleIDCheck},
		{Name: "mention_id", Kind: String, Doc: "stable id of the mention: article_id/kind/char_start-char_end", Check: nonEmpty},
		{Name: "sentence_index", Kind: Int64, Doc: "0-based index of the sentence of articles.text that holds the mention", Check: nonNegative},
		{Name: "char_start", Kind: Int64, Doc: "start of the mention in articles.text, in Unicode code points, 0-based, inclusive", Check: nonNegative},
		{Name: "char_end", Kind: Int64, Doc: "end of the mention in articles.text, in Unicode code points, exclusive: text[char_start:char_end] == surface", Check: nonNegative},
		{Name: "surface", Kind: String, Doc: "the " + what + " exactly as written in the article", Check: nonEmpty},
	}
}

// spanChecks are the row rules every mention table shares.
var spanChecks = []RowCheck{
	{
		Rule: "span_order",
		Doc:  "0 <= char_start < char_end",
		Err: func(r Row, _ *Context) error {
			s, e := r.Int("char_start"), r.Int("char_end")
			if s < 0 || e <= s {
				return fmt.Errorf("char_start %d, char_end %d", s, e)
			}
			return nil
		},
	},
	{
		Rule: "offsets_slice_surface",
		Doc:  "articles.text[char_start:char_end] == surface, in code points",
		Err: func(r Row, ctx *Context) error {
			if ctx == nil || ctx.ArticleText == nil {
				return nil
			}
			text, ok := ctx.ArticleText[r.String("article_id")]
			if !ok {
				return fmt.Errorf("no article %s", r.String("article_id"))
			}
			s, e := r.Int("char_start"), r.Int("char_end")
			if s < 0 || e > int64(len(text)) || s >= e {
				return fmt.Errorf("span %d-%d outside the article (%d code points)", s, e, len(text))
			}
			// compared without making the string: a check of every row
			if !runesAre(text[s:e], r.String("surface")) {
				return fmt.Errorf("text[%d:%d] is %q, surface is %q", s, e, string(text[s:e]), r.String("surface"))
			}
			return nil
		},
	},
	{
		Rule: "mention_id_format",
		Doc:  "mention_id is article_id/kind/char_start-char_end",
		Err: func(r Row, _ *Context) error {
			// built on the stack and compared without making a string
			var buf [64]byte
			want := appendMentionID(buf[:0], r.String("article_id"), r.Table.Name, r.Int("char_start"), r.Int("char_end"))
			if got := r.String("mention_id"); got != string(want) {
				return fmt.Errorf("mention_id %q, want %q", got, string(want))
			}
			return nil
		},
	},
}

// MentionID is the stable id of a mention: the same article, table and span
// always give the same id.
func MentionID(articleID, table string, start, end int64) string {
	// built in a buffer on the stack, one allocation for the result:
	// every mention row makes one (concatenating the formatted offsets
	// took up to three)
	var buf [64]byte
	return string(appendMentionID(buf[:0], articleID, table, start, end))
}

// appendMentionID appends the MentionID to dst.
func appendMentionID(dst []byte, articleID, table string, start, end int64) []byte {
	dst = append(dst, articleID...)
	dst = append(dst, '/')
	dst = append(dst, table...)
	dst = append(dst, '/')
	dst = strconv.AppendInt(dst, start, 10)
	dst = append(dst, '-')
	return strconv.AppendInt(dst, end, 10)
}

// runesAre reports whether string(rs) == s without making the string:
// each rune encoded as the conversion encodes it (an invalid one as
// U+FFFD) and compared with the next bytes of s.
func runesAre(rs []rune, s string) bool {
	var buf [utf8.UTFMax]byte
	for _, r := range rs {
		n := utf8.EncodeRune(buf[:], r)
		if len(s) < n || string(buf[:n]) != s[:n] {
			return false
		}
		s = s[n:]
	}
	return s == ""
}

func articlesTable() *Table {
	count := func(name, what string) Column {
		return Column{Name: name, Kind: Int64, Doc: "number of " + what, Check: nonNegative}
	}
	return newTable("articles", "one row per article read; text is what every mention's offsets index",
		[]string{"article_id"},
		[]Column{
			{Name: "article_id", Kind: String, Doc: "stable id: first 16 hex digits of the SHA-256 of the decoded input text", Check: articleIDCheck},
			{Name: "source_file", Kind: String, Doc: "input file, relative to --in (for JSON Lines input: the file name and line, file.jsonl:N)", Check: nonEmpty},
			{Name: "source_id", Kind: String, Doc: "the id field of a JSON Lines record, else the relative path without extension", Check: nonEmpty},
			{Name: "title", Kind: String, Nullable: true, Doc: "the headline, when the input carries one"},
			{Name: "source_name", Kind: String, Nullable: true, Doc: "the publisher named in a source line (المصدر: …) or the JSON Lines source field"},
			{Name: "published_date", Kind: Date, Nullable: true, Doc: "publication date from the date line or JSON Lines published field; null when unknown"},
			{Name: "reference_date", Kind: Date, Nullable: true, Doc: "the date relative expressions were resolved against: published_date, else --ref-date, else null"},
			{Name: "text", Kind: String, Doc: "the article text (title and body, boilerplate removed); all char_start/char_end index it", Check: nonEmpty},
			{Name: "removed_text", Kind: String, Nullable: true, Doc: "what cleaning removed (site boilerplate, date and source lines, 'read also' blocks), for audit"},
			count("char_count", "Unicode code points in text"),
			count("sentence_count", "sentences in text"),
			count("date_count", "rows in dates"),
			count("money_count", "rows in money"),
			count("country_count", "rows in countries"),
			count("agreement_count", "rows in agreements"),
		},
	)
}

func datesTable() *Table {
	cols := append(mentionColumns("date expression"),
		Column{Name: "start_date", Kind: Date, Nullable: true, Doc: "first day the expression covers (inclusive); null when unresolved"},
		Column{Name: "end_date", Kind: Date, Nullable: true, Doc: "last day the expression covers (inclusive): مارس 2025 → 2025-03-31; null when unresolved"},
		Column{Name: "iso", Kind: String, Nullable: true, Doc: "ISO 8601 form: 2024-08-09, 2025-03, 2017, or an interval 2026/2028; null when unresolved"},
		Column{Name: "granularity", Kind: String, Doc: "precision of the bounds", Enum: []string{"day", "month", "year"}},
		Column{Name: "kind", Kind: String, Doc: "date (one point), range (two ends), relative (resolved against reference_date)", Enum: []string{"date", "range", "relative"}},
		Column{Name: "resolved", Kind: Bool, Doc: "false when the expression is relative and the article has no reference date"},
	)
	return newTable("dates", "dates, date ranges and relative date expressions", []string{"mention_id"}, cols,
		append(spanChecks, RowCheck{
			Rule: "date_bounds",
			Doc:  "resolved rows have start_date <= end_date; unresolved rows have neither",
			Err: func(r Row, _ *Context) error {
				s, sok := r.Get("start_date").(time.Time)
				e, eok := r.Get("end_date").(time.Time)
				resolved, _ := r.Get("resolved").(bool)
				switch {
				case resolved && (!sok || !eok):
					return fmt.Errorf("resolved but a bound is null")
				case !resolved && (sok || eok):
					return fmt.Errorf("unresolved but has a bound")
				case resolved && e.Before(s):
					return fmt.Errorf("end_date %s before start_date %s", e.Format(time.DateOnly), s.Format(time.DateOnly))
				}
				return nil
			},
		})...)
}

// CurrencyResolvedBy are the allowed money.currency_resolved_by values.
var CurrencyResolvedBy = []string{"text", "context", "default", "ambiguous"}

// Qualifiers are the allowed money.qualifier values.
var Qualifiers = []string{"exact", "approx", "more_than", "less_than", "up_to", "at_least"}

func moneyTable() *Table {
	cols := append(mentionColumns("amount with its currency"),
		Column{Name: "amount", Kind: Float64, Doc: "the amount in units of the currency: 10.7 مليار دولار → 10700000000", Check: positive},
		Column{Name: "currency", Kind: String, Nullable: true, Check: iso4217,
			Doc: "ISO 4217 code; null when the currency word names several currencies and the article does not decide (currency_resolved_by = ambiguous)"},
		Column{Name: "currency_word", Kind: String, Doc: "the currency word or symbol as written (دولار، ريال سعودي، $): the generic name when the code is null"},
		Column{Name: "currency_resolved_by", Kind: String, Enum: CurrencyResolvedBy,
			Doc: "how the code was chosen: text (the words name one currency), context (the one country among the readings' that the article names), default (the reading news means, دولار → USD), ambiguous (undecided: currency is null)"},
		Column{Name: "qualifier", Kind: String, Doc: "how the text qualifies the amount (نحو → approx, أكثر من → more_than)", Enum: Qualifiers},
	)
	checks := append([]RowCheck{{
		Rule: "currency_resolution",
		Doc:  "currency is null exactly when currency_resolved_by is ambiguous",
		Err: func(r Row, _ *Context) error {
			_, hasCode := r.Get("currency").(string)
			if ambiguous := r.String("currency_resolved_by") == "ambiguous"; hasCode == ambiguous {
				return fmt.Errorf("currency %v with currency_resolved_by %q", r.Get("currency"), r.String("currency_resolved_by"))
			}
			return nil
		},
	}}, spanChecks...)
	return newTable("money", "monetary amounts", []string{"mention_id"}, cols, checks...)
}

// MatchKinds are the allowed countries.match_kind values.
var MatchKinds = []string{"name", "short", "official", "variant", "adjective", "capital", "city", "team"}

func countriesTable() *Table {
	cols := append(mentionColumns("country reference"),
		Column{Name: "iso2", Kind: String, Doc: "ISO 3166-1 alpha-2 code of the country referred to", Check: ISO3166Alpha2},
		Column{Name: "iso3", Kind: String, Doc: "ISO 3166-1 alpha-3 code", Check: iso3166Alpha3},
		Column{Name: "name_en", Kind: String, Doc: "English short name (CLDR)", Check: nonEmpty},
		Column{Name: "name_ar", Kind: String, Doc: "Arabic short name (CLDR)", Check: nonEmpty},
		Column{Name: "match_kind", Kind: String, Doc: "what the surface is: the country's name, a short or official name, a spelling variant, an adjective (الأوزبكي), its capital, a city, or the country's name standing for its national team in a sports report (team: فازت نيجيريا على النيجر 2 - 1)", Enum: MatchKinds},
		Column{Name: "confidence", Kind: Float64, Doc: "0–1: how sure the matcher is that this is a reference to the country",
			Check: &Check{Rule: "unit_interval", Doc: "between 0 and 1", OK: func(v any) bool { f, _ := v.(float64); return f > 0 && f <= 1 }}},
		Column{Name: "resolved_by", Kind: String, Nullable: true, Doc: "how the reading was chosen (see ResolvedBy in schemas/places.go)", Enum: ResolvedBy},
	)
	return newTable("countries", "references to countries, by name, adjective, capital or city", []string{"mention_id"}, cols, spanChecks...)
}

// AgreementTypes and AgreementActions are the allowed agreements.type and
// agreements.action values.
var (
	AgreementTypes = []string{"treaty", "agreement", "framework_agreement", "declaration", "joint_statement",
		"memorandum", "concept", "vision", "strategy", "roadmap", "action_plan", "programme", "charter",
		"protocol", "list", "partnership"}
	AgreementActions = []string{"signed", "adopted", "approved", "proposed", "joined", "ratified", "extended", "implemented", "mentioned"}
)

func agreementsTable() *Table {
	cols := append(mentionColumns("agreement or document name"),
		Column{Name: "name", Kind: String, Doc: "the agreement's name as written, without quotes or clitics", Check: nonEmpty},
		Column{Name: "type", Kind: String, Doc: "what kind of document it is", Enum: AgreementTypes},
		Column{Name: "action", Kind: String, Doc: "what the sentence says happened to it", Enum: AgreementActions},
		Column{Name: "parties", Kind: StringList, Doc: "ISO 3166-1 alpha-2 codes of the countries the sentence names as parties, sorted", Check: countryList},
		Column{Name: "year", Kind: Int64, Nullable: true, Doc: "the year the sentence gives for the event, if any", Check: plausibleYear},
		Column{Name: "agreement_key", Kind: String, Nullable: true, Doc: "identity of the agreement across articles (agreements_catalog.agreement_key): a curated catalogue id (CAT-…) or a key built from the type and the folded name (treaty:…); null for counted documents and for indefinite ones (وقعت الشركة اتفاقية مع…), which the article describes but does not name"},
		Column{Name: "count", Kind: Int64, Nullable: true, Doc: "how many documents a counted, unnamed mention stands for (وقّع البلدان 27 اتفاقية تعاون → 27); null for a named document", Check: positiveCount},
		Column{Name: "place", Kind: String, Nullable: true, Doc: "where the sentence says it was signed or adopted (a city or country as written, e.g. أستانا), if stated"},
	)
	return newTable("agreements", "named agreements, treaties, declarations and other documents", []string{"mention_id"}, cols, spanChecks...)
}

func rejectsTable() *Table {
	return newTable("rejects", "every row that failed validation, with the rule it broke; it is not in its own table",
		nil,
		[]Column{
			{Name: "table", Kind: String, Doc: "the table the row was meant for", Check: nonEmpty},
			{Name: "rule", Kind: String, Doc: "the rule it broke (a column rule such as iso4217, or a row rule such as offsets_slice_surface)", Check: nonEmpty},
			{Name: "detail", Kind: String, Doc: "what exactly was wrong"},
			{Name: "article_id", Kind: String, Nullable: true, Doc: "the article of the row, when it has one"},
			{Name: "row_json", Kind: String, Doc: "the rejected row as a JSON object", Check: nonEmpty},
		},
	)
}
