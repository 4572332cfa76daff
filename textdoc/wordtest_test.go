package textdoc

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestWordTestAnswersOncePerWord checks that a WordTest gives the test's
// own answer for every token, asking the test once per distinct word.
func TestWordTestAnswersOncePerWord(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		test  func(Token) bool
		words int // distinct words (the test is asked once for each)
	}{
		{"a month name, spelled two ways", "وقع الاتفاق في مارس، ثم عدل في آذار، ونشر في مارس",
			func(t Token) bool { return t.Stem == "مارس" || t.Stem == "اذار" }, 9},
		{"numbers and punctuation", "بلغت 10.7 مليار دولار، و10.7 مليار دولار أخرى.",
			func(t Token) bool { return t.Kind == Number }, 8},
		{"nothing matches", "قمة رؤساء دول آسيا الوسطى في طشقند قمة",
			func(Token) bool { return false }, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var asked atomic.Int32
			wt := NewWordTest(func(tok Token) bool {
				asked.Add(1)
				return tt.test(tok)
			})
			d := New(tt.text, time.Time{})
			for range 3 {
				for _, tok := range d.Tokens {
					if got, want := wt.Of(tok), tt.test(tok); got != want {
						t.Errorf("Of(%q) = %v, want %v", tok.Text, got, want)
					}
				}
			}
			if got := asked.Load(); got != int32(tt.words) {
				t.Errorf("the test was asked %d times, want once per word (%d)", got, tt.words)
			}
		})
	}
}

// TestWordTestUncachedWord checks that a word the full cache did not keep
// (its analysis made for one token) is tested every time.
func TestWordTestUncachedWord(t *testing.T) {
	var asked int
	wt := NewWordTest(func(tok Token) bool { asked++; return tok.Stem == "دولار" })
	tok := Token{Span: Span{0, len("دولار")}, Text: "دولار", Analysis: analyse("دولار")}
	for range 3 {
		if !wt.Of(tok) {
			t.Fatal("Of(دولار) = false")
		}
	}
	if asked != 3 {
		t.Errorf("asked %d times, want 3", asked)
	}
}

// TestWordTestConcurrent asks from several goroutines at once, words that
// share cells of the table (run it with -race).
func TestWordTestConcurrent(t *testing.T) {
	d := New("اتفاقية الشراكة الاستراتيجية بين كازاخستان وأوزبكستان وقرغيزستان وطاجيكستان وتركمانستان", time.Time{})
	test := func(tok Token) bool { return len(tok.Text)%2 == 0 }
	wt := NewWordTest(test)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, tok := range d.Tokens {
				if wt.Of(tok) != test(tok) {
					t.Errorf("Of(%q) is not the test's answer", tok.Text)
				}
			}
		})
	}
	wg.Wait()
}
