package soak

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
)

// note is what the soak reads of one webhook notification.
type note struct {
	ID     string `json:"id"`
	Alert  string `json:"alert"`
	Target string `json:"target"`
	Status string `json:"status"`
	Seq    uint64 `json:"seq"`
	// Description says why, for failure messages.
	Description string `json:"description"`
}

// receiver is the webhook sink: it accepts everything and remembers it.
type receiver struct {
	mu  sync.Mutex
	got []note
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	var n note
	body, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	if err == nil {
		err = json.Unmarshal(body, &n)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	r.mu.Lock()
	r.got = append(r.got, n)
	r.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

func (r *receiver) notes() []note {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]note(nil), r.got...)
}

// counts returns the notifications per "alert/status".
func (r *receiver) counts() map[string]int {
	out := map[string]int{}
	for _, n := range r.notes() {
		out[n.Alert+"/"+n.Status]++
	}
	return out
}

// checkLedger checks that every notification arrived once, that per alert
// identity sequence numbers only grow, and that each identity's last
// notification is its resolve.
func checkLedger(t *testing.T, notes []note) {
	t.Helper()
	seen := map[string]bool{}
	last := map[string]note{}
	for _, n := range notes {
		if seen[n.ID] {
			t.Errorf("notification %s (%s/%s %s) arrived twice", n.ID, n.Alert, n.Target, n.Status)
		}
		seen[n.ID] = true
		k := n.Alert + "/" + n.Target
		if p, ok := last[k]; ok && n.Seq <= p.Seq {
			t.Errorf("%s out of order: seq %d after %d", k, n.Seq, p.Seq)
		}
		if p, ok := last[k]; (!ok || p.Status == "resolved") && n.Status == "resolved" {
			t.Errorf("%s resolved without a trigger before it", k)
		}
		last[k] = n
	}
	for k, n := range last {
		if n.Status != "resolved" {
			t.Errorf("%s ended the soak %s", k, n.Status)
		}
	}
}

// diff describes the differences between two count maps.
func diff(got, want map[string]int) string {
	var out string
	for k, v := range want {
		if got[k] != v {
			out += fmt.Sprintf(" %s: got %d, want %d;", k, got[k], v)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			out += fmt.Sprintf(" %s: got %d, want none;", k, v)
		}
	}
	return out
}
