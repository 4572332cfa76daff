package pipeline

import (
	"encoding/json"
	"reflect"
	"testing"
)

// jsonlLines are records of every kind: the common shape (which the fast
// path must read) and what it must leave to encoding/json.
var jsonlLines = []struct {
	line string
	fast bool // parseRecordFast reads it
}{
	{`{"id":"AL-culture-1-20180218","title":"هكذا تحالفت أحلام وإليسا بـ\"ذا فويس\"","published":"Sun, 18 Feb 2018 21:35:43 +0400","source":"alarabia","text":"يبدو أن الصراع بين المدربين\nوشهدت حلقة \"المواجهة\" \\ / \/ \t\r\b\f"}` + "\n", true},
	{` { "text" : "انعقد الاجتماع في طشقند." , "id" : "seed-1" } `, true},
	{`{"text":"قمة آسيا الوسطى"}`, true},
	{`{"text":""}`, true},
	{`{}`, true},
	{`{"id":"x","text":"عودة\u00a0الحجاج"}`, false},        // a \u escape
	{`{"id":"x","text":"\ud83d\ude00 عيد"}`, false},        // a surrogate pair
	{`{"id":7,"text":"سبعة"}`, false},                      // a number
	{`{"id":"x","text":null}`, false},                      // null
	{`{"id":"x","title":null,"text":"بيان"}`, false},       // null
	{`{"id":"x","Text":"بيان ختامي"}`, false},              // matched regardless of case by encoding/json
	{`{"id":"x","text":"أول","text":"ثان"}`, false},        // a repeated key: the last wins
	{`{"id":"x","lang":"ar","text":"بيان"}`, false},        // another key
	{`{"id":"x","tags":["a"],"text":"بيان"}`, false},       // another key, not a string
	{"{\"id\":\"x\",\"text\":\"\xff\xfe نص\"}", false},     // invalid UTF-8 (U+FFFD for encoding/json)
	{"{\"id\":\"\xc3\",\"text\":\"نص\"}", false},           // invalid UTF-8 in the id
	{"{\"id\":\"x\",\"text\":\"سطر\nسطر\"}", false},        // a raw control character: invalid JSON
	{`{"id":"x","text":"بيان"} {"id":"y"}`, false},         // two values
	{`{"id":"x","text":"بيان",}`, false},                   // a trailing comma
	{`{"id":"x" "text":"بيان"}`, false},                    // a missing comma
	{`{"id":"x","text":"بيان"`, false},                     // cut short
	{`{"id":"x","text":"بيان\`, false},                     // cut inside an escape
	{`{"id":"x","text":"\q"}`, false},                      // an invalid escape
	{"\xef\xbb\xbf{\"text\":\"بيان\"}", false},             // a byte-order mark
	{`["text","بيان"]`, false},                             // not an object
	{`{"id":"x","text":"نص"}garbage`, false},               // trailing bytes
	{`{"id":"\"quoted\" id","text":"نص \"مقتبس\""}`, true}, // escaped quotes
	{"{\"id\":\"x\",\"text\":\"نص\"}\r\n", true},           // a CRLF line
	{`{"published":"2024-08-09","text":"وقع الرؤساء","source":"الوكالة"}`, true},
}

// fastAsJSON is parseRecordFast with the text where json.Unmarshal puts it.
func fastAsJSON(line []byte) (jsonlRecord, bool) {
	rec, ok := parseRecordFast(line)
	if rec.textBytes != nil {
		text := string(rec.textBytes)
		rec.Text, rec.textBytes = &text, nil
	}
	return rec, ok
}

// TestParseRecordFastAgreesWithJSON checks that the fast path reads the
// records it should, and that what it reads is what json.Unmarshal reads.
func TestParseRecordFastAgreesWithJSON(t *testing.T) {
	for _, tt := range jsonlLines {
		got, ok := fastAsJSON([]byte(tt.line))
		if ok != tt.fast {
			t.Errorf("parseRecordFast(%q) ok = %v, want %v", tt.line, ok, tt.fast)
		}
		if !ok {
			continue
		}
		var want jsonlRecord
		if err := json.Unmarshal([]byte(tt.line), &want); err != nil {
			t.Errorf("parseRecordFast(%q) read a line encoding/json refuses: %v", tt.line, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseRecordFast(%q) = %+v, encoding/json gives %+v", tt.line, got, want)
		}
	}
}

// FuzzParseRecordFast checks on any line that when the fast path reads a
// record, encoding/json reads the same one.
func FuzzParseRecordFast(f *testing.F) {
	for _, tt := range jsonlLines {
		f.Add([]byte(tt.line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		got, ok := fastAsJSON(line)
		if !ok {
			return
		}
		var want jsonlRecord
		if err := json.Unmarshal(line, &want); err != nil {
			t.Fatalf("parseRecordFast(%q) read a line encoding/json refuses: %v", line, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parseRecordFast(%q) = %+v, encoding/json gives %+v", line, got, want)
		}
	})
}
