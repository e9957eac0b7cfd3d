package clock

import (
	"sort"
	"sync"
	"time"
)

// Fake is a manually driven clock for tests. Timers and tickers fire only
// when Advance moves the time past their deadline.
type Fake struct {
	mu      sync.Mutex
	now     time.Time
	waiters []*fakeWaiter
	changed chan struct{}
}

type fakeWaiter struct {
	at     time.Time
	period time.Duration // 0 for a timer
	ch     chan time.Time
	active bool
}

// NewFake returns a fake clock set to start.
func NewFake(start time.Time) *Fake {
	return &Fake{now: start, changed: make(chan struct{})}
}

// Now implements Clock.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// NewTimer implements Clock.
func (f *Fake) NewTimer(d time.Duration) Timer {
	f.mu.Lock()
	defer f.mu.Unlock()
	w := &fakeWaiter{at: f.now.Add(d), ch: make(chan time.Time, 1), active: true}
	f.add(w)
	return &fakeTimer{f: f, w: w}
}

// NewTicker implements Clock.
func (f *Fake) NewTicker(d time.Duration) Ticker {
	if d <= 0 {
		panic("clock: non-positive ticker interval")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	w := &fakeWaiter{at: f.now.Add(d), period: d, ch: make(chan time.Time, 1), active: true}
	f.add(w)
	return &fakeTicker{f: f, w: w}
}

func (f *Fake) add(w *fakeWaiter) {
	f.waiters = append(f.waiters, w)
	close(f.changed)
	f.changed = make(chan struct{})
}

// Waiters returns how many timers and tickers are active.
func (f *Fake) Waiters() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, w := range f.waiters {
		if w.active {
			n++
		}
	}
	return n
}

// BlockUntil waits until at least n timers or tickers are active, or done is closed.
// It lets a test make sure a goroutine is parked on the clock before advancing it.
func (f *Fake) BlockUntil(done <-chan struct{}, n int) bool {
	for {
		f.mu.Lock()
		count := 0
		for _, w := range f.waiters {
			if w.active {
				count++
			}
		}
		ch := f.changed
		f.mu.Unlock()
		if count >= n {
			return true
		}
		select {
		case <-ch:
		case <-done:
			return false
		}
	}
}

// Set moves the clock to t (forward only) firing due timers in order.
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	d := t.Sub(f.now)
	f.mu.Unlock()
	if d > 0 {
		f.Advance(d)
	}
}

// Advance moves the clock forward by d, firing every timer and ticker that
// comes due, in deadline order. A ticker that is not read drops ticks, as
// time.Ticker does.
func (f *Fake) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	end := f.now.Add(d)
	for {
		var due []*fakeWaiter
		for _, w := range f.waiters {
			if w.active && !w.at.After(end) {
				due = append(due, w)
			}
		}
		if len(due) == 0 {
			break
		}
		sort.Slice(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
		w := due[0]
		if w.at.After(f.now) {
			f.now = w.at
		}
		select {
		case w.ch <- w.at:
		default:
		}
		if w.period > 0 {
			w.at = w.at.Add(w.period)
		} else {
			w.active = false
		}
	}
	f.now = end
	f.compact()
	close(f.changed)
	f.changed = make(chan struct{})
}

func (f *Fake) compact() {
	live := f.waiters[:0]
	for _, w := range f.waiters {
		if w.active {
			live = append(live, w)
		}
	}
	for i := len(live); i < len(f.waiters); i++ {
		f.waiters[i] = nil
	}
	f.waiters = live
}

type fakeTimer struct {
	f *Fake
	w *fakeWaiter
}

func (t *fakeTimer) C() <-chan time.Time { return t.w.ch }

func (t *fakeTimer) Stop() bool {
	t.f.mu.Lock()
	defer t.f.mu.Unlock()
	was := t.w.active
	t.w.active = false
	t.f.compact()
	return was
}

func (t *fakeTimer) Reset(d time.Duration) bool {
	t.f.mu.Lock()
	defer t.f.mu.Unlock()
	was := t.w.active
	t.w.at = t.f.now.Add(d)
	if !was {
		t.w.active = true
		t.f.add(t.w)
	}
	return was
}

type fakeTicker struct {
	f *Fake
	w *fakeWaiter
}

func (t *fakeTicker) C() <-chan time.Time { return t.w.ch }

func (t *fakeTicker) Stop() {
	t.f.mu.Lock()
	defer t.f.mu.Unlock()
	t.w.active = false
	t.f.compact()
}
