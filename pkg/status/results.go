package status

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

// Results holds the latest check results with the time each state began,
// and the /health body encoded from them whenever what it shows changes:
// serving /health then costs no allocation and never waits. It is safe for
// concurrent use; Set and Forget are called by one goroutine at a time.
type Results struct {
	mu   sync.RWMutex
	list map[string]Check

	health atomic.Pointer[encodedHealth]
}

// encodedHealth is the encoded health report of the last change.
type encodedHealth struct {
	healthy bool
	body    []byte
}

// NewResults returns an empty result store.
func NewResults() *Results { return &Results{list: make(map[string]Check)} }

// Set stores results and returns those whose state changed (or are new).
// The /health body is encoded again when a state or a reason changed, a
// result was forgotten, or none was encoded yet; an error means it could
// not be, and the previous body is kept.
func (c *Results) Set(now time.Time, results []checks.Result) (changed []checks.Result, err error) {
	c.mu.Lock()
	shown := false
	for _, r := range results {
		k := alert.Key(r.Check, r.Target)
		prev, ok := c.list[k]
		since := now
		switch {
		case ok && prev.State == r.State:
			since = prev.Since
			shown = shown || prev.Reason != r.Reason
		default:
			changed, shown = append(changed, r), true
		}
		c.list[k] = Check{Result: r, Since: since}
	}
	if len(c.list) != len(results) {
		shown = true // results were forgotten
	}
	c.mu.Unlock()
	if shown || c.health.Load() == nil {
		err = c.encodeHealth()
	}
	return changed, err
}

// All returns the results sorted by target and check.
func (c *Results) All() []Check {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]Check, 0, len(c.list))
	for _, r := range c.list {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Target != out[j].Target {
			return out[i].Target < out[j].Target
		}
		return out[i].Check < out[j].Check
	})
	return out
}

// Forget drops the results of targets that are no longer configured (a
// removed node or data path), returns them, and encodes /health again.
func (c *Results) Forget(removed map[string]bool) ([]checks.Result, error) {
	c.mu.Lock()
	var gone []checks.Result
	for k, r := range c.list {
		if removed[r.Target] {
			gone = append(gone, r.Result)
			delete(c.list, k)
		}
	}
	c.mu.Unlock()
	return gone, c.encodeHealth()
}

// HealthJSON returns whether the health report is "ok" and its JSON body,
// as encoded at the last change.
func (c *Results) HealthJSON() (healthy bool, body []byte) {
	if h := c.health.Load(); h != nil {
		return h.healthy, h.body
	}
	return false, []byte(`{"status":"fail","checks":[]}` + "\n")
}

func (c *Results) encodeHealth() error {
	rep := Health(c.All())
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("encode health report: %w", err)
	}
	c.health.Store(&encodedHealth{healthy: rep.Status == "ok", body: append(b, '\n')})
	return nil
}
