package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progress reports a long run on stderr: a bar with rate on a terminal,
// a plain line every few seconds otherwise (CI logs), nothing on stdout.
type progress struct {
	mode  string // bar, log or none
	total int    // inputs in all, 0 when unknown
	w     io.Writer
	start time.Time
	mu    sync.Mutex
	last  time.Time
}

func newProgress(mode string, w io.Writer, total int) *progress {
	if mode == "auto" {
		mode = "log"
		if f, ok := w.(*os.File); ok {
			if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
				mode = "bar"
			}
		}
	}
	return &progress{mode: mode, w: w, start: time.Now(), total: total}
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
	// Nothing for short runs; then one update per interval, and the last.
	if now.Sub(p.start) < every || (now.Sub(p.last) < every && (done != p.total || p.last.IsZero())) {
		return
	}
	p.last = now
	secs := now.Sub(p.start).Seconds()
	rate, mbs := float64(done)/secs, float64(bytes)/1e6/secs
	of, eta := "", ""
	if p.total > 0 {
		of = fmt.Sprintf("/%d", p.total)
		if rate > 0 {
			eta = ", ETA " + (time.Duration(float64(p.total-done)/rate) * time.Second).Round(time.Second).String()
		}
	}
	switch p.mode {
	case "bar":
		width := 30
		filled := 0
		if p.total > 0 {
			filled = width * done / p.total
		}
		bar := strings.Repeat("█", filled) + strings.Repeat("·", width-filled)
		fmt.Fprintf(p.w, "\r\033[K%s %d%s inputs, %.0f/s, %.2f MB/s%s", bar, done, of, rate, mbs, eta)
		if done == p.total {
			fmt.Fprintln(p.w)
		}
	default:
		fmt.Fprintf(p.w, "khabar: progress: %d%s inputs, %.1f MB, %.0f inputs/s, %.2f MB/s, %s elapsed%s\n", done, of, float64(bytes)/1e6, rate, mbs, now.Sub(p.start).Round(time.Second), eta)
	}
}
