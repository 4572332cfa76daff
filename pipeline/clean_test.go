package pipeline

import (
	"strings"
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/dates"
	"github.com/khabar-data/khabar/extractors/resources"
)

func TestClean(t *testing.T) {
	parse := dates.New(resources.Default()).ParsePublished
	body := "وعقد الاجتماع في طشقند، وحضره رؤساء كازاخستان وأوزبكستان وقرغيزستان وطاجيكستان وتركمانستان."
	tests := []struct {
		name                     string
		in                       string
		title, source, published string
		mustKeep, mustDrop       []string
	}{
		{"date, source, keywords and read-also",
			"رؤساء دول آسيا الوسطى تتبنى رؤية استراتيجية\nتاريخ النشر: 16th, November 2025 GMT\n" + body + "\nالمصدر: عين ليبيا\nكلمات دلالية: آسيا الوسطى طشقند\nإقرأ أيضاً:\nقطر تستضيف ورشة إقليمية للاتحاد البريدي العالمي\nعقدت بالدوحة ورشة العمل الإقليمية الرابعة حول الجاهزية التشغيلية.",
			"رؤساء دول آسيا الوسطى تتبنى رؤية استراتيجية", "عين ليبيا", "2025-11-16",
			[]string{body}, []string{"الدوحة", "عين ليبيا", "كلمات دلالية", "تاريخ النشر"}},
		{"Latin chrome and trailing navigation",
			"Gündəm\n\nالاجتماع التشاوري السادس يوافق على مسار التكامل\n\n" + body + "\n\nأخبار\n\nمقالات ذات صلة\n\nLeave a Reply\nزر الذهاب إلى الأعلى",
			"الاجتماع التشاوري السادس يوافق على مسار التكامل", "", "",
			[]string{body}, []string{"Gündəm", "Leave a Reply", "زر الذهاب", "أخبار"}},
		{"breadcrumb and category line",
			"الرئيسية » تقارير ودراسات » رئيس كازاخستان: الثقل السياسي يتزايد\nتقارير ودراسات رئيسى\n\nرئيس كازاخستان: الثقل السياسي يتزايد\n\n" + body,
			"رئيس كازاخستان: الثقل السياسي يتزايد", "", "",
			[]string{body}, []string{"الرئيسية", "تقارير ودراسات"}},
		{"no headline when the first line is a paragraph",
			body + "\n" + body, "", "", "", []string{body}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Clean(tt.in, parse)
			if c.Title != tt.title || c.SourceName != tt.source {
				t.Errorf("title %q source %q, want %q %q", c.Title, c.SourceName, tt.title, tt.source)
			}
			pub := ""
			if !c.Published.IsZero() {
				pub = c.Published.Format(time.DateOnly)
			}
			if pub != tt.published {
				t.Errorf("published %q, want %q", pub, tt.published)
			}
			for _, s := range tt.mustKeep {
				if !strings.Contains(c.Text, s) {
					t.Errorf("text lost %q", s)
				}
			}
			for _, s := range tt.mustDrop {
				if strings.Contains(c.Text, s) {
					t.Errorf("text kept %q", s)
				}
				if !strings.Contains(c.Removed, s) && s != "تاريخ النشر" {
					t.Errorf("removed_text lacks %q: nothing may be lost silently", s)
				}
			}
		})
	}
}

// TestJoinedSlice checks the slice of the text Clean returns when it keeps
// consecutive lines as written against joining them.
func TestJoinedSlice(t *testing.T) {
	for _, text := range []string{
		"انعقدت القمة في طشقند.\nوحضرها رؤساء دول آسيا الوسطى.\n\nووقعوا إعلانا مشتركا.",
		"\nسطر واحد\n",
		"سطر",
		"\n\n",
	} {
		lines := strings.Split(text, "\n")
		for from := range lines {
			for n := 1; from+n <= len(lines); n++ {
				if got, want := joinedSlice(text, lines, from, n), strings.Join(lines[from:from+n], "\n"); got != want {
					t.Errorf("joinedSlice(%q, %d, %d) = %q, want %q", text, from, n, got, want)
				}
			}
		}
	}
}
