package pipeline

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-data/khabar/arabic"
)

// Cleaned is an article split into what the dataset keeps and what it
// drops. Text is the kept lines (title first) joined by \n: it is the text
// all offsets index. Removed keeps the rest, for audit.
type Cleaned struct {
	Title      string
	SourceName string
	Published  time.Time
	Text       string
	Removed    string
}

var (
	// a "read also" / "related articles" marker: everything after it is
	// another article or site furniture.
	readAlsoLine = regexp.MustCompile(`^\s*(?:[إا]قرأ(?:\s+(?:أيضا|أيضاً|أيضًا|ايضا|المزيد))?|شاهد\s+(?:أيضا|أيضاً|أيضًا)|مقالات\s+ذات\s+صلة|أخبار\s+ذات\s+صلة|مواضيع\s+ذات\s+صلة|(?:read|see)\s+also|related\s+(?:articles|posts|news))\s*[:：]?\s*$`)
	dateLine     = regexp.MustCompile(`^\s*(?:تاريخ\s+النشر|نشر\s+في|نُشر\s+في|بتاريخ|آخر\s+تحديث|تاريخ\s+التحديث|published|posted\s+on|date)\s*[:：]?\s*(.+)$`)
	sourceLine   = regexp.MustCompile(`^\s*(?:المصدر|المصادر|source)\s*[:：]\s*(.+?)\s*$`)
	keywordLine  = regexp.MustCompile(`^\s*(?:كلمات\s+دلالية|الكلمات\s+المفتاحية|كلمات\s+مفتاحية|الوسوم|وسوم|tags|keywords)\s*[:：]`)
	breadcrumb   = regexp.MustCompile(`\s[»›>]\s`)
)

// Clean tries each line pattern on every line, and Go's regexp engine costs
// about a microsecond per long paragraph even when the anchored pattern
// fails at its first letter (~6% of a whole run). The line patterns start,
// after optional whitespace, with one of a few letters (their
// alternatives' first letters, listed here by hand: keep them in step with
// the patterns), so a line starting otherwise is rejected without the
// regexp; TestLineStarts checks the lists against the patterns' literals.
var (
	readAlsoFirst = "إاشمأrs"
	dateFirst     = "تنبآpd"
	sourceFirst   = "اs"
	keywordFirst  = "كاوtk"
)

// mayMatch reports whether a line can match a pattern anchored at ^\s*
// whose alternatives start with one of the runes in first: the regexp's \s
// is ASCII whitespace only.
func mayMatch(l, first string) bool {
	l = strings.TrimLeft(l, "\t\n\f\r ")
	r, _ := utf8.DecodeRuneInString(l)
	return strings.ContainsRune(first, r)
}

// Clean splits site furniture from the article: a "read also" block and
// everything after it, the publication-date line (parsed into Published),
// the source line (into SourceName), keyword lines, breadcrumb trails and
// the category lines between a breadcrumb and the headline, lines with no
// Arabic letter (Latin site chrome such as "Leave a Reply"), and the short
// navigation lines that trail the body. The first short line left, if it
// reads as a headline, becomes the Title. parseDate reads a date line.
func Clean(text string, parseDate func(string) (time.Time, bool)) Cleaned {
	var c Cleaned
	lines := strings.Split(text, "\n")
	keep := make([]bool, len(lines))
	for i, l := range lines {
		keep[i] = strings.TrimSpace(l) != ""
	}
	// 1. "read also": drop the marker and everything after it.
	for i, l := range lines {
		if mayMatch(l, readAlsoFirst) && readAlsoLine.MatchString(l) {
			for j := i; j < len(lines); j++ {
				keep[j] = false
			}
			break
		}
	}
	// 2. date, source and keyword lines; Latin-only lines.
	crumbTitle := ""
	crumbAt := -1
	for i, l := range lines {
		if !keep[i] {
			continue
		}
		switch {
		case mayMatch(l, dateFirst) && dateLine.MatchString(l) && len([]rune(l)) < 120:
			m := dateLine.FindStringSubmatch(l)
			if t, ok := parseDate(m[1]); ok {
				if c.Published.IsZero() {
					c.Published = t
				}
				keep[i] = false
			}
		case mayMatch(l, sourceFirst) && sourceLine.MatchString(l) && len([]rune(l)) < 120:
			if c.SourceName == "" {
				c.SourceName = sourceLine.FindStringSubmatch(l)[1]
			}
			keep[i] = false
		case mayMatch(l, keywordFirst) && keywordLine.MatchString(l):
			keep[i] = false
		case hasCrumbMark(l) && breadcrumb.MatchString(l) && len([]rune(l)) < 300:
			parts := breadcrumb.Split(l, -1)
			crumbTitle = strings.TrimSpace(parts[len(parts)-1])
			crumbAt = i
			keep[i] = false
		case !hasArabicLetter(l):
			keep[i] = false
		}
	}
	// 3. between a breadcrumb and the headline it names: category lines.
	if crumbAt >= 0 && crumbTitle != "" {
		for j := crumbAt + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == crumbTitle {
				for k := crumbAt + 1; k < j; k++ {
					keep[k] = false
				}
				break
			}
		}
	}
	// 4. trailing navigation: short lines without a full stop after the
	// last real paragraph (زر الذهاب إلى الأعلى، أخبار). A short article
	// that is nothing but short lines is left alone.
	last := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if keep[i] && (wordCount(lines[i]) >= 5 || endsSentence(lines[i])) {
			last = i
			break
		}
	}
	if last >= 0 {
		for i := last + 1; i < len(lines); i++ {
			keep[i] = false
		}
	}
	// 5. the headline: a first kept line that is short and does not end a sentence.
	var kept, removed []string
	first := true
	// whether the kept lines are lines from, from+1, … of text as written:
	// their join is then a slice of text, no copy needed
	from, asWritten := -1, true
	for i, l := range lines {
		if !keep[i] {
			if strings.TrimSpace(l) != "" {
				removed = append(removed, l)
			}
			continue
		}
		line := strings.TrimSpace(l)
		if first && looksLikeHeadline(line) && hasMoreText(keep, i) {
			c.Title = line
		}
		first = false
		if from < 0 {
			from = i
		}
		asWritten = asWritten && line == l && i == from+len(kept)
		kept = append(kept, line)
	}
	if asWritten && len(kept) > 0 {
		c.Text = joinedSlice(text, lines, from, len(kept))
	} else {
		c.Text = strings.Join(kept, "\n")
	}
	c.Removed = strings.Join(removed, "\n")
	return c
}

// joinedSlice returns strings.Join(lines[from:from+n], "\n") as a slice
// of text, which lines split at every "\n".
func joinedSlice(text string, lines []string, from, n int) string {
	start := 0
	for _, l := range lines[:from] {
		start += len(l) + 1
	}
	end := start - 1
	for _, l := range lines[from : from+n] {
		end += len(l) + 1
	}
	return text[start:end]
}

// hasCrumbMark reports whether a line holds a » or › (a breadcrumb trail
// needs one; > alone is not enough). It is tested before the breadcrumb
// pattern because it is cheap: strings.Contains searches for a multi-byte
// mark by its bytes, where ContainsAny would decode every rune.
func hasCrumbMark(l string) bool {
	return strings.Contains(l, "»") || strings.Contains(l, "›")
}

func hasArabicLetter(s string) bool {
	for _, r := range s {
		if arabic.IsArabicLetter(r) {
			return true
		}
	}
	return false
}

// wordCount counts the runs of non-space runes in s (what strings.Fields
// would return, without building the slice: the first line tried as a
// headline is often a whole paragraph).
func wordCount(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

func looksLikeHeadline(line string) bool {
	n := wordCount(line)
	return n > 0 && n <= 25 && !endsSentence(line) && !strings.HasSuffix(strings.TrimSpace(line), ":")
}

func endsSentence(line string) bool {
	r := []rune(strings.TrimSpace(line))
	return len(r) > 0 && strings.ContainsRune(".!؟?…", r[len(r)-1])
}

func hasMoreText(keep []bool, i int) bool {
	for j := i + 1; j < len(keep); j++ {
		if keep[j] {
			return true
		}
	}
	return false
}
