package pipeline

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	sentence := "انعقد الاجتماع في طشقند."
	utf16le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(sentence))
	cp1256, _ := charmap.Windows1256.NewEncoder().Bytes([]byte(sentence))
	tests := []struct {
		name     string
		in       []byte
		enc      string
		max      int64
		want     string
		errMatch string
	}{
		{"utf-8", []byte(sentence), "auto", 0, sentence, ""},
		{"utf-8 with BOM and CRLF", append([]byte{0xEF, 0xBB, 0xBF}, []byte("سطر\r\nسطر")...), "auto", 0, "سطر\nسطر", ""},
		{"decomposed to NFC", []byte("e\u0301"), "auto", 0, "\u00e9", ""},
		{"utf-16 with BOM", utf16le, "auto", 0, sentence, ""},
		{"windows-1256 when asked", cp1256, "windows-1256", 0, sentence, ""},
		{"windows-1256 unasked", cp1256, "auto", 0, "", "not valid UTF-8"},
		{"empty", nil, "auto", 0, "", "empty file"},
		{"whitespace", []byte(" \n\t "), "auto", 0, "", "only whitespace"},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "auto", 0, "", "binary data"},
		{"control characters", bytes.Repeat([]byte("\x01\x02a"), 50), "auto", 0, "", "control characters"},
		{"too large", []byte(strings.Repeat("ب", 100)), "auto", 50, "", "too large"},
		{"unknown encoding", []byte("x"), "klingon", 0, "", "unknown encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, tt.enc, tt.max)
			if tt.errMatch != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errMatch) {
					t.Fatalf("Decode error = %v, want one mentioning %q", err, tt.errMatch)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Decode = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
