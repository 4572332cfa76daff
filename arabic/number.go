package arabic

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseNumber reads a number written with digits in any script, as Arabic
// news writes it:
//   - "." and the Arabic decimal separator ٫ are decimal points (10.7);
//   - "," and the Arabic comma ، are thousands separators when every group
//     after them has exactly three digits (1,800 → 1800; 1,250,000), and a
//     decimal comma otherwise (5,7 → 5.7, the continental habit many
//     newsrooms keep);
//   - ٬ is always a thousands separator;
//   - several dots with three-digit groups are thousands separators (1.800.000);
//   - a leading minus sign and a bare leading decimal point (.77, ٫٧٧) are read.
//
// It reports false for anything else, including an empty string.
func ParseNumber(s string) (float64, bool) {
	// a number starts with a digit, a sign or a decimal point; most words
	// asked about start with a letter, and need no copy to say no
	if r, _ := utf8.DecodeRuneInString(s); !IsDigit(r) && r != '-' && r != '\u2212' && r != '.' && r != '٫' {
		return 0, false
	}
	s = ASCIIDigits(s)
	if strings.IndexByte(s, 0xE2) >= 0 {
		// every direction mark is encoded from the byte E2; the replacer
		// copies s even when there is nothing to replace
		s = bidiMarks.Replace(s)
	}
	if strings.Contains(s, "،") && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		// 12،220,13: the Arabic comma groups thousands and the ASCII comma
		// is the decimal mark, as Arabic locales write them
		intPart, frac, _ := strings.Cut(s, ",")
		intPart = strings.ReplaceAll(intPart, "،", ",")
		if !threeDigitGroups(intPart, ',') {
			return 0, false
		}
		s = strings.ReplaceAll(intPart, ",", "") + "." + frac
	}
	s = strings.ReplaceAll(s, "،", ",")
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		neg, s = true, rest
	} else if rest, ok := strings.CutPrefix(s, "\u2212"); ok {
		neg, s = true, rest
	}
	if strings.HasPrefix(s, ".") {
		s = "0" + s // .77 and ٫٧٧
	}
	if s == "" {
		return 0, false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9') && r != '.' && r != ',' {
			return 0, false
		}
	}
	if s[0] < '0' || s[0] > '9' || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return 0, false
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	switch {
	case dots == 0 && commas == 0:
	case dots > 1 && commas == 0:
		if !threeDigitGroups(s, '.') {
			return 0, false
		}
		s = strings.ReplaceAll(s, ".", "")
	case commas > 0 && dots == 0:
		if threeDigitGroups(s, ',') {
			s = strings.ReplaceAll(s, ",", "")
		} else if commas == 1 {
			s = strings.Replace(s, ",", ".", 1)
		} else {
			return 0, false
		}
	case commas > 0 && dots == 1:
		// 1,250.5: commas group thousands before a decimal point.
		intPart, frac, _ := strings.Cut(s, ".")
		if strings.Contains(frac, ",") || !threeDigitGroups(intPart, ',') {
			return 0, false
		}
		s = strings.ReplaceAll(intPart, ",", "") + "." + frac
	case dots == 1 && commas == 0:
	default:
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if neg {
		f = -f
	}
	return f, err == nil
}

// bidiMarks are the invisible direction marks copy and paste leaves around
// digits (25799\u202a,\u202a52): they are not part of the number.
var bidiMarks = strings.NewReplacer("\u200e", "", "\u200f", "", "\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "", "\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "")

// threeDigitGroups reports whether every group after the first separator
// has exactly three digits and the first has one to three.
func threeDigitGroups(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// NumberKind says what part a number word plays in a spelled-out number.
type NumberKind uint8

const (
	NumUnit      NumberKind = iota + 1 // 0-19: ثلاثة، عشرة، إحدى (and dialect teens: ستاشر)
	NumTen                             // 20-90: عشرون، عشرين
	NumHundred                         // 100-900: مئة، مائتين، ثلاثمائة
	NumScale                           // ألف، مليون، مليار and their duals and plurals
	NumFraction                        // نصف، ربع، ثلث، ثلثي
	NumFractions                       // the plural of a fraction after a count: ثلاثة أرباع
	NumPoint                           // فاصلة: a spoken decimal point
	NumMinus                           // سالب: a spoken minus sign before a number (lexicon.NumberAt)
)

// NumberWord is one entry of the number-word table.
type NumberWord struct {
	Value float64
	Kind  NumberKind
	// Count is, for a scale word, how many it means with no number before
	// it: 1 for the singular (مليون), 2 for the dual (مليونين), 0 for the
	// plural (ملايين), which needs a number.
	Count int
}

// NumberWords is the table the word-number parser reads, keyed by the
// folded form (Fold, article kept: ألف "thousand" is not ال+ف). It is
// filled from the lexicon's number_words.tsv and scales.tsv.
type NumberWords struct {
	m map[string]NumberWord
}

// Add registers a word.
func (w *NumberWords) Add(form string, nw NumberWord) {
	if w.m == nil {
		w.m = map[string]NumberWord{}
	}
	w.m[Fold(form)] = nw
}

// Lookup returns the entry for a folded key, trying it also without the
// article (الثلاثة، المليون).
func (w *NumberWords) Lookup(key string) (NumberWord, bool) {
	if w == nil || w.m == nil {
		return NumberWord{}, false
	}
	if nw, ok := w.m[key]; ok {
		return nw, true
	}
	if k := StripArticle(key); k != key {
		nw, ok := w.m[k]
		return nw, ok
	}
	return NumberWord{}, false
}

// Len is the number of words in the table.
func (w *NumberWords) Len() int { return len(w.m) }

// Parse reads the longest number at the start of keys, one folded token
// key per element (digits already ASCII, as Fold leaves them), and returns
// its value and how many keys it used. It reads:
//   - digits (ParseNumber) as the first element only, then scale words:
//     "300 ألف مليار", "2 مليون", "10 آلاف";
//   - words: units, teens (ثلاثة عشر), tens joined by و (خمسة وعشرون),
//     hundreds (ثلاثمائة، ثلاث مئة، مائتين), scales with their duals
//     (ألفين، مليونين) and stacking (ألف مليار);
//   - fractions: نصف، ربع، ثلث alone, before a scale (ربع مليار) or after
//     one with و (مليون ونصف = 1.5 million); ثلاثة أرباع = 0.75;
//   - a spoken decimal point: واحد فاصلة خمسة = 1.5.
//
// The conjunction و may stand alone or be glued to the next word
// (وخمسين). A trailing و that no number follows is not used.
func (w *NumberWords) Parse(keys []string) (float64, int, bool) {
	var (
		total, group float64
		lastScale    float64
		last         NumberKind // kind of the last element used; 0 before any
		lastUnit     float64
		used         int
		digitsFirst  bool
	)
	for i := 0; i < len(keys); i++ {
		k := keys[i]
		conj := false
		if i > 0 && k == "و" {
			if i+1 >= len(keys) {
				break
			}
			i++
			k, conj = keys[i], true
		}
		var nw NumberWord
		found := false
		if i == 0 {
			if v, ok := ParseNumber(k); ok {
				nw, found, digitsFirst = NumberWord{Value: v, Kind: NumUnit}, true, true
			}
		}
		if !found {
			nw, found = w.Lookup(k)
		}
		if !found && i > 0 && !conj && strings.HasPrefix(k, "و") {
			nw, found = w.Lookup(k[len("و"):])
			conj = found
		}
		if !found {
			break
		}
		ok := true
		switch nw.Kind {
		case NumUnit:
			switch {
			case last == 0:
				group, lastUnit = nw.Value, nw.Value
			case (last == NumHundred || last == NumScale) && conj, last == NumHundred && !digitsFirst:
				group += nw.Value // Egyptian speech drops the و: متين تلاتة وستين
				lastUnit = nw.Value
			case last == NumUnit && !conj && !digitsFirst && nw.Value == 10 && lastUnit >= 1 && lastUnit <= 9:
				group += 10   // ثلاثة عشر، إحدى عشرة
				last = NumTen // a unit may not follow a teen
				used = i + 1
				continue
			default:
				ok = false
			}
		case NumTen:
			switch {
			case last == 0:
				group = nw.Value
			case conj && (last == NumHundred || last == NumScale || (last == NumUnit && lastUnit < 10 && !digitsFirst)):
				group += nw.Value
			case !conj && last == NumHundred:
				group += nw.Value // Egyptian: متين تلاتة وستين without و
			default:
				ok = false
			}
		case NumHundred:
			switch {
			case last == 0:
				group = nw.Value
			case conj && last == NumScale:
				group = nw.Value
			case !conj && last == NumUnit && !digitsFirst && nw.Value == 100 && lastUnit >= 3 && lastUnit <= 9:
				group = group - lastUnit + lastUnit*100 // ثلاث مئة
			default:
				ok = false
			}
		case NumScale:
			switch {
			case group > 0 && (lastScale == 0 || nw.Value < lastScale):
				total += group * nw.Value
				group, lastScale = 0, nw.Value
			case group == 0 && total == 0 && last == 0:
				if nw.Count == 0 {
					ok = false
					break
				}
				total, lastScale = float64(nw.Count)*nw.Value, nw.Value
			case group == 0 && total > 0 && last == NumScale && !conj && nw.Value > lastScale:
				total *= nw.Value // stacked: ألف مليار
				lastScale = nw.Value
			default:
				ok = false
			}
		case NumFraction:
			switch {
			case last == 0:
				group = nw.Value // نصف، ربع مليار
			case conj && last == NumScale:
				total += nw.Value * lastScale // مليون ونصف
			case conj && (last == NumUnit || last == NumTen || last == NumHundred):
				group += nw.Value // ثلاثة ونصف
			default:
				ok = false
			}
		case NumFractions:
			if last == NumUnit && !conj && lastUnit >= 2 && lastUnit <= 10 {
				group = lastUnit * nw.Value // ثلاثة أرباع
			} else {
				ok = false
			}
		case NumMinus:
			ok = false // a sign is read by lexicon.NumberAt, before the number
		case NumPoint:
			if last == 0 || last == NumScale || i+1 >= len(keys) {
				ok = false
				break
			}
			frac, n, fok := w.Parse(keys[i+1 : i+2])
			if !fok || frac < 0 || frac != float64(int64(frac)) {
				ok = false
				break
			}
			digits := len(strconv.FormatInt(int64(frac), 10))
			group += frac / pow10(digits)
			i += n
			used = i + 1
			last = NumPoint
			continue
		}
		if !ok {
			break
		}
		last = nw.Kind
		used = i + 1
	}
	if used == 0 {
		return 0, 0, false
	}
	return total + group, used, true
}

func pow10(n int) float64 {
	p := 1.0
	for range n {
		p *= 10
	}
	return p
}
