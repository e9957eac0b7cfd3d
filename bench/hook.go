package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// event is one notification a receiver accepted.
type event struct {
	at                    time.Time
	alert, target, status string
}

// hook is a webhook receiver on 127.0.0.1 that accepts lpwatch's webhook
// payload (docs/webhook.md) and Alertmanager's webhook payload (one post,
// several alerts, the target in the "node" label) and records every
// notification with the time it was accepted.
type hook struct {
	srv     *httptest.Server
	mu      sync.Mutex
	events  []event
	changed chan struct{} // closed and replaced at each event
}

func newHook() *hook {
	h := &hook{changed: make(chan struct{})}
	h.srv = httptest.NewServer(http.HandlerFunc(h.serve))
	return h
}

func (h *hook) URL() string { return h.srv.URL }

func (h *hook) close() { h.srv.Close() }

// payload holds the fields of both formats that the bench reads.
type payload struct {
	Status string `json:"status"`
	Alert  string `json:"alert"`
	Target string `json:"target"`
	Alerts []struct {
		Status string            `json:"status"`
		Labels map[string]string `json:"labels"`
	} `json:"alerts"`
}

func (h *hook) serve(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	now := time.Now()
	var p payload
	if err != nil || json.Unmarshal(b, &p) != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	var evs []event
	if len(p.Alerts) > 0 {
		for _, a := range p.Alerts {
			evs = append(evs, event{at: now, alert: a.Labels["alertname"], target: a.Labels["node"], status: a.Status})
		}
	} else {
		evs = append(evs, event{at: now, alert: p.Alert, target: p.Target, status: p.Status})
	}
	h.mu.Lock()
	h.events = append(h.events, evs...)
	close(h.changed)
	h.changed = make(chan struct{})
	h.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// find returns the first event after t that is about alert and target
// with status.
func (h *hook) find(after time.Time, alert, target, status string) (event, bool, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, e := range h.events {
		if !e.at.Before(after) && e.alert == alert && e.target == target && e.status == status {
			return e, true, h.changed
		}
	}
	return event{}, false, h.changed
}

// wait waits until such an event arrives, ctx ends or until passes.
func (h *hook) wait(ctx context.Context, after time.Time, alert, target, status string, until time.Time) (event, bool) {
	t := time.NewTimer(time.Until(until))
	defer t.Stop()
	for {
		e, ok, changed := h.find(after, alert, target, status)
		if ok {
			return e, true
		}
		select {
		case <-ctx.Done():
			return event{}, false
		case <-t.C:
			return event{}, false
		case <-changed:
		}
	}
}
