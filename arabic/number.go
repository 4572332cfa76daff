package arabic

import (
	"strconv"
	"strings"
)

// ParseNumber reads a number written with digits in any script, as Arabic
// news writes it:
//   - "." and the Arabic decimal separator ٫ are decimal points (10.7);
//   - "," and the Arabic comma ، are thousands separators when every group
//     after them has exactly three digits (1,800 → 1800; 1,250,000), and a
//     decimal comma otherwise (5,7 → 5.7, the continental habit many
//     newsrooms keep);
//   - ٬ is always a thousands separator;
//   - several dots with three-digit groups are thousands separators (1.800.000).
//
// It reports false for anything else, including an empty string.
func ParseNumber(s string) (float64, bool) {
	s = ASCIIDigits(s)
	s = strings.ReplaceAll(s, "،", ",")
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
	return f, err == nil
}

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
