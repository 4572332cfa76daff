package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress reports a long run on stderr: a bar with rate on a terminal,
// a plain line every few seconds otherwise (CI logs), nothing on stdout.
type progress struct {
	mode  string // bar, log or none
	w     io.Writer
	start time.Time
	mu    sync.Mutex
	last  time.Time
}

func newProgress(mode string, w io.Writer) *progress {
	if mode == "auto" {
		mode = "log"
		if f, ok := w.(*os.File); ok {
			if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
				mode = "bar"
			}
		}
	}
	return &progress{mode: mode, w: w, start: time.Now()}
}

func (p *progress) update(done int, bytes int64) {
	if p.mode == "none" {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	every := 10 * time.Second
	if p.mode == "bar" {
		every = 200 * time.Millisecond
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	secs := now.Sub(p.start).Seconds()
	rate, mbs := float64(done)/secs, float64(bytes)/1e6/secs
	switch p.mode {
	case "bar":
		fmt.Fprintf(p.w, "\r\033[Kkhabar: %d articles, %.1f MB  %.0f articles/s  %.2f MB/s", done, float64(bytes)/1e6, rate, mbs)
	default:
		fmt.Fprintf(p.w, "khabar: progress: %d inputs, %.1f MB, %.0f inputs/s, %.2f MB/s, %s elapsed\n", done, float64(bytes)/1e6, rate, mbs, now.Sub(p.start).Round(time.Second))
	}
}
