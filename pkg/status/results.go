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
	// frags are the /health entries of list, each encoded when it changed,
	// and order their keys in /health order (target, then check); nil
	// when a result came or went.
	frags map[string][]byte
	order []string

	health atomic.Pointer[encodedHealth]
}

// encodedHealth is the encoded health report of the last change.
type encodedHealth struct {
	healthy bool
	body    []byte
}

// NewResults returns an empty result store.
func NewResults() *Results {
	return &Results{list: make(map[string]Check), frags: make(map[string][]byte)}
}

// Set stores results and returns those whose state changed (or are new).
// The /health body is encoded again when a state or a reason changed, a
// result was forgotten, or none was encoded yet; an error means it could
// not be, and the previous body is kept.
func (c *Results) Set(now time.Time, results []checks.Result) (changed []checks.Result, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	shown := false
	for _, r := range results {
		k := alert.Key(r.Check, r.Target)
		prev, ok := c.list[k]
		since := now
		switch {
		case ok && prev.State == r.State:
			since = prev.Since
			if prev.Reason != r.Reason {
				shown = true
				delete(c.frags, k)
			}
		default:
			changed, shown = append(changed, r), true
			delete(c.frags, k)
			if !ok {
				c.order = nil
			}
		}
		c.list[k] = Check{Result: r, Since: since}
	}
	if len(c.list) != len(results) {
		shown = true // results were forgotten
	}
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
	defer c.mu.Unlock()
	var gone []checks.Result
	for k, r := range c.list {
		if removed[r.Target] {
			gone = append(gone, r.Result)
			delete(c.list, k)
			delete(c.frags, k)
			c.order = nil
		}
	}
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

// encodeHealth encodes the /health body of the results, as
// json.MarshalIndent(Health(c.All()), "", "  ") would, from the entries
// encoded at their last change: with a thousand nodes only the few that
// changed are encoded again. c.mu is held.
func (c *Results) encodeHealth() error {
	if c.order == nil {
		c.order = make([]string, 0, len(c.list))
		for k := range c.list {
			c.order = append(c.order, k)
		}
		sort.Slice(c.order, func(i, j int) bool {
			a, b := c.list[c.order[i]], c.list[c.order[j]]
			if a.Target != b.Target {
				return a.Target < b.Target
			}
			return a.Check < b.Check
		})
	}
	healthy, relevant, size := true, 0, 0
	for _, k := range c.order {
		r := c.list[k]
		h := checks.HealthRelevant(r.Check)
		if h {
			relevant++
			healthy = healthy && r.State != checks.Critical && r.State != checks.Unknown
		}
		if c.frags[k] == nil {
			b, err := json.MarshalIndent(healthCheck(r, h), healthIndent+healthIndent, healthIndent)
			if err != nil {
				return fmt.Errorf("encode health report: %w", err)
			}
			c.frags[k] = b
		}
		size += len(c.frags[k]) + 8
	}
	healthy = healthy && relevant > 0 // nothing evaluated yet is a failure
	status := "fail"
	if healthy {
		status = "ok"
	}
	b := make([]byte, 0, size+64)
	b = append(b, "{\n"+healthIndent+`"status": "`+status+`",`+"\n"+healthIndent+`"checks": [`...)
	for i, k := range c.order {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n"+healthIndent+healthIndent...)
		b = append(b, c.frags[k]...)
	}
	if len(c.order) > 0 {
		b = append(b, "\n"+healthIndent...)
	}
	b = append(b, "]\n}\n"...)
	c.health.Store(&encodedHealth{healthy: healthy, body: b})
	return nil
}

// healthIndent is the indentation of the /health body.
const healthIndent = "  "
