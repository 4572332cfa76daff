package pipeline

import (
	"sync"
	"time"
)

// Timings accumulates wall time per stage across all articles.
type Timings struct {
	mu    sync.Mutex
	total map[string]time.Duration
	order []string
}

// NewTimings returns empty timings.
func NewTimings() *Timings { return &Timings{total: map[string]time.Duration{}} }

// Start starts timing a stage; the returned function stops it.
func (t *Timings) Start(stage string) func() {
	begin := time.Now()
	return func() { t.Add(stage, time.Since(begin)) }
}

// Add records d against stage.
func (t *Timings) Add(stage string, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.total[stage]; !ok {
		t.order = append(t.order, stage)
	}
	t.total[stage] += d
}

// Stage is one stage's total time.
type Stage struct {
	Name         string  `json:"stage"`
	Milliseconds float64 `json:"ms"`
}

// Stages returns the stages in the order they first ran.
func (t *Timings) Stages() []Stage {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Stage, 0, len(t.order))
	for _, name := range t.order {
		out = append(out, Stage{Name: name, Milliseconds: float64(t.total[name].Microseconds()) / 1000})
	}
	return out
}
