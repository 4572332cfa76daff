package output

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Staging collects output files in a temporary folder next to the output
// folder and moves them into place only when every one was written: a run
// that fails half-way leaves the previous output untouched.
type Staging struct {
	dir, out string
	files    []string
}

// NewStaging creates the temporary folder for out.
func NewStaging(out string) (*Staging, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(out, ".staging-")
	if err != nil {
		return nil, err
	}
	return &Staging{dir: dir, out: out}, nil
}

// Create opens a staged file; name is relative to the output folder.
func (s *Staging) Create(name string) (*os.File, error) {
	s.files = append(s.files, name)
	return os.Create(filepath.Join(s.dir, name))
}

// Commit fsyncs and renames every staged file into the output folder.
// Each rename is atomic: a reader sees the old file or the new one.
func (s *Staging) Commit() error {
	sort.Strings(s.files)
	for _, name := range s.files {
		if err := syncFile(filepath.Join(s.dir, name)); err != nil {
			return err
		}
	}
	for _, name := range s.files {
		if err := os.Rename(filepath.Join(s.dir, name), filepath.Join(s.out, name)); err != nil {
			return fmt.Errorf("moving %s into place: %w", name, err)
		}
	}
	return os.RemoveAll(s.dir)
}

// Discard removes a staged file: it will not be moved into place.
func (s *Staging) Discard(name string) error {
	for i, f := range s.files {
		if f == name {
			s.files = append(s.files[:i], s.files[i+1:]...)
			return os.Remove(filepath.Join(s.dir, name))
		}
	}
	return nil
}

// Abort removes the staged files.
func (s *Staging) Abort() { os.RemoveAll(s.dir) }

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
