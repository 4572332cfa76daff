package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
)

// Fingerprint identifies the built-in word lists plus the files of the same
// names in extraDir (if any): incremental runs key their cache on it.
func Fingerprint(extraDir string) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(builtin, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(builtin, p)
		h.Write([]byte(p))
		h.Write(b)
		if err == nil && extraDir != "" {
			if ub, uerr := os.ReadFile(filepath.Join(extraDir, filepath.Base(p))); uerr == nil {
				h.Write([]byte("user:" + p))
				h.Write(ub)
			}
		}
		return err
	})
	return hex.EncodeToString(h.Sum(nil)), err
}
