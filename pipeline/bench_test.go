package pipeline

import (
	"io/fs"
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/raw"
	"github.com/khabar-data/khabar/textdoc"
)

func seedBytes(b *testing.B) int64 {
	var n int64
	err := fs.WalkDir(raw.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			n += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkRunSeeds measures the whole pipeline short of writing files
// (ingest → clean → segment → tokenise → extract → validate) on the seed
// articles; MB/s is of raw input.
func BenchmarkRunSeeds(b *testing.B) {
	res := resources.Default()
	b.SetBytes(seedBytes(b))
	for b.Loop() {
		if _, err := Run(Config{InFS: raw.FS, In: ".", Resources: res}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStages measures segmentation, tokenisation and each extractor
// alone on the cleaned seed texts.
func BenchmarkStages(b *testing.B) {
	res := resources.Default()
	out, err := Run(Config{InFS: raw.FS, In: ".", Resources: res})
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var size int64
	for _, a := range out.Rows["articles"] {
		texts = append(texts, a.String("text"))
		size += int64(len(a.String("text")))
	}
	docs := make([]*textdoc.Document, len(texts))
	for i, t := range texts {
		docs[i] = textdoc.New(t, time.Time{})
	}
	b.Run("segment", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, t := range texts {
				textdoc.Segment(t)
			}
		}
	})
	b.Run("tokenize", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, t := range texts {
				textdoc.Tokenize(t, textdoc.Segment(t))
			}
		}
	})
	for _, ex := range extractors.Registry(res) {
		b.Run("extract-"+ex.Table().Name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, d := range docs {
					ex.Extract(d.Fresh()) // no memoised scans from the last run
				}
			}
		})
	}
}
