package schemas

import (
	"regexp"
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
