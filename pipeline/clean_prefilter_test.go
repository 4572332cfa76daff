package pipeline

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"testing"
)

// TestLineStarts checks the hand-written first-letter lists of the line
// patterns against the patterns themselves: the set of runes each can
// start with after ^\s* must be exactly the list mayMatch is given.
func TestLineStarts(t *testing.T) {
	for _, tt := range []struct {
		re    *regexp.Regexp
		first string
	}{
		{readAlsoLine, readAlsoFirst},
		{dateLine, dateFirst},
		{sourceLine, sourceFirst},
		{keywordLine, keywordFirst},
	} {
		re, err := syntax.Parse(tt.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := map[rune]bool{}
		if !firstRunes(re.Simplify(), got) {
			t.Fatalf("%s: cannot list its first runes", tt.re)
		}
		want := map[rune]bool{}
		for _, r := range tt.first {
			want[r] = true
		}
		if !sameRunes(got, want) {
			t.Errorf("%s starts with %q, list says %q", tt.re, keys(got), tt.first)
		}
	}
}

// firstRunes adds to set the runes a match of re can start with, skipping
// a leading ^ and \s*; false when that set is not small and finite.
func firstRunes(re *syntax.Regexp, set map[rune]bool) bool {
	switch re.Op {
	case syntax.OpLiteral:
		set[re.Rune[0]] = true
		return true
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 16 {
				return false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[r] = true
			}
		}
		return true
	case syntax.OpCapture:
		return firstRunes(re.Sub[0], set)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !firstRunes(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			switch {
			case sub.Op == syntax.OpBeginLine || sub.Op == syntax.OpBeginText:
				continue
			case sub.Op == syntax.OpStar && sub.Sub[0].Op == syntax.OpCharClass && isASCIISpaceClass(sub.Sub[0]):
				continue
			}
			return firstRunes(sub, set)
		}
	}
	return false
}

func isASCIISpaceClass(re *syntax.Regexp) bool {
	n := 0
	for i := 0; i < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			if r != '\t' && r != '\n' && r != '\f' && r != '\r' && r != ' ' {
				return false
			}
			n++
		}
	}
	return n == 5
}

func sameRunes(a, b map[rune]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for r := range a {
		if !b[r] {
			return false
		}
	}
	return true
}

func keys(m map[rune]bool) string {
	var rs []rune
	for r := range m {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	return string(rs)
}

func TestWordCount(t *testing.T) {
	for _, s := range []string{"", " ", "كلمة", " قال  الوزير\tأمس\n", "a\u00a0b", "١٢ ٣"} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}
