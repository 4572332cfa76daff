// Package agreements finds named agreements and documents — treaties,
// agreements, declarations, joint statements, memoranda, concepts, visions,
// strategies, roadmaps, action plans, programmes, lists — with their name,
// type, what the sentence says happened to them (signed, adopted, proposed…),
// the countries it names as parties, and the year it gives.
//
// A mention starts at a head noun from the lexicon (معاهدة، إعلان، مفهوم…).
// Its name is the quoted text when the head noun is quoted or a quote
// follows it (“إعلان خجند”، مفهوم التنمية “آسيا الوسطى – 2040”), else the
// words after the head noun up to a boundary: punctuation, a relative
// pronoun, a preposition that opens a new phrase, a date, or the next head
// noun; a clause that begins (a bare word after a definite nisba or a
// place: الاتفاق النووي | لم يكن; an imperfect verb; a time phrase) ends it
// too. A hashtag (#الاتفاق_النووي) is a name of its own. A quotation is a
// title only if it reads as one: not speech that ends in a full stop or
// opens with a verb or a preposition. Head nouns that are also
// everyday words (إعلان "announcement", رؤية "view") need a proper name
// after them: a quote, a place or a year. An indefinite document (وقعت
// الشركة اتفاقية مع…) counts only when something is done to it and it has
// a complement or parties, and it gets no agreement_key: it is described,
// not named. Parties are countries, capitals, or country adjectives on an
// official or an organ of the state (نظيرها السعودي), never a company's.
// In a sports report lists are squads and الاتفاق is a club: only quoted,
// dated, catalogued or signed documents are kept there.
package agreements

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/extractors/countries"
	"github.com/khabar-data/khabar/extractors/dates"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/gazetteer"
	"github.com/khabar-data/khabar/lexicon"
	"github.com/khabar-data/khabar/schemas"
	"github.com/khabar-data/khabar/textdoc"
)

// Extractor finds agreements.
type Extractor struct {
	lex       *lexicon.Lexicon
	gaz       *gazetteer.Gazetteer
	countries *countries.Extractor
	dates     *dates.Extractor
	catalog   *Catalog
}

// New builds the extractor. It uses the country matcher and the date
// scanner as libraries, to find parties and years inside its own sentences.
func New(res *resources.Resources) *Extractor {
	return &Extractor{lex: res.Lexicon, gaz: res.Gazetteer, countries: countries.New(res), dates: dates.New(res),
		catalog: NewCatalog(res.Lexicon.AgreementCatalog)}
}

// Table is schemas.Agreements.
func (*Extractor) Table() *schemas.Table { return schemas.Agreements }

// Found is one agreement mention.
type Found struct {
	textdoc.Span
	Name, Type, Action string
	Parties            []string
	Year               int    // 0 when the sentence gives none
	Count              int    // for a counted, unnamed mention (27 اتفاقية تعاون): how many; else 0
	Key                string // agreement_key; "" for a counted mention
	Place              string // where the sentence says it happened, as written; "" when not stated
}

// Extract returns the agreement mentions of d.
func (e *Extractor) Extract(d *textdoc.Document) []resources.Mention {
	var out []resources.Mention
	for _, f := range e.Find(d) {
		row := schemas.Agreements.NewRow().
			Set("name", f.Name).
			Set("type", f.Type).
			Set("action", f.Action).
			Set("parties", f.Parties)
		if f.Year != 0 {
			row.Set("year", int64(f.Year))
		}
		if f.Count != 0 {
			row.Set("count", int64(f.Count))
		}
		if f.Key != "" {
			row.Set("agreement_key", f.Key)
		}
		if f.Place != "" {
			row.Set("place", f.Place)
		}
		out = append(out, resources.Mention{Span: f.Span, Row: row})
	}
	return out
}

// Shadows hides the single dates inside an agreement's name: a year or a
// century in a title (رؤية آسيا الوسطى 2040) names the document, it is not
// when anything happened. A year range inside the name is the period the
// plan covers (خطة العمل … 2025–2027) and stays a date (gold guidelines §2),
// and so does a day or a month (اتفاق 16-08-2017: when it was concluded).
func (e *Extractor) Shadows(d *textdoc.Document, own resources.Mention, table *schemas.Table, inner resources.Mention) bool {
	if table != schemas.Dates {
		return false
	}
	yearRange := inner.Row.String("kind") == "range" &&
		strings.IndexFunc(d.Text[inner.Span.Start:inner.Span.End], unicode.IsDigit) >= 0
	// a date finer than a year that names a document (اتفاق 16-08-2017،
	// اتفاق أفريل 2015) is also when it was concluded: it stays a date
	finer := inner.Row.String("granularity") != "year"
	return !yearRange && !finer
}

// withoutWords returns the gazetteer matches that name a place or a
// country, leaving out the ordinary words the gazetteer consumes (كبيرا،
// بنوك): they must not end a name as a place would. The scan is shared, so
// a copy is made only when there is something to leave out.
func withoutWords(ms []gazetteer.Match) []gazetteer.Match {
	for i, m := range ms {
		if !m.IsWord() {
			continue
		}
		out := append([]gazetteer.Match(nil), ms[:i]...)
		for _, m := range ms[i+1:] {
			if !m.IsWord() {
				out = append(out, m)
			}
		}
		return out
	}
	return ms
}

// Find returns the agreements of d in text order.
func (e *Extractor) Find(d *textdoc.Document) []Found {
	a := analysis{e: e, d: d, toks: d.Tokens, prevSentence: -1}
	a.countries = e.countries.Find(d, 0, len(d.Tokens))
	a.dates = e.dates.Find(d)
	a.places = withoutWords(e.gaz.ScanDocument(d))
	var out []Found
	for s := range d.Sentences {
		from, to := d.SentenceTokens(s)
		a.sports = 0
		for i := from; i < to; {
			if f, ok := a.hashtag(i, from, to); ok {
				out = append(out, f)
				i++
				continue
			}
			f, next, ok := a.at(i, from, to)
			if !ok {
				i++
				continue
			}
			out = append(out, f)
			i = next
		}
	}
	return out
}

type analysis struct {
	// the sentence and action of the last agreement found, so that a
	// document coordinated with it can share its action
	prevSentence int
	prevAction   string
	prevParties  []string

	// whether the current sentence is a sports report: 0 not asked yet,
	// 1 no, 2 yes
	sports int

	e         *Extractor
	d         *textdoc.Document
	toks      []textdoc.Token
	countries []countries.Found
	dates     []dates.Found
	places    []gazetteer.Match
}

// hashtag reads a document named by a hashtag, one token with its words
// joined by underscores (#الاتفاق_النووي، #رؤية_المملكة_2030). The mention
// leaves out the #. Tagging a phrase names it, so any words after the head
// noun make a name, with the same exceptions as an unquoted name: an
// indefinite head with nothing but adjectives (#اتفاق_تجاري) describes a
// document, and programmes and lists merely mentioned are not documents
// (#برنامج_الصواريخ).
func (a *analysis) hashtag(i, from, to int) (Found, bool) {
	t := a.toks[i]
	if t.Kind != textdoc.Word || !strings.HasPrefix(t.Text, "#") || !strings.Contains(t.Text, "_") {
		return Found{}, false
	}
	segments := strings.Split(t.Text[len("#"):], "_")
	words := make([]textdoc.Token, len(segments))
	for k, s := range segments {
		words[k] = textdoc.NewWord(s)
	}
	head, ok := a.e.lex.AgreementTypes.Longest(words, 0, true)
	if !ok || head.Value.Name == "counted" || head.Start(words[0]) != 0 {
		return Found{}, false
	}
	rest := words[head.Tokens:]
	definite := hasArticle(words[0])
	if head.Value.Name != "self" {
		if len(rest) == 0 {
			return Found{}, false // #رؤية
		}
		qualifiers := true
		for _, w := range rest {
			qualifiers = qualifiers && isNisba(w.Key)
		}
		if !definite && qualifiers {
			return Found{}, false // #اتفاق_تجاري
		}
	}
	span := textdoc.Span{Start: t.Start + len("#"), End: t.End}
	name := cleanName(strings.ReplaceAll(a.d.Text[span.Start:span.End], "_", " "))
	action := a.action(i, i+1, from, to)
	year := false
	for _, w := range rest {
		year = year || isYear(w.Text)
	}
	if needsAction[head.Value.Type] && action == "mentioned" && !year {
		return Found{}, false
	}
	f := Found{
		Span:    span,
		Name:    name,
		Type:    head.Value.Type,
		Action:  action,
		Parties: a.parties(i, i+1, from, to),
		Year:    a.year(span, from, to),
	}
	if action != "mentioned" {
		f.Place = a.place(span, from, to)
	}
	// a hashtag names what it tags, so it always has an identity (an
	// unquoted indefinite name does not)
	f.Key = a.e.catalog.Key(f.Name, f.Type, head.Value.Name == "self", a.d.Text)
	a.prevSentence, a.prevAction, a.prevParties = from, action, f.Parties
	return f, true
}

// sportsReport reports whether the sentence [from, to) is a sports report
// (the country extractor's test), asked once per sentence.
func (a *analysis) sportsReport(from, to int) bool {
	if a.sports == 0 {
		a.sports = 1
		if a.e.countries.SportsSentence(a.toks, from, to) {
			a.sports = 2
		}
	}
	return a.sports == 2
}

func isOpenQuote(t textdoc.Token) bool {
	return t.Kind == textdoc.Punct && strings.Contains("“«\"„", t.Text)
}

func isCloseQuote(t textdoc.Token) bool {
	return t.Kind == textdoc.Punct && strings.Contains("”»\"", t.Text)
}

// closingQuote returns the index of the quote that closes the one at i, or -1.
func (a *analysis) closingQuote(i, to int) int {
	for j := i + 1; j < to && j < i+40; j++ {
		if isCloseQuote(a.toks[j]) {
			return j
		}
	}
	return -1
}

// closesQuote reports whether the straight quote at i closes a quote opened
// earlier in the sentence (an odd number of straight quotes before it):
// "أعلن … من الاتفاق النووي الإيراني" الذي وقع.
func (a *analysis) closesQuote(i, from int) bool {
	if a.toks[i].Text != "\"" {
		return isCloseQuote(a.toks[i]) && !isOpenQuote(a.toks[i])
	}
	n := 0
	for k := from; k < i; k++ {
		if a.toks[k].Text == "\"" {
			n++
		}
	}
	return n%2 == 1
}

// at tries to read an agreement whose head noun is at token i.
func (a *analysis) at(i, from, to int) (Found, int, bool) {
	head, ok := a.e.lex.AgreementTypes.Longest(a.toks, i, true)
	if !ok {
		return Found{}, 0, false
	}
	if a.anaphoric(i) || a.reached(i, from) {
		return Found{}, 0, false
	}
	if head.Value.Adjective && a.adjectival(i) {
		return Found{}, 0, false
	}
	start := head.Start(a.toks[i])
	if t := a.toks[i]; strings.HasPrefix(t.Text, "لل") && (start == t.Start || start >= t.Start+2*len("ل")) {
		// للاتفاق = ل + الاتفاق with the article's alif elided: only the
		// preposition is left out (لاتفاق النووي)
		start = t.Start + len("ل")
	}
	afterHead := i + head.Tokens
	// a number right before the head noun counts documents it does not
	// name: "وقّع البلدان 27 اتفاقية تعاون", "توقيع 3 مذكرات تفاهم"
	count := 0
	if i > from && a.toks[i-1].Kind == textdoc.Number {
		// a year before the head noun dates something else: عقب العام 2025 والبرنامج الصاروخي
		if n, err := strconv.Atoi(arabic.ASCIIDigits(a.toks[i-1].Text)); err == nil && n > 0 && n < 10000 && !isYear(a.toks[i-1].Text) {
			count, start = n, a.toks[i-1].Start
		}
	}
	if count == 0 && head.Value.Name == "counted" && i > from && a.toks[i-1].Kind == textdoc.Word {
		// a number in words before a plural: وقع البلدان ثلاث اتفاقيات تعاون
		// (not a definite one, an ordinal or a weekday: الدول السبعة، الاثنين)
		for back := 1; back <= 3 && i-back >= from; back++ {
			first := a.toks[i-back]
			if first.Kind != textdoc.Word || hasArticle(first) || a.weekdayAt(i-back) {
				break
			}
			if n, ok := a.e.lex.NumberAt(a.toks, i-back); ok && n.Next == i && !n.Digits && n.Value >= 2 && n.Value < 1000 && n.Value == float64(int(n.Value)) {
				count, start = int(n.Value), n.Start
				break
			}
		}
	}
	if head.Value.Name == "counted" && count == 0 {
		return Found{}, 0, false // a plural with no number is generic: الاتفاقيات
	}

	bareSigned := false // a bare head signed with parties named after it
	bare := false       // a bare indefinite head noun, with nothing after it
	var nameEnd int     // token index after the name
	var spanEnd int     // byte offset where the mention ends
	quoted := false

	openBefore := i > from && isOpenQuote(a.toks[i-1]) && !a.closesQuote(i-1, from)
	closeBefore := -1
	if openBefore {
		closeBefore = a.closingQuote(i-1, to)
		if e := a.nameEnd(i, afterHead, to); closeBefore-i > maxQuotedTitle && e < closeBefore && a.opensClause(e) {
			// “الاتفاق النووي وأية قضية أخرى … غير قابلة للتفاوض”: a long quote
			// in which a clause follows the name is quoted speech that
			// begins with the document, not its title (a preposition may
			// go on with a title: “مفهوم التعاون بين دول آسيا الوسطى …”)
			closeBefore = -1
		}
		if closeBefore > i && endsSentence(a.toks[closeBefore-1]) {
			closeBefore = -1 // “الاتفاق النووي جيد.”: a quoted sentence
		}
	}
	if afterHead < to && a.boundary(afterHead) == "private" {
		return Found{}, 0, false // اتفاق عدم الإفصاح: a private contract
	}
	if head.Value.Name == "proper" && closeBefore < 0 && afterHead < to && a.announcerAt(afterHead) {
		return Found{}, 0, false // إعلان وكالة “موديز”: a body announcing
	}
	if head.Value.Name == "proper" && closeBefore > afterHead && (a.bareObject(afterHead) || a.toks[afterHead].Key == "عن") && !a.properName(afterHead, closeBefore) &&
		a.action(i, closeBefore+1, from, to) == "mentioned" {
		// “إعلان موقفه”، “إعلان دعم في الظاهر…”، “إعلان عن موقفهم”: a quote that opens with the
		// verbal noun and its object quotes words, names no declaration
		// (وقّع … “إعلان سلام وصداقة” is signed: a title)
		return Found{}, 0, false
	}
	switch {
	case closeBefore > i && head.Tokens == 1 && head.Value.Name != "self" && definiteWord(a.toks[i]) &&
		afterHead < closeBefore && !a.opensDefiniteNameAt(afterHead, closeBefore) && !isYear(a.toks[afterHead].Text):
		// “الإعلان فورا وتفكيك…”: a definite head noun the quote does not go
		// on naming is quoted speech about it
		return Found{}, 0, false
	case closeBefore > i && head.Tokens == 1 && definiteWord(a.toks[i]) && a.quotedHeadline(i, afterHead, closeBefore) > 0:
		// “الاتفاق النووي بدون مثير المتاعب”: a headline that opens with
		// a complete name and says something of it; the name is its head
		// noun and adjectives, read as if unquoted
		nameEnd = a.quotedHeadline(i, afterHead, closeBefore)
		spanEnd = a.toks[nameEnd-1].End
	case closeBefore > i:
		// “إعلان خجند”: the whole quote is the name. (A quote that is
		// never closed in the sentence opens a citation, not a title: the
		// name is then read as if unquoted.)
		nameEnd, spanEnd, quoted = closeBefore, a.toks[closeBefore-1].End, true
	case head.Value.Name == "self" || head.Value.Name == "counted":
		nameEnd, spanEnd = afterHead, a.toks[afterHead-1].End
		if head.Value.Name == "self" && afterHead < to && strings.HasPrefix(a.toks[afterHead].Key, "لل") &&
			a.toks[afterHead].Start == a.toks[afterHead-1].End+1 && a.boundary(afterHead) == "" {
			// البيان الختامي للقمة: the meeting it closes belongs to the name
			nameEnd, spanEnd = afterHead+1, a.toks[afterHead].End
		}
		if count > 0 && head.Value.Name == "counted" {
			// مذكرات تفاهم / اتفاقيات تعاون: the complement noun stays
			if e := a.nameEnd(i, afterHead, to); e > afterHead && e <= afterHead+2 {
				nameEnd, spanEnd = e, a.toks[e-1].End
			} else if e > afterHead+2 && complementNoun(a.toks[afterHead]) {
				// ثلاث اتفاقيات تعاون للتصنيع…: the complement noun, not the rest
				nameEnd, spanEnd = afterHead+1, a.toks[afterHead].End
			}
		}
	default:
		// A quote within a few words: مفهوم التنمية “آسيا الوسطى – 2040”.
		// (The words before the quote must be able to belong to the name:
		// الاتفاق النووي بأنه “خطأ” quotes a judgement.)
		if q := a.quoteAfter(afterHead, to); q >= 0 && !a.closesQuote(q, from) && q <= a.nameEnd(i, afterHead, to) &&
			!(q > afterHead && a.closedName(q-1) && q+1 < to && a.toks[q+1].Kind == textdoc.Word && !a.placeAt(q+1) && !a.countryAt(q+1)) {
			// (after a name closed by a nisba or a place, a quote is what is
			// said of it, unless it names a place: الخطة البريطانية “تحد من
			// مخاطر بريكست”, but مفهوم التنمية “آسيا الوسطى – 2040”)
			if head.Value.Name == "proper" && (q > afterHead && a.bareObject(afterHead) || a.toks[afterHead].Key == "عن") {
				// إعلان هزيمة تنظيم "الدولة الإسلامية"، الإعلان عن ميلاد
				// "التحالف": announcing something, the quote names it
				return Found{}, 0, false
			}
			// a quoted epithet after a name is not its title: الاتفاق النووي
			// “المترنح”، الاتفاق “مهم”
			if c := a.closingQuote(q, to); c >= 0 && !endsSentence(a.toks[c-1]) && !(c == q+2 && a.toks[q+1].Kind == textdoc.Word && (q > afterHead && definiteWord(a.toks[q+1]) || a.onlyQualifiers(q+1, c))) {
				if head.Value.Name == "proper" && q == afterHead && c == q+2 && a.toks[q+1].Kind == textdoc.Word && !a.properName(q+1, c) &&
					a.action(i, c+1, from, to) == "mentioned" {
					// إعلان “توتال”، إعلان “توافق” بين البلدين: a one-word quote
					// that is not a place after an everyday head noun is who
					// announces or what is announced
					return Found{}, 0, false
				}
				nameEnd, spanEnd, quoted = c+1, a.toks[c].End, true
				break
			}
		}
		nameEnd = a.nameEnd(i, afterHead, to)
		if count > 0 && nameEnd > afterHead+1 {
			// 27 اتفاقية تعاون في مجالات…: a count keeps the head noun and
			// its complement, it names nothing
			nameEnd = afterHead + 1
		}
		if count > 0 && head.Tokens > 1 && nameEnd > afterHead && (strings.HasPrefix(a.toks[afterHead].Key, "ل") || strings.HasPrefix(a.toks[afterHead].Key, "ب")) {
			// 20 مذكرة تفاهم لتعزيز…: a head of two words has its
			// complement; what follows behind a preposition is its purpose
			// (33 مذكرة تفاهم واتفاقية counts both)
			nameEnd = afterHead
		}
		if nameEnd == afterHead && count == 0 {
			// a bare head noun names nothing, unless it is signed with
			// parties named right after it: وقعت الشركة اتفاقية مع شركة…،
			// وقعت الشركة مذكرة تفاهم مع صندوق…
			bareSigned = !hasArticle(a.toks[i]) && (a.signedWith(i, afterHead, from, to) ||
				afterHead < to && a.toks[afterHead].Key == "بين" && a.listAction(i, from) == "signed")
			bare = head.Tokens == 1 && !bareSigned
			if bare && a.definite(i) {
				return Found{}, 0, false
			}
		}
		definiteHead := head.Tokens == 1 && (hasArticle(a.toks[i]) || definiteWord(a.toks[i])) ||
			head.Tokens > 1 && head.Value.Name == "any" && !hasArticle(a.toks[i]) && hasArticle(a.toks[afterHead-1])
		if count == 0 && definiteHead && !a.opensDefiniteNameAt(afterHead, to) {
			// المعاهدة قريبًا، القائمة بما…، للاتفاق يعرفون، مذكرة التفاهم
			// الموقعة (a head made definite by its construct word): a
			// definite head noun not followed by a definite name word refers
			// back to a document, names none.
			return Found{}, 0, false
		}
		if count == 0 && definiteHead && afterHead < to && a.anyBoundary(afterHead) == "title" {
			// ووقع مذكرة التفاهم الرئيس التنفيذي لشركة…: a person's title
			// after a definite document is the subject of the clause
			return Found{}, 0, false
		}
		if count == 0 && (hasArticle(a.toks[i]) || definiteWord(a.toks[i])) && nameEnd > afterHead && a.onlyCommonAdjectives(afterHead, nameEnd) {
			// الاتفاق التاريخي، الاتفاق الفني: a definite document described,
			// not named (الاتفاق النووي is named by its nisba)
			return Found{}, 0, false
		}
		if nameEnd < to && a.toks[nameEnd].Key == arabic.Fold("على") && a.onlyParties(afterHead, nameEnd) {
			// اتفاق موسكو وواشنطن على عقد القمة: the two capitals agreeing
			// on something, not a document named after them
			return Found{}, 0, false
		}
		if head.Value.Name == "proper" && !a.properName(afterHead, min(nameEnd, afterHead+3)) &&
			!(a.hasYear(afterHead, nameEnd) && head.Value.Type != "declaration") {
			// a vision is named by its year (رؤية 2030); an إعلان followed by
			// a year is announcing something of that year (إعلان الميزانية
			// العامة للدولة 2018، إعلان عام 2018 عام زايد)
			return Found{}, 0, false
		}
		if head.Value.Name == "proper" && a.announcement(afterHead, nameEnd, to) {
			// إعلان موسكو أن القمة…، إعلان بيونغيانغ تعليق اختباراتها،
			// إعلان وكالة موديز: the verbal noun "announcing", not a declaration
			return Found{}, 0, false
		}
		spanEnd = a.toks[nameEnd-1].End
	}
	if notDocument := notDocumentKind[head.Value.Type]; notDocument != "" && !quoted {
		for k := afterHead; k < nameEnd; k++ {
			if a.anyBoundary(k) == notDocument {
				// برنامج إيران النووي: what a state does; قائمة انتخابية: a
				// list of candidates; neither is a document
				return Found{}, 0, false
			}
		}
	}
	span := textdoc.Span{Start: start, End: spanEnd}
	action := a.action(i, nameEnd, from, to)
	if action == "mentioned" {
		// -اتفاقية بين "أرامكو" وشركة…: an item of a list under a sentence
		// that signed (adopted…) the documents it lists
		if la := a.listAction(i, from); la != "" {
			action = la
		}
	}
	if action == "mentioned" && a.prevSentence == from && a.prevAction != "" && a.coordinated(i, start, from) {
		// "توقيع “معاهدة…” بين أوزبكستان وقيرغيزستان … إلى جانب “إعلان خجند”":
		// a document coordinated with an earlier one in the sentence shares
		// what happened to it, and who did it.
		action = a.prevAction
	}
	if count == 0 && quoted && head.Value.Name != "self" && action == "mentioned" && !a.definite(i) &&
		nameEnd == afterHead+1 && a.onlyQualifiers(afterHead, nameEnd) {
		// “اتفاق رهيب”: a quoted judgement, an indefinite noun and one
		// adjective, names nothing (“خطة تشيكرز” does)
		return Found{}, 0, false
	}
	if count == 0 && !quoted && head.Value.Name != "self" && action == "mentioned" && !a.definite(i) {
		// an indefinite head noun with nothing done to it is a common noun:
		// "استراتيجية حكيمة", "برنامج تدريبي".
		return Found{}, 0, false
	}
	parties := a.parties(i, nameEnd, from, to)
	if len(parties) == 0 && a.prevSentence == from && action != "mentioned" && action == a.prevAction && a.coordinated(i, start, from) {
		parties = a.prevParties
	}
	if bare && (action == "mentioned" || len(parties) == 0) {
		// a bare indefinite head noun names a document only when the
		// sentence reports an event on it and names its parties: ووقعت
		// اليونان ومقدونيا هذا الشهر اتفاقا على تغيير اسم…
		return Found{}, 0, false
	}
	if count == 0 && head.Value.Name != "self" && !a.definite(i) && a.onlyQualifiers(afterHead, nameEnd) &&
		(action == "mentioned" || len(parties) == 0) && !bareSigned {
		// an indefinite document with nothing but adjectives (اتفاق نهائي،
		// “اتفاق تجاري أوسع”، مذكرة تفاهم) is a mention only when the sentence
		// reports an event on it and names its parties (وقعت الجزائر والصين
		// مذكرة تفاهم)
		return Found{}, 0, false
	}
	if count == 0 && needsAction[head.Value.Type] && action == "mentioned" && !(a.hasYear(afterHead, nameEnd) && head.Value.Type != "list") &&
		!(quoted && head.Value.Type == "concept") {
		// lists, programmes and strategies are documents when something is
		// done to them (approved, proposed…); merely mentioned they are
		// squads, TV shows, weapons programmes, electoral lists.
		return Found{}, 0, false
	}
	if head.Value.Type == "list" && (action == "joined" || nameEnd > afterHead && personsPlural(a.toks[afterHead])) {
		// انضم إلى قائمة المنتخب، قائمة المصابين، قائمة المنددين: a list of
		// people, which one joins, is not a document
		return Found{}, 0, false
	}
	if (head.Value.Type == "list" || action == "mentioned" && !quoted && head.Value.Name != "self" && !(a.hasYear(afterHead, nameEnd) && !needsAction[head.Value.Type] && head.Value.Type != "action_plan")) &&
		a.sportsReport(from, to) && !a.e.catalog.Known(a.d.Text[span.Start:span.End]) {
		// in a sports report a list is a squad or a table (قائمة الفريق),
		// a plan or a programme is the team's, even with a tournament's year
		// (البرنامج الإعدادي … كأس العالم 2018), and الاتفاق is a club (الاتفاق
		// المواجهة, Al-Ettifaq); a quoted or dated title, a communiqué, a
		// catalogued agreement and a signing stay
		return Found{}, 0, false
	}
	f := Found{
		Span:    span,
		Name:    cleanName(a.d.Text[span.Start:span.End]),
		Type:    head.Value.Type,
		Action:  action,
		Parties: parties,
		Year:    a.year(span, from, to),
		Count:   count,
	}
	if action != "mentioned" {
		f.Place = a.place(span, from, to)
	}
	if count == 0 && (quoted || head.Value.Name == "self" || a.definite(i)) {
		// only a named document has an identity across articles; an
		// indefinite one (وقعت الشركة اتفاقية مع…، اتفاقا جديدا) is a new
		// agreement the article describes, and the same words in another
		// article are another agreement
		f.Key = a.e.catalog.Key(f.Name, f.Type, head.Value.Name == "self", a.d.Text)
	}
	next := nameEnd
	if quoted && next < to && isCloseQuote(a.toks[next]) {
		next++
	}
	a.prevSentence, a.prevAction, a.prevParties = from, action, parties
	return f, max(next, i+1), true
}

func hasArticle(t textdoc.Token) bool { return t.Stem != t.Key }

// opensDefiniteName reports whether a word can start the name after a
// definite head noun: a definite word (الصداقة), possibly behind a
// preposition (للأمن، بالمخاطر), or a noun in construct with a preposition
// (لتنمية).
func opensDefiniteName(t textdoc.Token) bool {
	if t.Kind != textdoc.Word {
		return false
	}
	k := t.Key
	// (not بال: الاتفاق | بالتعاون مع، دول الاتفاقية | بالاستمرار فيها is
	// the clause's prepositional phrase)
	for _, p := range []string{"ال", "لل", "وال", "كال"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	// لصديقته: a preposition on a possessed noun is not a name
	return strings.HasPrefix(k, "ل") && !hasTanween(t.Text) && len([]rune(k)) >= 4 && !pronounSuffixed(t.Text)
}

// opensDefiniteNameAt is opensDefiniteName for token k, and also a
// بشأن or حول phrase on a definite word (الاتفاق بشأن الفترة الانتقالية،
// الاتفاق حول النووي): the subject of the agreement names it.
func (a *analysis) opensDefiniteNameAt(k, to int) bool {
	if k >= to {
		return false
	}
	if key := a.toks[k].Key; (key == "بشان" || key == "حول") && k+1 < to {
		// a definite word, a hashtag (الاتفاق بشأن #بريكست) or a noun in
		// construct with one (الاتفاق بشأن ملف الهجرة)
		n := a.toks[k+1]
		return n.Kind == textdoc.Word && (strings.HasPrefix(n.Key, "ال") || strings.HasPrefix(n.Text, "#") || a.placeAt(k+1) || a.countryAt(k+1) ||
			k+2 < to && !hasTanween(n.Text) && strings.HasPrefix(a.toks[k+2].Key, "ال"))
	}
	if isYear(a.toks[k].Text) {
		return true // الرؤية 2030
	}
	return opensDefiniteName(a.toks[k])
}

// adjectival reports whether a head noun that is also an adjective is used
// as one: with the article (القضايا الاستراتيجية), or right after a noun
// it qualifies (رؤية استراتيجية). After a verb, a preposition or a
// punctuation mark it is a noun (اقترح استراتيجية نقل شاملة).
func (a *analysis) adjectival(i int) bool {
	if hasArticle(a.toks[i]) {
		return true
	}
	if i == 0 || a.toks[i-1].Kind != textdoc.Word {
		return false
	}
	if _, ok := a.e.lex.AgreementActions.Longest(a.toks, i-1, true); ok {
		return false
	}
	return !prepositions[a.toks[i-1].Key]
}

var horizonWords = foldSet("حتى", "بحلول", "وحتى", "لغاية", "غاية")

var relativePronouns = foldSet("التي", "الذي", "والتي", "والذي", "اللذين", "اللتين")

// lamParticles start with ل like a preposition (للمناخ، لأمريكا) but open
// a clause (لم يكن، لن، لكن).
var lamParticles = foldSet("لم", "لن", "لا", "لكن", "لكنه", "لكنها", "لذلك", "لدى", "لأن", "لأنه", "لأنها", "ليس", "ليست", "لقد")

var prepositions = foldSet("في", "من", "إلى", "على", "عن", "مع", "حول", "بشأن", "بخصوص", "عبر", "ضمن", "و")

// demonstratives after a name point at it; they are not part of it.
var demonstratives = foldSet("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين")

// timeWords say when, after a name: الاتفاق | الساعة 6.40، الخطة | اليوم.
var timeWords = foldSet("الساعة", "اليوم", "أمس", "غدا", "غداً", "الليلة", "صباح", "مساء", "صباحا", "مساءً", "مساء")

// weekdayAt reports whether a weekday name is at token k.
func (a *analysis) weekdayAt(k int) bool {
	_, ok := a.e.lex.Weekdays.Longest(a.toks, k, true)
	return ok
}

// chainBreakers end a construct chain without defining it: demonstratives
// and quantifiers (معاهدة سلام | هذا العام، اتفاق | كل خبراء التحكيم).
var chainBreakers = foldSet("هذا", "هذه", "ذلك", "تلك", "كل", "جميع", "بعض", "أي", "أية")

func hasTanween(s string) bool { return strings.ContainsAny(s, "\u064b\u064c\u064d") }

// anaphoric reports whether the head noun at i refers back to a document
// named earlier (هذه المعاهدة، تلك الاتفاقية) rather than naming one.
func (a *analysis) anaphoric(i int) bool {
	if i == 0 {
		return false
	}
	k := a.toks[i-1].Stem
	// أي / أية اتفاق: "any agreement" names none (لم يتم توقيع أي اتفاق نهائي)
	return k == "هذه" || k == "هذا" || k == "تلك" || k == "ذلك" || k == "اي" || k == "ايه"
}

// reached reports whether the head noun at i is the object of a verb of
// reaching (التوصل إلى اتفاق، للتوصل لاتفاق، الوصول إلى اتفاق): the idiom
// "reach agreement" names no document.
func (a *analysis) reached(i, from int) bool {
	p := i - 1
	if p >= from && isOpenQuote(a.toks[p]) {
		p-- // توصلا إلى "اتفاق مبدئي…"
	}
	if p >= from && (a.toks[p].Key == "الي" || a.toks[p].Key == "لي") {
		p--
	}
	return p >= from && a.boundary(p) == "reach"
}

func (a *analysis) definite(i int) bool {
	k := a.toks[i].Key
	for _, p := range []string{"ال", "وال", "بال", "فال", "لل", "كال"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	// a construct state (خطة عمل، مفهوم التنمية، اتفاق خفض التصعيد) is
	// definite through the last word of the chain; a proper noun (اتفاقية
	// جنيف، اتفاق إيران), a year (اتفاق 2015) or a date after the head
	// defines it too
	for k := i + 1; k < len(a.toks) && k <= i+4; k++ {
		t := a.toks[k]
		if _, dated := a.datedName(k); dated && k == i+1 {
			return true // اتفاق 16-08-2017، اتفاق أفريل 2015
		}
		if t.Kind == textdoc.Number {
			return k == i+1 && isYear(t.Text)
		}
		if a.countryAt(k) || a.placeAt(k) {
			return true
		}
		if t.Kind != textdoc.Word || hasTanween(t.Text) || prepositions[t.Key] || stopWords[t.Key] || chainBreakers[t.Key] {
			return false
		}
		if strings.HasPrefix(t.Key, "ال") {
			return true
		}
		// the chain goes on only through a bare noun: not a preposition
		// (اتفاق لحل الخلافات), a pronoun suffix (خطة حكومته), a verb or an
		// adjective (اتفاق هدنة طويل الأمد)
		if strings.HasPrefix(t.Key, "ل") || pronounSuffixed(t.Text) || a.boundary(k) != "" || isNisba(t.Key) {
			return false
		}
	}
	return false
}

// definiteWord reports whether a word carries the article, possibly behind
// a conjunction or a preposition (والتعاون، بالمخاطر، للأمن).
func definiteWord(t textdoc.Token) bool {
	if t.Kind != textdoc.Word {
		return false
	}
	for _, p := range []string{"ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال"} {
		if strings.HasPrefix(t.Key, p) {
			return true
		}
	}
	return false
}

// pronounSuffixed reports whether a word ends in a possessive pronoun
// (حكومته، بلدها، برامجهم), which makes it definite on its own.
func pronounSuffixed(s string) bool {
	s = strings.TrimRight(s, "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
	return strings.HasSuffix(s, "ه") || strings.HasSuffix(s, "ها") || strings.HasSuffix(s, "هم") || strings.HasSuffix(s, "هما")
}

// isNisba reports whether a folded word has the shape of a relational
// adjective (تجاري، نهائي، أمنية، نوويا): it ends in ي, يه or يا, and not
// in ايه (حماية، رعاية are nouns).
func isNisba(key string) bool {
	key = strings.TrimPrefix(key, "ال")
	if len([]rune(key)) < 4 || strings.HasSuffix(key, "ايه") {
		return false
	}
	return strings.HasSuffix(key, "ي") || strings.HasSuffix(key, "يه") || strings.HasSuffix(key, "يا")
}

// notDocumentKind gives, for a document type, the agreement_boundaries.tsv
// kind whose words in an unquoted name make it no document at all.
var notDocumentKind = map[string]string{"programme": "activity", "list": "electoral"}

// boundary returns the kind of agreement_boundaries.tsv phrase at token k
// (verb, particle, agent, phrase, adjective, reach, signatories, dual,
// private), or "". A judgement is an adjective here and a witness a verb.
// Announcers and titles are asked for apart (announcerAt): they end nothing
// but an إعلان; so are activities and electoral words, which end no name
// but make a programme or a list none (برنامج إيران النووي، قائمة انتخابية).
func (a *analysis) boundary(k int) string {
	switch b := a.anyBoundary(k); b {
	case "announcer", "title", "activity", "electoral":
		return ""
	case "judgement":
		return "adjective" // asked for apart only where a name is complete (nameEnd)
	case "witness":
		return "verb" // asked for apart when a signing has no subject (witnessBefore)
	default:
		return b
	}
}

// announcerAt reports whether a body or a person that announces (وكالة،
// الحكومة، الرئيس) is named at token k.
func (a *analysis) announcerAt(k int) bool {
	b := a.anyBoundary(k)
	return b == "announcer" || b == "title"
}

func (a *analysis) anyBoundary(k int) string {
	if k < 0 || k >= len(a.toks) {
		return ""
	}
	if m, ok := a.e.lex.AgreementBoundaries.Longest(a.toks, k, true); ok {
		return m.Value
	}
	// function words (أن، إن) have no clitic readings: match them as written
	if m, ok := a.e.lex.AgreementBoundaries.Longest(a.toks, k, false); ok {
		return m.Value
	}
	return ""
}

// announcement reports whether a proper head noun (إعلان) right before the
// words [j, end) is the verbal noun "announcing": followed by عن (الإعلان
// عن), by a clause particle (إعلان موسكو أن…), or by its proper name and
// then a bare object (إعلان بيونغيانغ تعليق اختباراتها),
// where a declaration's name goes on with a preposition, a definite word
// or a participle (إعلان طشقند بشأن…، إعلان خجند الصادر).
func (a *analysis) announcement(j, end, to int) bool {
	if end < to && a.boundary(end) == "particle" {
		return true
	}
	if j < to && a.toks[j].Key == "عن" {
		return true // الإعلان عن ميلاد التحالف: announcing something
	}
	for _, m := range a.places {
		if m.From != j || m.To >= to || m.To > end {
			continue
		}
		return a.bareObject(m.To)
	}
	return false
}

// bareObject reports whether the word at k, right after a proper head
// noun, reads as the object of the verbal noun (إعلان هزيمة، إعلان
// تعليق): an indefinite common noun, not an adjective, a place, a
// preposition, a verb (إعلان بيونغ يانغ يتعهدان فيه) or a word of the
// boundaries lexicon.
func (a *analysis) bareObject(k int) bool {
	t := a.toks[k]
	return t.Kind == textdoc.Word && !definiteWord(t) && !isNisba(t.Key) && !hasTanween(t.Text) &&
		!prepositions[t.Key] && !strings.HasPrefix(t.Key, "ل") && !strings.HasPrefix(t.Key, "ب") &&
		!strings.HasPrefix(t.Key, "و") && a.boundary(k) == "" && !a.countryAt(k) && !a.placeAt(k) && !a.imperfectVerb(k)
}

// onlyCommonAdjectives reports whether the words [j, end) are all common
// adjectives of agreement_boundaries.tsv (التاريخي، الجديد), which describe
// a document without naming it.
func (a *analysis) onlyCommonAdjectives(j, end int) bool {
	for k := j; k < end; k++ {
		if a.toks[k].Kind == textdoc.Word && (a.boundary(k) != "adjective" || namingAdjectives[a.toks[k].Key]) {
			return false
		}
	}
	return true
}

// namingAdjectives are common adjectives that name a definite document
// type on their own, like البيان المشترك: الاتفاق المشترك.
var namingAdjectives = foldSet("المشترك", "المشتركة")

// bullets open the items of a list.
var bullets = map[string]bool{"-": true, "–": true, "•": true, "*": true, "·": true}

// listAction returns what happened to the documents of a list when the head
// noun at i opens an item of it (a line that starts with a bullet, the head
// noun right after it): the action of the sentence that introduces the
// list (وقامت أرامكو … بتوقيع مذكرات مع شركات أميركية: ¶ -اتفاقية بين …),
// or "".
func (a *analysis) listAction(i, from int) string {
	if !a.bulletLine(from) || i != from+1 {
		return ""
	}
	for s, n := a.d.SentenceIndex(a.toks[from].Start)-1, 0; s >= 0 && n < 12; s, n = s-1, n+1 {
		hFrom, hTo := a.d.SentenceTokens(s)
		if hFrom >= hTo || a.bulletLine(hFrom) {
			continue // an earlier item of the same list
		}
		for k := hFrom; k < hTo; k++ {
			if m, ok := a.e.lex.AgreementActions.Longest(a.toks, k, true); ok {
				return m.Value
			}
		}
		return ""
	}
	return ""
}

// bulletLine reports whether token k is a bullet that starts its line.
func (a *analysis) bulletLine(k int) bool {
	t := a.toks[k]
	if t.Kind != textdoc.Punct || !bullets[t.Text] {
		return false
	}
	line := strings.LastIndexByte(a.d.Text[:t.Start], '\n') + 1
	return strings.TrimSpace(a.d.Text[line:t.Start]) == ""
}

// signedWith reports whether the bare head noun at i is the object of a
// signing verb and is followed by the parties it is signed with (مع، بين):
// وقعت الهيئة اتفاقية مع شركة بوينغ لتأسيس….
func (a *analysis) signedWith(i, afterHead, from, to int) bool {
	if afterHead >= to || (a.toks[afterHead].Key != "مع" && a.toks[afterHead].Key != "بين") {
		return false
	}
	return a.action(i, afterHead, from, to) == "signed"
}

// onlyQualifiers reports whether the name words [j, end) are all adjectives
// (or there are none): nisba adjectives (تجاري، نهائي) and the common ones of
// agreement_boundaries.tsv (جديد، أوسع).
func (a *analysis) onlyQualifiers(j, end int) bool {
	for k := j; k < end; k++ {
		t := a.toks[k]
		if t.Kind != textdoc.Word {
			continue
		}
		if !isNisba(t.Key) && a.boundary(k) != "adjective" {
			return false
		}
	}
	return true
}

// hasYear reports whether a year is part of the name [j, end): برنامج
// التحول الوطني 2023 is a titled plan even when merely mentioned.
func (a *analysis) hasYear(j, end int) bool {
	for k := j; k < end; k++ {
		if a.toks[k].Kind == textdoc.Number && isYear(a.toks[k].Text) {
			return true
		}
	}
	return false
}

// countryAt reports whether a country name starts at token k.
func (a *analysis) countryAt(k int) bool {
	for _, c := range a.countries {
		if a.d.TokenAt(c.Start) == k {
			return true
		}
	}
	return false
}

// placeAt reports whether a gazetteer place (a city, a capital, a region)
// starts at token k.
func (a *analysis) placeAt(k int) bool {
	_, ok := a.placeMatchAt(k)
	return ok
}

// quoteAfter returns the index of an opening quote within three words
// after the head noun, or -1.
func (a *analysis) quoteAfter(j, to int) int {
	for k := j; k < to && k < j+3; k++ {
		if isOpenQuote(a.toks[k]) {
			if k+1 < to && (a.toks[k+1].Kind == textdoc.Punct || prepositions[a.toks[k+1].Key] || stopWords[a.toks[k+1].Key] || lamParticles[a.toks[k+1].Key] ||
				a.boundary(k+1) == "verb" || a.boundary(k+1) == "particle" || a.prepositionalWord(k+1)) {
				// الاتفاق “على شروط مقبولة”، الاتفاق “لم يمت”، الاتفاق “لأسباب
				// سياسية داخلية”: a title does not
				// open with a preposition, a particle or a verb; the quote
				// cites what was agreed or said
				return -1
			}
			return k
		}
		if a.toks[k].Kind == textdoc.Punct || stopWords[arabic.Fold(a.toks[k].Text)] {
			return -1
		}
	}
	return -1
}

// prepositionalWord reports whether the word at k is an indefinite noun
// behind the preposition ل (لأسباب), not a definite word (للتعاون), a
// particle (لم) or a place (لمصر, لبنان). (ب is left out: a word that
// starts with it is as often a name: بريكسيت، برنامج.)
func (a *analysis) prepositionalWord(k int) bool {
	t := a.toks[k]
	return t.Kind == textdoc.Word && strings.HasPrefix(t.Key, "ل") &&
		utf8.RuneCountInString(t.Key) > 3 && !definiteWord(t) && !lamParticles[t.Key] && !a.countryAt(k) && !a.placeAt(k)
}

// newConjunct reports whether token k is a word joined with و that opens
// another noun phrase: not a country, a verb (وقعته، وأعلن), or a relative
// pronoun (والذي).
func (a *analysis) newConjunct(k int) bool {
	t := a.toks[k]
	if t.Kind != textdoc.Word || !strings.HasPrefix(t.Key, "و") || utf8.RuneCountInString(t.Key) <= 3 || a.countryAt(k) || stopWords[t.Key] {
		return false
	}
	if _, ok := a.e.lex.AgreementActions.Longest(a.toks, k, true); ok {
		return false
	}
	b := a.boundary(k)
	return b != "verb" && b != "particle"
}

// onlyParties reports whether the name words [j, end) are two or more
// countries or places and the conjunctions between them.
func (a *analysis) onlyParties(j, end int) bool {
	n := 0
	for k := j; k < end; {
		if m, ok := a.placeMatchAt(k); ok {
			n++
			k = m.To
			continue
		}
		return false
	}
	return n >= 2
}

// placeMatchAt returns the gazetteer name (not an adjective) that starts
// at token k.
func (a *analysis) placeMatchAt(k int) (gazetteer.Match, bool) {
	for _, m := range a.places {
		if m.From == k && len(m.Entries) > 0 && m.Entries[0].Kind != "adjective" {
			return m, true
		}
	}
	return gazetteer.Match{}, false
}

// opensClause reports whether an unquoted name ending before token k ends
// because a clause begins there (a verb, a relative pronoun, a particle,
// a conjunct): a word that is not a preposition.
func (a *analysis) opensClause(k int) bool {
	t := a.toks[k]
	return t.Kind == textdoc.Word && !prepositions[t.Key] && !titlePrepositions[t.Key]
}

// endsSentence reports whether a quotation's last token is a comma or a
// full stop, as quoted speech ends (الاتفاقية "تبحث بكافة الفرص…،"); a
// title never does.
func endsSentence(t textdoc.Token) bool {
	return t.Kind == textdoc.Punct && strings.Contains(".,،؛;!?؟", t.Text)
}

// titlePrepositions end an unquoted name (stopWords) but may go on inside a
// quoted title.
var titlePrepositions = foldSet("بين", "حتى", "منذ", "خلال", "لدى", "عقب", "بعد", "قبل", "وفق", "إضافة", "بالإضافة")

// maxQuotedTitle is the most words a quotation opening on a head noun
// holds before it must also read as a name to be a title (the longest
// quoted titles, “معاهدة الصداقة وحسن الجوار والتعاون من أجل تنمية آسيا
// الوسطى في القرن الحادي والعشرين”, do).
const maxQuotedTitle = 8

// personsPlural reports whether a word is a definite sound masculine
// plural (المصابين، المنددين، المترددين), the shape of a group of people;
// a list of demands or risks (المطالب، المخاطر) has a broken plural.
func personsPlural(t textdoc.Token) bool {
	return t.Kind == textdoc.Word && definiteWord(t) && strings.HasSuffix(t.Key, "ين") && utf8.RuneCountInString(t.Key) >= 6
}

// imperfectVerb reports whether the bare word at k has the shape of a verb
// in the imperfect (يتجاوز، يمكن، يهدف): ي and at least three more letters,
// no article, and not a month or a place (يونيو، يوليو، اليمن is definite).
// Few nouns begin with ي, and none of them go on a document's name.
func (a *analysis) imperfectVerb(k int) bool {
	t := a.toks[k]
	if t.Kind != textdoc.Word || !strings.HasPrefix(t.Key, "ي") || utf8.RuneCountInString(t.Key) < 4 {
		return false
	}
	if _, ok := a.e.lex.Months.Longest(a.toks, k, true); ok {
		return false
	}
	for _, m := range a.places {
		if m.From <= k && k < m.To {
			return false // بيونغ يانغ
		}
	}
	return !a.countryAt(k)
}

// stopWords end an unquoted name: relative pronouns, conjunctions that open
// a clause, and prepositions that introduce parties, places or times.
var stopWords = foldSet("التي", "الذي", "الذين", "اللذين", "والتي", "والذي", "وذلك", "عقب", "بعد", "خلال",
	"حيث", "كما", "وهو", "وهي", "مع", "على", "بين", "إلى", "حتى", "منذ", "ضمن", "عبر", "فضلا", "إضافة",
	"بالإضافة", "لدى", "قبل", "وفق", "يهدف", "تهدف", "الهادفة", "تم", "جرى",
	// participles that say what happened to the document, after its name
	"الموقع", "الموقعة", "المبرم", "المبرمة", "المعقود", "المعقودة", "التابعة", "التابع", "الخاص", "الخاصة",
	"المؤرخ", "المؤرخة", "المعروف", "المعروفة",
	"الحالي", "الحالية", "الجديد", "الجديدة", "المتعلق", "المتعلقة", "بحلول", "بالكامل",
	// the aforementioned document
	"الآنفة", "الآنف", "المذكورة", "المذكور", "السالفة", "السالف",
	// a fixture: الاتفاق أمام الفيصلي is the football club
	"أمام",
	// a duration or a distribution: برنامج تدريبي | لمدة 3 أسابيع، خارطة
	// الطريق | لكل نادٍ
	"لمدة", "لفترة", "طوال", "طيلة", "لكل", "بكل", "لجميع",
	// a clause: اتفاقية | ثم يقرآن بيانا، برنامج إصلاحات | بما يساعد
	"ثم", "بما", "مما",
	// a copula: اتفاقية بيئية | هي عبارة عن بروتوكول
	"هي", "هو",
	// into force: اتفاق وقف إطلاق النار | حيز التنفيذ
	"حيز")

// needsAction are the types that are documents only when something is
// done to them.
// A concept is one too (مفهوم حقوق الإنسان is the notion, not a document),
// unless its name is quoted.
var needsAction = map[string]bool{"list": true, "programme": true, "strategy": true, "concept": true}

func isYear(s string) bool {
	n, err := strconv.Atoi(arabic.ASCIIDigits(s))
	return err == nil && len(s) == 4 && n >= 1900 && n <= 2100
}

// place returns where the sentence says the event happened: a capital or
// city after في or ب, outside the name, or "".
func (a *analysis) place(name textdoc.Span, from, to int) string {
	sFrom, sTo := a.toks[from].Start, a.toks[to-1].End
	for _, m := range a.places {
		if m.Start < sFrom || m.End > sTo || (m.Start < name.End && m.End > name.Start) || len(m.Entries) == 0 {
			continue
		}
		e := m.Entries[0]
		if e.Country == nil || (e.Kind != "capital" && e.Kind != "city") {
			continue
		}
		t := a.toks[m.From]
		prev := ""
		if m.From > 0 {
			prev = a.toks[m.From-1].Key
		}
		if strings.HasPrefix(arabic.Fold(t.Text), "ب") || strings.HasPrefix(arabic.Fold(t.Text), "في") || prev == "في" || prev == "عاصمه" || prev == "العاصمه" || strings.HasPrefix(prev, "العاصمه") {
			return a.d.Text[m.Start:m.End]
		}
	}
	return ""
}

func foldSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Fold(w)] = true
	}
	return m
}

// nameEnd returns the token index where an unquoted name that starts at j
// (after the head noun at i) ends.
func (a *analysis) nameEnd(i, j, to int) int {
	const maxWords = 16
	headTanween := hasTanween(a.toks[j-1].Text)
	// an indefinite accusative written with its alif and no mark (اتفاقا)
	accusative := !headTanween && !definiteWord(a.toks[j-1]) && strings.HasSuffix(a.toks[j-1].Key, "ا")
	k := j
	for ; k < to && k < j+maxWords; k++ {
		t := a.toks[k]
		// after اتفاقا the name goes on only with adjectives in the same case
		// (اتفاقا اقتصاديا تاريخيا) and a complement with ل (اتفاقا لتطبيع
		// العلاقات): اتفاقا | كهذا، اتفاقا | في وقت سابق، اتفاقا | حصلت بمقتضاه
		if accusative && k == j+accusativeRun(a.toks[j:min(to, j+maxWords)]) && !strings.HasPrefix(t.Key, "ل") {
			break
		}
		// an accusative adverb or object (أيضًا، قريبًا، قدرًا) ends the name,
		// unless it agrees with an accusative head (مفهوماً جديداً)
		if hasTanween(t.Text) && !(headTanween && k == j) {
			break
		}
		if t.Kind == textdoc.Punct && t.Text != "-" && t.Text != "–" {
			break
		}
		if k == j && a.toks[j-1].Kind == textdoc.Word && !hasArticle(a.toks[j-1]) {
			if end, ok := a.datedName(k); ok {
				return end // اتفاق 16-08-2017، اتفاق 12 تشرين الأول/أكتوبر
			}
		}
		if t.Kind == textdoc.Number {
			// a year fused to the name (رؤية المملكة 2030، خطة العمل … 2025–2027,
			// اتفاق 2015) belongs to it and ends it
			if isYear(t.Text) && (k == j || a.toks[k-1].Kind == textdoc.Word && !prepositions[a.toks[k-1].Key]) {
				k++
				if k+1 < to && (a.toks[k].Text == "–" || a.toks[k].Text == "-") && isYear(a.toks[k+1].Text) {
					k += 2
				}
				return k
			}
			break
		}
		key := arabic.Fold(t.Text)
		if stopWords[key] {
			break
		}
		if k > j && a.imperfectVerb(k) {
			break // اتفاق أوسع | يتجاوز، اتفاق الانسحاب | يمكن
		}
		if m, ok := a.e.lex.AgreementActions.Longest(a.toks, k, true); ok && m.Start(t) == t.Start && finiteVerb(t) && !definiteWord(t) {
			break // اتفاق | أبرمته روسيا: a verb begins a clause (not لتوقيع، لتبني)
		}
		if strings.HasPrefix(key, "و") && len(key) > len("و") && !strings.ContainsFunc(key[len("و"):], func(r rune) bool { return !arabic.IsDigit(r) }) {
			break // 20 اتفاقية | و44 مشروعا
		}
		if b := a.boundary(k); b != "" && b != "adjective" {
			break // a verb, a clause particle or an agent phrase: الاتفاق النووي | كان…
		}
		// a name does not open with a conjunct (الاتفاق | والاتحاد الأوروبي),
		// and after a nisba adjective an indefinite conjunct starts another
		// phrase (الاتفاق النووي الإيراني | وطبيعة التعامل); a definite one
		// may go on with the name (للأمن الإقليمي والاستقرار)
		if conj := strings.HasPrefix(key, "و") && len([]rune(key)) > 3; conj &&
			(k == j && strings.HasPrefix(key, "وال") ||
				k > j && !definiteWord(t) && isNisba(a.toks[k-1].Key) && definiteWord(a.toks[k-1]) && !a.countryAt(k) && !a.placeAt(k)) {
			break
		}
		// after a definite nisba adjective or a proper place name, a
		// judgement (الاتفاق النووي | التاريخي) and ب + article (اتفاق إيران
		// النووي | بالمصالح الأمريكية) begin what is said of the document; a
		// descriptive adjective may still belong to it (برنامج الإصلاح
		// الاقتصادي الشامل، الاتفاقية التجارية المؤقتة)
		if k > j && a.closedName(k-1) && (a.anyBoundary(k) == "judgement" || strings.HasPrefix(key, "بال")) {
			break
		}
		// after a head noun and its own nisba adjectives a purpose or a
		// condition (الاتفاق النووي | من أجل رفع العقوبات، الاتفاق النووي |
		// بدون مثير المتاعب), and after any complete name في before a
		// definite word that is no place or century (اتفاق الصخيرات | في
		// المرحلة الانتقالية، اتفاق أوسلو | في الكنيست), say what is done
		// with the document, not which it is. (A purpose after a body's name
		// may be part of it: خطة الأمم المتحدة من أجل إنقاذ الأرواح; في
		// before an indefinite noun may give its subject: اتفاق الأمم المتحدة
		// في مكافحة الفساد.)
		if k > j && a.ownAdjectives(j-1, k) && (key == "من" && k+1 < to && arabic.Fold(a.toks[k+1].Text) == arabic.Fold("أجل") || key == "دون" || key == "بدون") {
			break
		}
		if k > j && a.closedName(k-1) && key == "في" && k+1 < to && definiteWord(a.toks[k+1]) && !a.placeFollows(k+1, to) && !a.isCenturyWord(k+1) {
			break
		}
		// the head noun and its own nisba adjectives are a whole name; a
		// conjunct after them is another phrase of the sentence (دعم الاتفاق
		// النووي | والحفاظ على علاقات اقتصادية)
		if k > j && strings.HasPrefix(key, "و") && len([]rune(key)) > 3 && a.ownAdjectives(j-1, k) && !a.countryAt(k) && !a.placeAt(k) {
			break
		}
		// after a definite nisba adjective or a proper place name, a bare
		// indefinite word opens the clause the name is part of (الاتفاق
		// النووي | لم يكن متسرعا، الاتفاق النووي الإيراني | يمكن، اتفاق
		// سنغافورة | فإن): a name only goes on there with a definite word,
		// a preposition (بشأن، للمناخ) or another place
		if t.Kind == textdoc.Word && (a.closedName(k-1) || k > j && a.definiteGenitive(k-1) && !strings.HasPrefix(key, "و") && !pronounPrepositions[key]) &&
			!definiteWord(t) && !prepositions[key] &&
			!(strings.HasPrefix(key, "ل") && !lamParticles[key]) && !a.countryAt(k) && !a.placeAt(k) {
			break
		}
		// a weekday, the hour or a demonstrative ends the name: الاتفاق |
		// الثلاثاء، الخطة لإنشاء منطقة الاستثمار | تلك
		if demonstratives[key] || timeWords[key] || a.weekdayAt(k) || (k > j || periodNouns[key]) && a.relativeDateAt(k, to) {
			break
		}
		// في before a month (في تشرين الثاني/نوفمبر) dates the event
		if key == "في" && k+1 < to {
			if _, ok := a.e.lex.Months.Longest(a.toks, k+1, true); ok {
				break
			}
		}
		// a definite name does not go on with an indefinite conjunct that is
		// not in construct with a definite word: الاتفاق النووي | وأية قضية
		if k > j && strings.HasPrefix(key, "و") && len([]rune(key)) > 2 && !definiteWord(t) &&
			(definiteWord(a.toks[k-1]) || a.placeAt(k-1) || a.countryAt(k-1)) &&
			(k+1 >= to || !definiteWord(a.toks[k+1])) &&
			!a.countryAt(k) && !a.placeAt(k) {
			break
		}
		// في followed by a date or a month ends the name; في before a place is part of it,
		// and so is a century (…من أجل تنمية آسيا الوسطى في القرن الحادي والعشرين)
		if key == "في" && a.dateAt(k+1) && !a.isCenturyWord(k+1) {
			break
		}
		if key == "في" && k+1 < to && a.isYearWord(k+1) {
			break
		}
		// a period introduced by للفترة / للأعوام / لعام
		if a.isPeriodWord(k) {
			break
		}
		// عام 1992 after the name dates it
		if k > j && a.isYearWord(k) && k+1 < to && a.toks[k+1].Kind == textdoc.Number {
			break
		}
		if k > j && !a.subjectOfName(k) {
			if _, ok := a.e.lex.AgreementTypes.Longest(a.toks, k, true); ok {
				break // "…ومفهوم التنمية", "التابعة للاتفاق": the next document
			}
		}
	}
	// do not end on a dangling preposition or conjunction
	for k > j {
		key := arabic.Fold(a.toks[k-1].Text)
		if key == "في" || key == "من" || key == "و" || key == "ل" || key == "ب" || key == "-" || key == "–" || key == "عن" || key == "حول" || key == "بشان" || key == "او" {
			k--
			continue
		}
		break
	}
	return k
}

// accusativeRun counts the words at the start of toks that agree with an
// accusative head written with its alif: words of more than three letters
// ending in ا, not a demonstrative with ك (كهذا).
func accusativeRun(toks []textdoc.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind != textdoc.Word || !strings.HasSuffix(t.Key, "ا") || utf8.RuneCountInString(t.Key) <= 3 || strings.HasPrefix(t.Key, "ك") {
			break
		}
		n++
	}
	return n
}

// complementNoun reports whether a word can be the noun in construct
// after a counted head (اتفاقيات تعاون): a bare word of three letters or
// more, not a preposition or a stop word (3 اتفاقيات | في).
func complementNoun(t textdoc.Token) bool {
	return t.Kind == textdoc.Word && !prepositions[t.Key] && !stopWords[t.Key] && !hasArticle(t) &&
		utf8.RuneCountInString(t.Key) >= 3
}

// closedName reports whether the word at k can end a definite name: a
// definite nisba adjective (النووي، الإيراني) or the end of a place
// (سنغافورة).
func (a *analysis) closedName(k int) bool {
	t := a.toks[k]
	if t.Kind != textdoc.Word {
		return false
	}
	if definiteWord(t) && isNisba(t.Key) {
		// … الرئيس الأمريكي | دونالد ترامب: a person's name may follow
		for back := 1; back <= 2 && k-back >= 0; back++ {
			if a.anyBoundary(k-back) == "title" {
				return false
			}
		}
		return true
	}
	return a.placeEndsAt(k)
}

// quotedHeadline returns where the name ends in a quote that opens with
// the definite head noun at i and its own nisba adjectives and goes on with
// what is said of it, or 0 when the quote is a title.
func (a *analysis) quotedHeadline(i, afterHead, closing int) int {
	e := a.nameEnd(i, afterHead, closing)
	// a definite word after the adjectives still belongs to a title
	// (“للاتفاقية الدولية الخاصة بالحقوق المدنية والسياسية”)
	if e > afterHead && e < closing && a.ownAdjectives(i, e) && !definiteWord(a.toks[e]) {
		return e
	}
	return 0
}

// subjectOfName reports whether the word at k is what a name is about,
// after حول / بشأن or after من of a purpose (الاتفاق حول البرنامج النووي
// الإيراني، اتفاقا تاريخيا للحد من برنامج إيران النووي): a document's head
// noun there does not begin another document.
func (a *analysis) subjectOfName(k int) bool {
	if k < 1 {
		return false
	}
	switch a.toks[k-1].Key {
	case "حول", "بشان":
		return true
	case "من":
		return k >= 2 && strings.HasPrefix(a.toks[k-2].Key, "لل")
	}
	return false
}

// placeFollows reports whether a country or a place begins at k, or right
// after a hashtag mark or a word for a state or a city (في دولة #الكويت).
func (a *analysis) placeFollows(k, to int) bool {
	for q := k; q < to && q < k+3; q++ {
		if a.countryAt(q) || a.placeAt(q) {
			return true
		}
		if t := a.toks[q]; t.Text != "#" && !placeNouns[t.Key] {
			return false
		}
	}
	return false
}

// placeNouns come before the name of a state or a city.
var placeNouns = foldSet("دولة", "مدينة", "العاصمة", "جمهورية", "مملكة", "إمارة", "ولاية")

// ownAdjectives reports whether the definite head noun at h is followed,
// up to end, only by definite nisba adjectives (الاتفاق النووي الإيراني).
func (a *analysis) ownAdjectives(h, end int) bool {
	if !definiteWord(a.toks[h]) || end <= h+1 {
		return false
	}
	for k := h + 1; k < end; k++ {
		if t := a.toks[k]; t.Kind != textdoc.Word || !definiteWord(t) || !isNisba(t.Key) {
			return false
		}
	}
	return true
}

// pronounPrepositions are prepositions with a pronoun, which a name may end
// with (تدابير الوقاية منها).
var pronounPrepositions = foldSet("منها", "منه", "منهم", "عليها", "عليه", "فيها", "فيه", "بها", "به", "عنها", "عنه", "إليها", "إليه")

// definiteGenitive reports whether the word at k, inside a name, is a
// definite noun that closes a construct (خطة الحكومة): a bare word after it
// is the clause's (أثارت خطة الحكومة | انتقادات), unless k is a title whose
// person's name follows (خطة الرئيس | ترامب) or begins a conjunct (و…).
func (a *analysis) definiteGenitive(k int) bool {
	t := a.toks[k]
	if t.Kind != textdoc.Word || !strings.HasPrefix(t.Key, "ال") || a.anyBoundary(k) == "title" {
		return false
	}
	for back := 1; back <= 2 && k-back >= 0; back++ {
		if a.anyBoundary(k-back) == "title" {
			return false
		}
	}
	return true
}

// placeEndsAt reports whether a gazetteer name (a place or a country, not
// an adjective: دولار أميركي | كوديعة goes on) ends with token k and no match goes on past it (لشمال | أمريكا is inside
// شمال أمريكا).
func (a *analysis) placeEndsAt(k int) bool {
	ends := false
	for _, m := range a.places {
		if len(m.Entries) == 0 || m.Entries[0].Kind == "adjective" {
			continue
		}
		if m.From <= k && m.To > k+1 {
			return false
		}
		ends = ends || m.To == k+1
	}
	return ends
}

func (a *analysis) isYearWord(k int) bool {
	for _, c := range a.toks[k].Candidates() {
		if c.Key == "عام" || c.Key == "سنه" || c.Key == "اعوام" {
			return true
		}
	}
	return false
}

func (a *analysis) isCenturyWord(k int) bool {
	if k >= len(a.toks) {
		return false
	}
	for _, c := range a.toks[k].Candidates() {
		if c.Key == "قرن" {
			return true
		}
	}
	return false
}

func (a *analysis) isPeriodWord(k int) bool {
	key := arabic.Fold(a.toks[k].Text)
	return key == "للفتره" || key == "للاعوام" || key == "لعام" || key == "للعام" || key == "لفتره" || key == "للسنوات"
}

// dateAt reports whether a date expression starts at token k.
func (a *analysis) dateAt(k int) bool {
	if k >= len(a.toks) {
		return false
	}
	for _, f := range a.dates {
		if f.Start <= a.toks[k].Start && a.toks[k].Start < f.End {
			return true
		}
	}
	return false
}

// negators are the words right before an action that say it did not
// happen: the verbal noun of not doing, and refusing.
var negators = foldSet("عدم", "رفض", "رفضت", "يرفض", "ترفض", "رفضوا", "يرفضون")

// periodNouns and a shift adjective of date_words.tsv (الماضي، المقبل)
// make a time phrase: العام الماضي.
var periodNouns = foldSet("الأسبوع", "الشهر", "العام", "السنة", "الأسابيع", "الأشهر", "الشهور", "الأعوام", "السنوات",
	"الصيف", "الشتاء", "الربيع", "الخريف")

// datedName returns the token index after a full date (day, month and
// year, written with digits) that starts at token k: a document named by
// its date (اتفاق 16-08-2017). A bare year is read by nameEnd itself.
func (a *analysis) datedName(k int) (int, bool) {
	for _, f := range a.dates {
		if f.Start != a.toks[k].Start || !f.Resolved || f.Kind == "range" {
			continue
		}
		text := a.d.Text[f.Start:f.End]
		last := a.d.TokenAt(f.End - 1)
		if !strings.ContainsFunc(text, unicode.IsDigit) || isYear(text) || last < k {
			return 0, false
		}
		return last + 1, true
	}
	return 0, false
}

// relativeDateAt reports whether a date written without digits starts at
// token k (الأسبوع الماضي، الشهر المقبل): after a name it says when, where
// a year (اتفاق العام 1974) or a century may name the document.
func (a *analysis) relativeDateAt(k, to int) bool {
	if periodNouns[a.toks[k].Key] && k+1 < to {
		if m, ok := a.e.lex.DateWords.Longest(a.toks, k+1, false); ok && m.Value.Kind == "shift" {
			return true // the dates table leaves out weeks: الأسبوع الماضي
		}
	}
	for _, f := range a.dates {
		if f.Start == a.toks[k].Start {
			return !strings.ContainsFunc(a.d.Text[f.Start:f.End], unicode.IsDigit) && !a.isCenturyWord(k)
		}
	}
	return false
}

// worldID is the gazetteer's id for the world (UN M49 001).
const worldID = "M49-001"

// properName reports whether the words [j, end) hold a proper name: a
// place or country, or a year.
func (a *analysis) properName(j, end int) bool {
	for _, m := range a.places {
		if m.From >= j && m.From < end && len(m.Entries) > 0 {
			e := m.Entries[0]
			if e.Place != nil && e.Place.ID == worldID {
				continue // رؤية العالم is seeing the world: it names no place
			}
			if e.Has(gazetteer.NeedsContext) && !a.countryAt(m.From) {
				continue // إعلان الخبر: Khobar, or "the news"
			}
			if e.Country == nil || e.Kind == "capital" || e.Kind == "city" {
				return true
			}
		}
	}
	for k := j; k < end; k++ {
		if a.toks[k].Kind == textdoc.Number {
			return true
		}
	}
	return false
}

// action finds the verb or verbal noun that governs the head noun at i:
// the nearest one before it in the sentence (within twenty tokens), else a
// relative clause right after the name (التي أقرتها).
func (a *analysis) action(i, nameEnd, from, to int) string {
	for k := i - 1; k >= from && k >= i-20 && !(k < i-1 && a.ungoverned(i, from)); k-- {
		if m, ok := a.e.lex.AgreementActions.Longest(a.toks, k, true); ok {
			if k > from && negators[a.toks[k-1].Key] {
				return "mentioned" // عدم إبرام اتفاق، رفضت تمديد الاتفاق: no event happened
			}
			if m.Value == "adopted" && k < i-2 && a.toks[i-1].Key == arabic.Fold("على") {
				return "mentioned" // اعتمد ساري مدرب نابولي على خطة 4-3-3: relying on it
			}
			return m.Value
		}
		if b := a.boundary(k); b == "verb" || b == "particle" || lamParticles[a.toks[k].Key] {
			break // another clause: … أبرمت اتفاقا …، لكن … من الاتفاق النووي
		}
	}
	// after the name, only a verb that refers back to it: a participle
	// (الموقع عام 2015), a relative clause (التي أقرتها, الذي وقع) or a
	// pronoun suffix (بعد اعتمادها)
	for k := nameEnd; k < to && k < nameEnd+2; k++ {
		if m, ok := a.e.lex.AgreementActions.Longest(a.toks, k, true); ok && strings.HasPrefix(a.toks[k].Key, "ال") {
			return m.Value
		}
	}
	if a.inForceAt(nameEnd, to) {
		return "implemented" // دخول اتفاق وقف إطلاق النار حيز التنفيذ
	}
	for k := nameEnd; k < to && k < nameEnd+15; k++ {
		m, ok := a.e.lex.AgreementActions.Longest(a.toks, k, true)
		if !ok {
			continue
		}
		if strings.HasSuffix(a.toks[k].Key, "ها") || k > 0 && relativePronouns[a.toks[k-1].Key] {
			return m.Value
		}
		if k == nameEnd && !a.definite(i) && finiteVerb(a.toks[k]) && m.Start(a.toks[k]) == a.toks[k].Start {
			// an indefinite document's relative clause has no الذي: اتفاق
			// أبرمته روسيا مع الفصائل، باتفاق أبرم بين روسيا وتركيا
			return m.Value
		}
	}
	return "mentioned"
}

// inForceAt reports whether "حيز التنفيذ" (into force) starts at token k.
func (a *analysis) inForceAt(k, to int) bool {
	return k+1 < to && a.toks[k].Key == arabic.Fold("حيز") && a.toks[k+1].Key == arabic.Fold("التنفيذ")
}

// parties returns the countries the sentence names as parties: those
// listed right after the name with بين or مع (بين أوزبكستان وقيرغيزستان
// وطاجيكستان), or between the verb and the head noun (انضمت طاجيكستان إلى).
func (a *analysis) parties(i, nameEnd, from, to int) []string {
	var out []string
	add := func(iso string) {
		if !slices.Contains(out, iso) {
			out = append(out, iso)
		}
	}
	// بين / مع after the name (allowing a closing quote, and a participle,
	// a year or a pronoun that say when and how it was signed: الموقع عام
	// 2015 مع إيران، الذي وقعته إيران مع الدول الست), but not past a verb
	// or another document (… ويرتكز على الاتفاق الموقع بين طهران والغرب)
	k := nameEnd
	if k < to && isCloseQuote(a.toks[k]) {
		k++
	}
	for s := k; s < to && s < k+6; s++ {
		if a.toks[s].Kind == textdoc.Punct {
			if s == k && isComma(a.toks[s]) && s+1 < to && signingParticiples[a.toks[s+1].Key] {
				continue // الاتفاق النووي، الموقع في عام 2015 مع طهران
			}
			break
		}
		if a.newConjunct(s) {
			break // another conjunct: الاتفاق النووي الإيراني | وطبيعة التعامل مع كوريا الشمالية
		}
		if key := arabic.Fold(a.toks[s].Text); key == "بين" || key == "مع" {
			for _, iso := range a.countryList(s+1, to) {
				add(iso)
			}
			if key == "بين" && s+1 < to && a.boundary(s+1) == "dual" {
				// بين البلدين: the two countries the sentence names before it
				// (وزير الدفاع الإيراني … ووقع مع نظيره السوري اتفاقا … بين البلدين)
				for _, iso := range a.twoCountries(from, s) {
					add(iso)
				}
			}
			break
		}
		if b := a.boundary(s); b == "verb" || b == "particle" {
			break
		}
		if _, ok := a.e.lex.AgreementTypes.Longest(a.toks, s, true); ok {
			break
		}
		// a signing verb after the name with its subject: الذي وقعته إيران،
		// حيث وقعت مصر و43 دولة إفريقية
		if m, ok := a.e.lex.AgreementActions.Longest(a.toks, s, true); ok && m.Value == "signed" && finiteVerb(a.toks[s]) {
			for _, iso := range a.countryList(s+1, to) {
				add(iso)
			}
		}
	}
	// the signatories listed next to the document: فرنسا وألمانيا وبريطانيا،
	// هذه الدول الموقعة للاتفاق؛ الاتفاق … من طرف الدول الأخرى الموقعة له
	// والمتمثلة في فرنسا وألمانيا وبريطانيا
	for p := max(from, i-4); p < min(to, nameEnd+6); p++ {
		if a.boundary(p) != "signatories" {
			continue
		}
		m, _ := a.e.lex.AgreementBoundaries.Longest(a.toks, p, true)
		if p < i {
			for _, iso := range a.countryListBefore(p, from) {
				add(iso)
			}
		} else {
			for q := p + m.Tokens; q < to && q < p+m.Tokens+6 && a.toks[q].Kind != textdoc.Punct; q++ {
				if a.countryAt(q) {
					for _, iso := range a.countryList(q, to) {
						add(iso)
					}
					break
				}
			}
		}
		break
	}
	// joined: the country between the verb and the head noun
	verbAt := i - 1
	for ; verbAt >= from && verbAt >= i-6; verbAt-- {
		if _, ok := a.e.lex.AgreementActions.Longest(a.toks, verbAt, true); ok {
			break
		}
	}
	if verbAt < from || verbAt < i-6 {
		// a long subject of a signing verb: وقع وزير المالية السعودي محمد
		// الجدعان، ومحافظ البنك المركزي اليمني محمد زمام، بالرياض اتفاقية
		if p := a.signingVerbBefore(i, from); p >= 0 {
			for _, c := range a.countries {
				if ti := a.d.TokenAt(c.Start); ti > p && ti < i && !a.placeOfSigning(ti, c.Start) && a.stateActor(c) {
					add(c.Entry.Country.ISO2)
				}
			}
		}
	}
	for p := i - 1; p >= from && p >= i-6; p-- {
		if m, ok := a.e.lex.AgreementActions.Longest(a.toks, p, true); ok {
			// the subject of the verb: انضمت طاجيكستان إلى، وقعت الجزائر والصين مذكرة تفاهم
			// the two countries of the sentence as subject: قادت البلدين إلى توقيع
			if m.Value == "signed" {
				for q := max(from, p-3); q < i; q++ {
					if a.boundary(q) == "dual" {
						if two := a.twoCountries(from, q); len(two) == 2 {
							add(two[0])
							add(two[1])
						}
						break
					}
				}
			}
			if subjectIsParty[m.Value] && finiteVerb(a.toks[p]) && (m.Value == "signed" || !verbalNoun(a.toks[p])) {
				// the subject before the verb: إسرائيل والأردن أبرما معاهدة
				// سلام، وكانت إيران قد أبرمت اتفاقا
				q := p
				if q > from && a.toks[q-1].Key == "قد" {
					q--
				}
				for _, iso := range a.countryListBefore(q, from) {
					add(iso)
				}
			}
			if m.Value == "signed" && !finiteVerb(a.toks[p]) {
				// those who witness the signing are its parties: شهد أمير قطر
				// والرئيس الإكوادوري التوقيع على اتفاقية
				if w := a.witnessBefore(p, from); w >= 0 {
					for _, c := range a.countries {
						if ti := a.d.TokenAt(c.Start); ti > w && ti < p && a.stateActor(c) {
							add(c.Entry.Country.ISO2)
						}
					}
				}
			}
			if subjectIsParty[m.Value] && a.toks[p].Kind == textdoc.Word && (m.Value == "joined" || !strings.HasPrefix(a.toks[p].Key, "ت")) &&
				(m.Value == "signed" || m.Value == "joined" || !verbalNoun(a.toks[p])) {
				for _, c := range a.countries {
					ti := a.d.TokenAt(c.Start)
					if ti > p && ti < i && a.stateActor(c) && (m.Value == "signed" || !a.locatedAt(ti)) {
						add(c.Entry.Country.ISO2)
					}
				}
			}
			break
		}
	}
	// a joint statement in which the subject of the sentence speaks: أعلنت
	// إثيوبيا وإريتريا انتهاء حالة الحرب بينهما، وذلك في بيان مشترك
	if len(out) == 0 && i > from && a.toks[i-1].Key == "في" && a.jointStatement(i) {
		for p := from; p < i-1; p++ {
			if a.boundary(p) == "verb" && finiteVerb(a.toks[p]) {
				if !a.countryAt(p + 1) {
					break // persons speak for themselves (وقال الممثل التجاري الأمريكي … في بيان مشترك)
				}
				for _, iso := range a.countryList(p+1, to) {
					add(iso)
				}
				break
			}
		}
	}
	slices.Sort(out)
	if out == nil {
		out = []string{}
	}
	return out
}

// subjectIsParty are the actions whose subject, a country, is a party to
// the document: who signs, joins, ratifies, approves or adopts it (مصر
// وافقت على اتفاق تنقيب، اعتمدت إيران خطة), not who proposes or mentions it.
var subjectIsParty = map[string]bool{"signed": true, "joined": true, "ratified": true, "approved": true, "adopted": true}

// signingParticiples say, after a comma, that the document was signed and
// with whom (الاتفاق النووي، الموقع في عام 2015 مع طهران).
var signingParticiples = foldSet("الموقع", "الموقعة", "المبرم", "المبرمة")

func isComma(t textdoc.Token) bool { return t.Text == "،" || t.Text == "," }

// witnessBefore returns the index of a verb of witnessing (a `witness` row
// of agreement_boundaries.tsv: شهد، حضر) at most eight
// words before the verbal noun of signing at p, with only words and commas
// between them (its subject), or -1.
func (a *analysis) witnessBefore(p, from int) int {
	for q := p - 1; q >= from && q >= p-8; q-- {
		t := a.toks[q]
		if t.Kind == textdoc.Punct && !isComma(t) && !isOpenQuote(t) {
			return -1
		}
		if a.anyBoundary(q) == "witness" {
			return q
		}
	}
	return -1
}

// jointStatement reports whether the head noun at i is a joint statement
// (بيان مشترك).
func (a *analysis) jointStatement(i int) bool {
	m, ok := a.e.lex.AgreementTypes.Longest(a.toks, i, true)
	return ok && m.Value.Type == "joint_statement"
}

// countryList returns the countries of a coordinated list that starts at
// token k (إيران، فرنسا وألمانيا وبريطانيا، الغرب وطهران): words that are not
// countries may stand in it (الغرب، القوى الكبرى), a preposition, a verb or
// punctuation other than a comma ends it.
func (a *analysis) countryList(k, to int) []string {
	var out []string
	for q := k; q < to && q < k+10; {
		t := a.toks[q]
		if c, ok := a.countryFrom(q); ok {
			if a.stateActor(c) {
				out = append(out, c.Entry.Country.ISO2)
			}
			q = a.d.TokenAt(c.End-1) + 1
			continue
		}
		if t.Kind == textdoc.Punct && t.Text != "،" && t.Text != "#" || t.Kind == textdoc.Number && len(out) > 0 {
			break
		}
		if n := a.sideMarker(q, to); n > 0 {
			// بين طهران من جهة وبريطانيا والصين… من جهة أخرى: the sides of
			// the agreement, one list
			q += n
			continue
		}
		if t.Text == "،" && !a.countryAt(q+1) {
			break // مع إيران، فيما نفت الرئاسة الفرنسية: the list has ended
		}
		if t.Kind == textdoc.Word && (prepositions[t.Key] || stopWords[t.Key] || a.boundary(q) == "verb" || a.boundary(q) == "particle") {
			break
		}
		if _, ok := a.e.lex.AgreementTypes.Longest(a.toks, q, true); ok {
			break
		}
		q++
	}
	return out
}

// sideMarkers name a side in a list of parties: من جهة، من ناحية أخرى.
var (
	sideMarkers  = foldSet("جهة", "ناحية", "طرف", "جانب")
	sideOrdinals = foldSet("أخرى", "ثانية", "اخري", "ثانيه")
)

// sideMarker returns the number of tokens of a side marker (من جهة، من
// جهة أخرى) at token q, or 0.
func (a *analysis) sideMarker(q, to int) int {
	if q+1 >= to || a.toks[q].Key != "من" || !sideMarkers[a.toks[q+1].Key] {
		return 0
	}
	if q+2 < to && sideOrdinals[a.toks[q+2].Key] {
		return 3
	}
	return 2
}

// stateActor reports whether a country reference can make its country a
// party: a name or a capital (مصر، طهران), or an adjective that qualifies an
// official or an organ of the state (وزير المالية السعودي، نظيرها السعودي،
// الحكومة المصرية, a title or a state noun at most three words before it).
// An adjective on a company, a body or a person's name (بلو بولي الفرنسية،
// الهيئة العامة للرياضة السعودية، تركي آل الشيخ) is not.
func (a *analysis) stateActor(c countries.Found) bool {
	if c.Kind != "adjective" {
		return true
	}
	ti := a.d.TokenAt(c.Start)
	for back := 1; back <= 3 && ti-back >= 0; back++ {
		t := a.toks[ti-back]
		if t.Kind != textdoc.Word {
			return false
		}
		if a.anyBoundary(ti-back) == "title" || stateNouns[t.Stem] {
			return true
		}
	}
	return false
}

// stateNouns are organs of a state whose country adjective makes the
// state a party (الحكومة المصرية، السلطات الإيرانية، البنك المركزي اليمني).
var stateNouns = map[string]bool{}

func init() {
	for _, w := range []string{"حكومة", "سلطات", "نظير", "نظيره", "نظيرها", "نظيرتها", "نظيريه", "جانب", "دولة", "وزارة", "مركزي", "جيش", "قوات", "برلمان", "رئاسة", "خارجية", "بلد", "بلاد", "نظام", "مسؤول", "مسؤولين", "مسؤولون"} {
		stateNouns[arabic.Key(w)] = true
	}
}

// countryListBefore returns the countries listed right before token p
// (فرنسا وألمانيا وبريطانيا، هذه الدول الموقعة): the list may be followed by a
// comma and a demonstrative.
func (a *analysis) countryListBefore(p, from int) []string {
	var out []string
	q := p - 1
	for q >= from && (a.toks[q].Text == "،" || a.toks[q].Stem == "هذه" || a.toks[q].Stem == "هذا") {
		q--
	}
	for q >= from {
		found := false
		for _, c := range a.countries {
			if a.d.TokenAt(c.End-1) == q {
				if a.stateActor(c) {
					out = append(out, c.Entry.Country.ISO2)
				}
				q = a.d.TokenAt(c.Start) - 1
				found = true
				break
			}
		}
		if found {
			continue
		}
		if a.toks[q].Text == "،" || a.toks[q].Text == "#" {
			q--
			continue
		}
		break
	}
	return out
}

func (a *analysis) countryFrom(k int) (countries.Found, bool) {
	for _, c := range a.countries {
		if a.d.TokenAt(c.Start) == k {
			return c, true
		}
	}
	return countries.Found{}, false
}

// finiteVerb reports whether an action word is a finite verb (وقعت،
// أبرما), whose subject names parties, rather than a verbal noun (توقيع،
// التوقيع) or a participle (الموقعة).
// verbalNoun reports whether an action word is a verbal noun rather than
// a verb in the past (موافقة، مصادقة، اعتماد، إقرار، إصدار against وافقت،
// صادقت، اعتمد، أقر، أصدر): one that ends in ة, begins with م, or has ا
// before its last letter. Approving or adopting is a party's act only as a
// reported event (وافقت مصر على اتفاق), not as a verbal noun, which news uses
// for what should or may happen (بضرورة موافقة إيران على اتفاق أوسع).
func verbalNoun(t textdoc.Token) bool {
	r := []rune(t.Stem)
	n := len(r)
	return n > 0 && (r[n-1] == 'ة' || r[0] == 'م' || n >= 4 && r[n-2] == 'ا')
}

// locatedAt reports whether the word at ti follows في, the place where
// something was done rather than who did it (ماكرون الذي أقر في سيدني).
func (a *analysis) locatedAt(ti int) bool {
	return ti > 0 && a.toks[ti-1].Key == "في"
}

func finiteVerb(t textdoc.Token) bool {
	return t.Kind == textdoc.Word && !strings.HasPrefix(t.Key, "ت") && !strings.HasPrefix(t.Key, "ال")
}

// longSubject is how far back a signing verb may govern a head noun
// across its subject (names and titles of the signatories).
const longSubject = 24

// signingVerbBefore returns the index of a finite signing verb (وقع،
// وقعت) at most longSubject tokens before the head noun at i whose subject
// runs up to the head noun: words and commas only, no other verb, clause
// particle or document on the way. It returns -1 when there is none.
func (a *analysis) signingVerbBefore(i, from int) int {
	if a.ungoverned(i, from) || i > from && (a.toks[i-1].Key == "من" || a.toks[i-1].Key == "الي") {
		return -1 // بعد الاتفاق، عن اتفاقية، من اتفاق: not what is signed
	}
	for p := i - 1; p >= from && p >= i-longSubject; p-- {
		t := a.toks[p]
		if t.Kind == textdoc.Punct && !isComma(t) {
			return -1
		}
		if m, ok := a.e.lex.AgreementActions.Longest(a.toks, p, true); ok {
			if m.Value == "signed" && finiteVerb(t) {
				return p
			}
			return -1
		}
		if b := a.boundary(p); b == "verb" || b == "particle" {
			return -1
		}
		if _, ok := a.e.lex.AgreementTypes.Longest(a.toks, p, true); ok && p < i-1 {
			return -1
		}
	}
	return -1
}

// notGoverned are prepositions that put the head noun after them out of
// reach of a verb before them (وقعت شركة … عقدا … بعد الاتفاق النووي): no
// action verb takes its object through them (unlike وقع على، انضم إلى).
var notGoverned = map[string]bool{}

// locativeWords put a country after them in the place of signing (وقعت
// فتح وحماس في القاهرة اتفاق مصالحة), not among the signatories.
var locativeWords = map[string]bool{}

func init() {
	for _, w := range []string{"بعد", "قبل", "عن", "حول", "ضد", "مثل", "بموجب", "وفق", "خلال", "منذ", "بسبب"} {
		notGoverned[arabic.Fold(w)] = true
	}
	for _, w := range []string{"في", "داخل"} {
		locativeWords[arabic.Fold(w)] = true
	}
}

// coordinated reports whether the document whose head noun is token i (its
// mention starting at byte start) is joined to what comes before it: by و
// on the head noun or before it (… ومذكرة تفاهم), or by إلى جانب، فضلا عن،
// بالإضافة إلى, possibly before an opening quote.
func (a *analysis) coordinated(i, start, from int) bool {
	if t := a.toks[i]; start > t.Start && strings.HasPrefix(t.Text, "و") {
		return true
	}
	k := i - 1
	if k >= from && isOpenQuote(a.toks[k]) {
		k--
	}
	if k < from || a.toks[k].Kind != textdoc.Word {
		return false
	}
	if a.toks[k].Key == "و" {
		return true
	}
	if k-1 < from {
		return false
	}
	pair := a.toks[k-1].Key + " " + a.toks[k].Key
	return coordinators[pair]
}

// coordinators are two-word phrases that add a document to the one before
// (… إلى جانب “إعلان خجند”).
var coordinators = map[string]bool{}

func init() {
	for _, p := range []string{"إلى جانب", "فضلا عن", "فضلاً عن", "بالإضافة إلى", "إضافة إلى", "علاوة على"} {
		w := strings.Fields(p)
		coordinators[arabic.Fold(w[0])+" "+arabic.Fold(w[1])] = true
	}
}

// ungoverned reports whether the head noun at i follows a preposition
// that no action verb before it governs (notGoverned).
func (a *analysis) ungoverned(i, from int) bool {
	return i > from && a.toks[i-1].Kind == textdoc.Word && notGoverned[a.toks[i-1].Key]
}

// placeOfSigning reports whether the country reference starting at byte
// start of token ti says where, not who: after في, or with ب attached
// (بالرياض).
func (a *analysis) placeOfSigning(ti, start int) bool {
	if strings.Contains(a.d.Text[a.toks[ti].Start:start], "ب") {
		return true
	}
	return ti > 0 && a.toks[ti-1].Kind == textdoc.Word && locativeWords[a.toks[ti-1].Key]
}

// twoCountries returns the distinct countries named in [from, before) when
// there are exactly two: what البلدين، الجانبين refer to.
func (a *analysis) twoCountries(from, before int) []string {
	var out []string
	lo, hi := a.toks[from].Start, a.toks[before].Start
	for _, c := range a.countries {
		if c.Start >= lo && c.End <= hi && !slices.Contains(out, c.Entry.Country.ISO2) {
			out = append(out, c.Entry.Country.ISO2)
		}
	}
	if len(out) != 2 {
		return nil
	}
	return out
}

// year returns the year of the nearest single date in the sentence outside
// the name (في مارس 2025، في عام 2022), or 0.
func (a *analysis) year(name textdoc.Span, from, to int) int {
	sFrom, sTo := a.toks[from].Start, a.toks[to-1].End
	best, bestDist := 0, 1<<30
	for _, f := range a.dates {
		if f.Start < sFrom || f.End > sTo || !f.Resolved || f.Kind == "range" {
			continue
		}
		if f.Start < name.End && f.End > name.Start {
			continue // a year inside the name (رؤية آسيا الوسطى 2040) is not when it happened
		}
		if k := a.d.TokenAt(f.Start); k > 0 && horizonWords[a.toks[k-1].Key] {
			continue // حتى عام 2035: a horizon, not an event
		}
		dist := f.Start - name.End
		if dist < 0 {
			dist = name.Start - f.End
		}
		if dist < bestDist {
			best, bestDist = f.First.Year(), dist
		}
	}
	return best
}

// cleanName strips quotes and normalises spaces in a name.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '«', '»', '"', '„':
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
