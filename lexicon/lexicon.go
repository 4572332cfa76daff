// Package lexicon loads the word lists the extractors use — month names,
// scale words, currency names, amount qualifiers, agreement head nouns and
// verbs — from TSV files embedded in the binary (lexicon/data), each with
// its provenance. A user extends them without recompiling by pointing
// --lexicons at a folder holding files of the same names: their rows are
// added to the built-in ones.
package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/khabar-data/khabar/arabic"
	"github.com/khabar-data/khabar/textdoc"
)

//go:embed data/*.tsv
var builtin embed.FS

// Scale is a multiplying word: مليار = 1e9. Count is how many it means
// with no number before it: 1 (مليار), 2 for a dual (ملياري), 0 for a
// plural (مليارات), which means no amount on its own.
type Scale struct {
	Value float64
	Count int
}

// Currency is one reading of a currency word.
type Currency struct {
	Code      string   // ISO 4217
	Countries []string // ISO 3166-1 alpha-2 codes that use it
	Default   bool     // the reading to take when nothing else decides
}

// AgreementType is the type an agreement head noun announces.
type AgreementType struct {
	Type      string
	Name      string // any, proper or self: see agreement_types.tsv
	Adjective bool   // the word is also an adjective (الاستراتيجية "strategic")
}

// DateWord is a row of date_words.tsv: a word that builds date
// expressions (ordinal, teen, ten, relday, shift, part, decade) and its value.
type DateWord struct {
	Kind  string
	Value int
}

// Lexicon holds every word list.
type Lexicon struct {
	Months           Phrases[int]
	Weekdays         Phrases[int]      // weekdays.tsv: 0 = Sunday … 6 = Saturday
	HijriMonths      Phrases[int]      // hijri_months.tsv: 1-12
	DateWords        Phrases[DateWord] // date_words.tsv
	Scales           Phrases[Scale]
	Qualifiers       Phrases[string]
	Currencies       Phrases[[]Currency] // all readings of the same form together
	AgreementTypes   Phrases[AgreementType]
	AgreementActions Phrases[string]
	// AgreementBoundaries is agreement_boundaries.tsv: words that end an
	// agreement's unquoted name (verb, particle, agent) or qualify it without
	// naming it (adjective); read by extractors/agreements.
	AgreementBoundaries Phrases[string]
	// AgreementCatalog is agreement_catalog.tsv: well-known agreements with
	// canonical names and aliases (read by extractors/agreements).
	AgreementCatalog []Record
	// Numbers are the number words (number_words.tsv plus the scale words
	// of scales.tsv) that arabic.NumberWords.Parse reads.
	Numbers arabic.NumberWords

	// numberOpeners keeps NumberAt's pre-check per word (see opensNumber);
	// made once every list is loaded, since its answers depend on them: the
	// lists of a loaded Lexicon must not change (Phrases.Add drops its own
	// pre-checks, but Numbers has none to drop).
	numberOpeners *textdoc.WordTest
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the built-in lexicon, loaded once.
func Default() *Lexicon {
	defaultOnce.Do(func() { defaultLex, defaultErr = Load("") })
	if defaultErr != nil {
		panic("lexicon: built-in data is broken: " + defaultErr.Error())
	}
	return defaultLex
}

// Load reads the built-in lexicon plus, when extraDir is not empty, any file
// of the same name in extraDir.
func Load(extraDir string) (*Lexicon, error) {
	lex := &Lexicon{}
	read := func(name string, required []string, each func(Record) error) error {
		f, err := builtin.Open("data/" + name)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := readInto(f, "lexicon/data/"+name, required, each); err != nil {
			return err
		}
		if extraDir == "" {
			return nil
		}
		path := filepath.Join(extraDir, name)
		uf, err := os.Open(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		} else if err != nil {
			return err
		}
		defer uf.Close()
		return readInto(uf, path, required, each)
	}
	currencies := map[string][]Currency{}
	var currencyOrder []string
	steps := []struct {
		file     string
		required []string
		each     func(Record) error
	}{
		{"months.tsv", []string{"form", "month"}, func(r Record) error {
			m, err := strconv.Atoi(r.Get("month"))
			if err != nil || m < 1 || m > 12 {
				return fmt.Errorf("month %q is not 1-12", r.Get("month"))
			}
			lex.Months.Add(r.Get("form"), m)
			return nil
		}},
		{"weekdays.tsv", []string{"form", "weekday"}, func(r Record) error {
			d, err := strconv.Atoi(r.Get("weekday"))
			if err != nil || d < 0 || d > 6 {
				return fmt.Errorf("weekday %q is not 0-6", r.Get("weekday"))
			}
			lex.Weekdays.Add(r.Get("form"), d)
			return nil
		}},
		{"hijri_months.tsv", []string{"form", "month"}, func(r Record) error {
			m, err := strconv.Atoi(r.Get("month"))
			if err != nil || m < 1 || m > 12 {
				return fmt.Errorf("month %q is not 1-12", r.Get("month"))
			}
			lex.HijriMonths.Add(r.Get("form"), m)
			return nil
		}},
		{"date_words.tsv", []string{"form", "kind", "value"}, func(r Record) error {
			v, err := strconv.Atoi(r.Get("value"))
			if err != nil {
				return fmt.Errorf("value %q is not an integer", r.Get("value"))
			}
			switch r.Get("kind") {
			case "ordinal", "teen", "ten", "relday", "shift", "part", "decade", "share":
			default:
				return fmt.Errorf("kind %q is not one of ordinal, teen, ten, relday, shift, part, decade, share", r.Get("kind"))
			}
			lex.DateWords.Add(r.Get("form"), DateWord{Kind: r.Get("kind"), Value: v})
			return nil
		}},
		{"scales.tsv", []string{"form", "value", "count"}, func(r Record) error {
			v, err := strconv.ParseFloat(r.Get("value"), 64)
			if err != nil {
				return err
			}
			c, err := strconv.Atoi(r.Get("count"))
			if err != nil || c < 0 || c > 2 {
				return fmt.Errorf("count %q", r.Get("count"))
			}
			lex.Scales.Add(r.Get("form"), Scale{Value: v, Count: c})
			lex.Numbers.Add(r.Get("form"), arabic.NumberWord{Value: v, Kind: arabic.NumScale, Count: c})
			return nil
		}},
		{"number_words.tsv", []string{"form", "value", "kind"}, func(r Record) error {
			v, err := strconv.ParseFloat(r.Get("value"), 64)
			if err != nil {
				return err
			}
			kind, ok := numberKinds[r.Get("kind")]
			if !ok {
				return fmt.Errorf("kind %q is not one of unit, ten, hundred, fraction, fractions, point, minus", r.Get("kind"))
			}
			lex.Numbers.Add(r.Get("form"), arabic.NumberWord{Value: v, Kind: kind})
			return nil
		}},
		{"qualifiers.tsv", []string{"form", "qualifier"}, func(r Record) error {
			lex.Qualifiers.Add(r.Get("form"), r.Get("qualifier"))
			return nil
		}},
		{"currencies.tsv", []string{"form", "code"}, func(r Record) error {
			form := r.Get("form")
			if _, seen := currencies[form]; !seen {
				currencyOrder = append(currencyOrder, form)
			}
			currencies[form] = append(currencies[form], Currency{
				Code:      r.Get("code"),
				Countries: strings.Fields(r.Get("countries")),
				Default:   r.Get("default") == "yes",
			})
			return nil
		}},
		{"agreement_types.tsv", []string{"form", "type", "name"}, func(r Record) error {
			lex.AgreementTypes.Add(r.Get("form"), AgreementType{Type: r.Get("type"), Name: r.Get("name"), Adjective: r.Get("adjective") == "yes"})
			return nil
		}},
		{"agreement_catalog.tsv", []string{"key", "type", "name_ar"}, func(r Record) error {
			lex.AgreementCatalog = append(lex.AgreementCatalog, r)
			return nil
		}},
		{"agreement_actions.tsv", []string{"form", "action"}, func(r Record) error {
			lex.AgreementActions.Add(r.Get("form"), r.Get("action"))
			return nil
		}},
		{"agreement_boundaries.tsv", []string{"form", "kind"}, func(r Record) error {
			switch k := r.Get("kind"); k {
			case "verb", "particle", "agent", "phrase", "adjective", "judgement", "reach", "signatories", "dual", "announcer", "title", "private", "witness", "activity", "electoral":
				lex.AgreementBoundaries.Add(r.Get("form"), k)
				return nil
			default:
				return fmt.Errorf("kind %q is not one of verb, particle, agent, phrase, adjective, judgement, reach, signatories, dual, announcer, title, private, witness, activity, electoral", k)
			}
		}},
	}
	for _, s := range steps {
		if err := read(s.file, s.required, s.each); err != nil {
			return nil, err
		}
	}
	for _, form := range currencyOrder {
		lex.Currencies.Add(form, currencies[form])
	}
	for _, p := range []interface{ seal() }{&lex.Months, &lex.Weekdays, &lex.HijriMonths, &lex.DateWords, &lex.Scales,
		&lex.Qualifiers, &lex.Currencies, &lex.AgreementTypes, &lex.AgreementActions, &lex.AgreementBoundaries} {
		p.seal()
	}
	lex.numberOpeners = textdoc.NewWordTest(lex.canOpenNumber)
	return lex, nil
}

var numberKinds = map[string]arabic.NumberKind{
	"unit": arabic.NumUnit, "ten": arabic.NumTen, "hundred": arabic.NumHundred,
	"fraction": arabic.NumFraction, "fractions": arabic.NumFractions, "point": arabic.NumPoint,
	"minus": arabic.NumMinus,
}

func readInto(r io.Reader, name string, required []string, each func(Record) error) error {
	recs, err := ReadTSV(r, name, required...)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		if err := each(rec); err != nil {
			return fmt.Errorf("%s:%d: %w", name, rec.Line, err)
		}
	}
	return nil
}

// Begins reports whether some phrase starts with the word whose matching
// key (arabic.Key) is key: a cheap pre-check before Longest.
func (p *Phrases[T]) Begins(key string) bool {
	_, ok := p.byFirst[key]
	return ok
}

// Firsts yields the matching key of every word a phrase starts with (the
// keys Begins accepts), in no particular order.
func (p *Phrases[T]) Firsts() iter.Seq[string] { return maps.Keys(p.byFirst) }
