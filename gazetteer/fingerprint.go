package gazetteer

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
)

// Fingerprint identifies the built-in data plus the given extra files: two
// runs with the same fingerprint match the same forms. Incremental runs key
// their cache on it.
func Fingerprint(extra ...string) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(builtin, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(builtin, p)
		h.Write([]byte(p))
		h.Write(b)
		return err
	})
	if err != nil {
		return "", err
	}
	for _, p := range extra {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		h.Write([]byte(p))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
