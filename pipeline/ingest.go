package pipeline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Input is one article as read, before decoding.
type Input struct {
	SourceFile string // relative to --in; file.jsonl:N for JSON Lines
	SourceID   string // the JSON Lines id, else the relative path without extension
	Raw        []byte // the bytes to decode (for JSON Lines: the text field, already UTF-8)
	SHA256     string // of the bytes as read
	// From a JSON Lines record, when present.
	Title, Published, Source string
	// Status is set when the input is already known to be unusable
	// (unreadable file, bad JSON line) or not an article at all.
	Status, Reason string

	load func() ([]byte, error) // reads a file's bytes on demand
	seq  int                    // position in input order
	// validUTF8 says Raw is known to be valid UTF-8 (a JSON Lines text,
	// checked as it was read), so decoding need not check it again
	validUTF8 bool
}

// Input statuses in the manifest.
const (
	StatusOK      = "ok"
	StatusSkipped = "skipped"
	StatusFailed  = "failed"
)

// Discover lists the inputs of a folder (every .txt file, recursively; other
// files are listed as skipped) or of a JSON Lines file (one article per
// line), in input order, with their content. A nil fsys means the path is
// on disk. For large inputs use Each, which reads one input at a time.
func Discover(fsys fs.FS, root string) ([]Input, error) {
	var out []Input
	err := Each(fsys, root, func(in Input) error {
		if in.load != nil && in.Status == "" {
			in.Raw, in.SHA256 = nil, ""
			if b, err := in.load(); err != nil {
				in.Status, in.Reason = StatusFailed, "cannot read: "+err.Error()
			} else {
				in.Raw, in.SHA256 = b, hashHex(b)
			}
			in.load = nil
		}
		out = append(out, in)
		return nil
	})
	return out, err
}

// Each calls fn for every input in input order: the .txt files of a folder
// sorted by path (their content is read only when Input.Load is called, so
// that workers read in parallel and memory holds only what is in flight),
// or the lines of a JSON Lines file as they are read.
func Each(fsys fs.FS, root string, fn func(Input) error) error {
	if fsys == nil {
		info, err := os.Stat(root)
		if err != nil {
			return fmt.Errorf("input %s: %w", root, err)
		}
		if !info.IsDir() {
			lower := strings.ToLower(root)
			switch {
			case strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".ndjson"):
				return eachJSONL(root, fn)
			case strings.HasSuffix(lower, ".txt"):
				dir, name := path.Split(filepathToSlash(root))
				if dir == "" {
					dir = "."
				}
				return fn(textFile(os.DirFS(dir), name))
			}
			return fmt.Errorf("input %s: not a folder, a .txt file or a .jsonl file", root)
		}
		fsys, root = os.DirFS(root), "."
	}
	var listed []Input
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		rel := strings.TrimPrefix(p, "./")
		if err != nil {
			listed = append(listed, Input{SourceFile: rel, SourceID: rel, Status: StatusFailed, Reason: "cannot read: " + err.Error()})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasPrefix(name, "."):
			listed = append(listed, Input{SourceFile: rel, SourceID: rel, Status: StatusSkipped, Reason: "hidden file"})
		case !strings.EqualFold(path.Ext(name), ".txt"):
			listed = append(listed, Input{SourceFile: rel, SourceID: rel, Status: StatusSkipped, Reason: "not a .txt file"})
		default:
			listed = append(listed, textFile(fsys, p))
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(listed, func(i, j int) bool { return listed[i].SourceFile < listed[j].SourceFile })
	for _, in := range listed {
		if err := fn(in); err != nil {
			return err
		}
	}
	return nil
}

func filepathToSlash(p string) string { return strings.ReplaceAll(p, string(os.PathSeparator), "/") }

// textFile describes a .txt input whose bytes are read on Load.
func textFile(fsys fs.FS, p string) Input {
	rel := strings.TrimPrefix(p, "./")
	return Input{SourceFile: rel, SourceID: strings.TrimSuffix(rel, path.Ext(rel)), load: func() ([]byte, error) { return fs.ReadFile(fsys, p) }}
}

// Load returns the input's bytes, reading a file on first use, and sets
// SHA256.
func (in *Input) Load() error {
	if in.load == nil {
		return nil
	}
	b, err := in.load()
	in.load = nil
	if err != nil {
		return err
	}
	in.Raw, in.SHA256 = b, hashHex(b)
	return nil
}

func hashHex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// jsonlRecord is one line of a JSON Lines input.
type jsonlRecord struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
	// textBytes is the text as parseRecordFast reads it, instead of Text
	// (nil when it did not read the record, or the record has no text)
	textBytes []byte
}

func eachJSONL(p string, fn func(Input) error) error {
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("input %s: %w", p, err)
	}
	defer f.Close()
	base := path.Base(filepathToSlash(p))
	r := bufio.NewReaderSize(f, 1<<20)
	for n := 1; ; n++ {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if ferr := fn(jsonlInput(base, n, line)); ferr != nil {
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("input %s line %d: %w", p, n, err)
		}
	}
}

func jsonlInput(base string, n int, line []byte) Input {
	in := Input{SourceFile: fmt.Sprintf("%s:%d", base, n), SHA256: hashHex(line)}
	in.SourceID = in.SourceFile
	rec, ok := parseRecordFast(line)
	if !ok {
		rec = jsonlRecord{}
		if err := json.Unmarshal(line, &rec); err != nil {
			in.Status, in.Reason = StatusFailed, "invalid JSON: "+err.Error()
			return in
		}
	}
	if id := strings.TrimSpace(string(rec.ID)); id != "" && id != "null" {
		var s string
		if json.Unmarshal(rec.ID, &s) == nil {
			in.SourceID = s
		} else {
			in.SourceID = id // a numeric id, as written
		}
	}
	switch {
	case rec.textBytes != nil:
		in.Raw = rec.textBytes
	case rec.Text != nil:
		in.Raw = []byte(*rec.Text)
	default:
		in.Status, in.Reason = StatusFailed, `no "text" field`
		return in
	}
	// parseRecordFast refuses invalid UTF-8, and encoding/json replaces it
	// with U+FFFD
	in.validUTF8 = true
	in.Title, in.Published, in.Source = rec.Title, rec.Published, rec.Source
	return in
}

// Encoding names accepted by --encoding besides "auto".
var legacyEncodings = map[string]encoding.Encoding{
	"windows-1256": charmap.Windows1256,
	"cp1256":       charmap.Windows1256,
	"iso-8859-6":   charmap.ISO8859_6,
	"utf-16le":     xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM),
	"utf-16be":     xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM),
}

// EncodingNames lists what --encoding accepts.
func EncodingNames() []string {
	out := []string{"auto", "utf-8"}
	for k := range legacyEncodings {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Decode turns the bytes of one article into clean text: a byte-order mark
// is honoured (UTF-8, UTF-16), a legacy encoding is decoded when asked for,
// line breaks become \n and the text is put in Unicode NFC so that the same
// word always has the same code points. It refuses, with a reason a person
// can act on, what is not text: empty or whitespace-only input, input over
// maxBytes, binary data, and bytes that are not valid in the encoding.
func Decode(b []byte, enc string, maxBytes int64) (string, error) {
	return decode(b, enc, maxBytes, false)
}

// decode is Decode; validUTF8 says b is known to be valid UTF-8 (it is not
// checked again: it was a few percent of a run).
func decode(b []byte, enc string, maxBytes int64, validUTF8 bool) (string, error) {
	if len(b) == 0 {
		return "", errors.New("empty: no text (an empty file, or a JSON Lines record whose text is empty)")
	}
	if maxBytes > 0 && int64(len(b)) > maxBytes {
		return "", fmt.Errorf("too large: %d bytes, over the %d-byte limit (raise --max-bytes to read it)", len(b), maxBytes)
	}
	var text string
	switch {
	case enc != "" && enc != "auto" && enc != "utf-8":
		e, ok := legacyEncodings[strings.ToLower(enc)]
		if !ok {
			return "", fmt.Errorf("unknown encoding %q (known: %s)", enc, strings.Join(EncodingNames(), ", "))
		}
		d, err := e.NewDecoder().Bytes(b)
		if err != nil {
			return "", fmt.Errorf("cannot decode as %s: %v", enc, err)
		}
		text = string(d)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", fmt.Errorf("UTF-16 with a byte-order mark, but cannot be decoded: %v", err)
		}
		text = string(d)
	default:
		b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
		if i := bytes.IndexByte(b, 0); i >= 0 {
			return "", fmt.Errorf("binary data: NUL byte at offset %d (not a text file, or UTF-16 without a byte-order mark)", i)
		}
		if !validUTF8 && !utf8.Valid(b) {
			return "", fmt.Errorf("not valid UTF-8 (first bad byte at offset %d); if it is in a legacy Arabic encoding, rerun with --encoding windows-1256 or --encoding iso-8859-6", firstInvalid(b))
		}
		text = string(b)
	}
	if strings.ContainsRune(text, 0) {
		return "", errors.New("binary data: NUL characters after decoding")
	}
	if n, total := controlRunes(text); total > 0 && n*100 > total {
		return "", fmt.Errorf("binary data: %d of %d characters are control characters", n, total)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if !nfcInert(text) {
		text = norm.NFC.String(text)
	}
	if strings.TrimSpace(text) == "" {
		return "", errors.New("empty: only whitespace")
	}
	return text, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// controlRunes counts C0/C1 control characters other than tab, line feed,
// carriage return and form feed, and the code points in all (an invalid
// byte counting as one). It reads bytes, not runes: every control
// character is either one ASCII byte or, for C1 (U+0080-U+009F), the two
// bytes C2 80-9F, and UTF-8 decoding is self-synchronising, so that pair
// is that rune wherever it occurs. Decoding each rune of every article
// was a third of what Decode cost.
func controlRunes(s string) (n, total int) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' && c != '\f' {
				n++
			}
		case c == 0x7F:
			n++
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F:
			n++
		}
	}
	return n, utf8.RuneCountInString(s)
}

// CountInputs counts the inputs Each would list, without reading them (for
// JSON Lines: the non-empty lines), so that progress can show an ETA.
func CountInputs(fsys fs.FS, root string) (int, error) {
	if fsys == nil {
		info, err := os.Stat(root)
		if err != nil {
			return 0, err
		}
		if !info.IsDir() {
			lower := strings.ToLower(root)
			if !strings.HasSuffix(lower, ".jsonl") && !strings.HasSuffix(lower, ".ndjson") {
				return 1, nil
			}
			f, err := os.Open(root)
			if err != nil {
				return 0, err
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			n := 0
			for sc.Scan() {
				if len(bytes.TrimSpace(sc.Bytes())) > 0 {
					n++
				}
			}
			return n, sc.Err()
		}
		fsys, root = os.DirFS(root), "."
	}
	n := 0
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			n++
			return nil
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		n++
		return nil
	})
	return n, err
}

// nfcInert reports whether NFC leaves s unchanged, judged by a byte scan
// that knows the runes of Arabic news: ASCII, the Arabic letters, digits and
// punctuation, the no-break space and general punctuation never change and
// never compose with a neighbour; a single haraka (064B-0652: tanwin, fatha,
// damma, kasra, shadda, sukun) after one of them is already in order. Two
// marks in a row (which NFC may reorder), maddah or hamza above or below
// (which compose with alef, waw and yeh), and any other rune send the text
// through norm.NFC. Most Arabic news passes, several times faster than the
// normaliser's own quick check. TestNFCInert checks this against x/text.
func nfcInert(s string) bool {
	prevMark := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			prevMark = false
			continue
		}
		var r rune
		size := 2
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// a two-byte rune (all of Arabic), decoded here: the decoder's
			// general path was most of this loop
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isHaraka(r):
			if prevMark || i == 0 {
				return false
			}
			prevMark = true
		case nfcInertRune(r):
			prevMark = false
		default:
			return false
		}
		i += size
	}
	return true
}

// isHaraka reports the common Arabic vowel marks, tanwin, shadda and sukun.
func isHaraka(r rune) bool { return r >= 0x064B && r <= 0x0652 }

// nfcInertRune reports runes that are NFC on their own, have combining
// class 0 and never compose with the rune before them.
func nfcInertRune(r rune) bool {
	switch {
	case r >= 0x0600 && r <= 0x060F, r >= 0x061B && r <= 0x064A, r >= 0x0660 && r <= 0x066F, r >= 0x0671 && r <= 0x06D5,
		r == 0x00A0, r == 0x00AB, r == 0x00BB, r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E:
		return true
	}
	return false
}
