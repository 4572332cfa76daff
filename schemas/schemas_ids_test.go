package schemas

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestArticleIDCheck checks isArticleID against the pattern it stands for.
func TestArticleIDCheck(t *testing.T) {
	pattern := regexp.MustCompile(`^[0-9a-f]{16}$`)
	for _, s := range []string{"", "43f9dfd2f6e51587", "43F9DFD2F6E51587", "43f9dfd2f6e5158", "43f9dfd2f6e515870",
		"43f9dfd2f6e5158g", "43f9dfd2f6e5158\n", "٤3f9dfd2f6e5158", "0000000000000000", "ffffffffffffffff"} {
		if got, want := isArticleID(s), pattern.MatchString(s); got != want {
			t.Errorf("isArticleID(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// TestMentionIDFormat pins the id's form.
func TestMentionIDFormat(t *testing.T) {
	if got, want := MentionID("43f9dfd2f6e51587", "dates", 0, -12), "43f9dfd2f6e51587/dates/0--12"; got != want {
		t.Errorf("MentionID = %q, want %q", got, want)
	}
}

// TestMentionIDLikeConcatenation checks the buffered MentionID against
// the plain concatenation it replaced, including ids longer than its
// stack buffer.
func TestMentionIDLikeConcatenation(t *testing.T) {
	tests := []struct {
		article, table string
		start, end     int64
	}{
		{"43f9dfd2f6e51587", "dates", 0, 12},
		{"43f9dfd2f6e51587", "agreements_catalog", 123456789, 987654321012},
		{"", "", 0, 0},
		{"43f9dfd2f6e51587", "countries", -5, math.MaxInt64},
		{strings.Repeat("x", 100), "money", 7, 8},
	}
	for _, tt := range tests {
		want := tt.article + "/" + tt.table + "/" + strconv.FormatInt(tt.start, 10) + "-" + strconv.FormatInt(tt.end, 10)
		if got := MentionID(tt.article, tt.table, tt.start, tt.end); got != want {
			t.Errorf("MentionID = %q, want %q", got, want)
		}
	}
}

// TestRunesAre checks runesAre against the string conversion it stands
// for, invalid runes included.
func TestRunesAre(t *testing.T) {
	tests := []struct {
		name  string
		runes []rune
		s     string
	}{
		{"equal Arabic", []rune("طشقند"), "طشقند"},
		{"a prefix of s", []rune("طشق"), "طشقند"},
		{"longer than s", []rune("طشقند"), "طشق"},
		{"one letter differs", []rune("طشقند"), "طشقنذ"},
		{"both empty", nil, ""},
		{"runes empty", nil, "a"},
		{"a surrogate (converted to U+FFFD)", []rune{0xD800}, "\uFFFD"},
		{"beyond the last code point", []rune{0x110000}, "\uFFFD"},
		{"a negative rune", []rune{-1}, "\uFFFD"},
		{"an invalid byte in s", []rune{0xFFFD}, "\xff"},
		{"mixed scripts", []rune("10.7 مليار $"), "10.7 مليار $"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := runesAre(tt.runes, tt.s), string(tt.runes) == tt.s; got != want {
				t.Errorf("runesAre(%q, %q) = %v, want %v", tt.runes, tt.s, got, want)
			}
		})
	}
}
