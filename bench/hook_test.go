package main

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// The receiver reads lpwatch's webhook payload and Alertmanager's.
func TestHookPayloads(t *testing.T) {
	h := newHook()
	defer h.close()
	start := time.Now()
	for _, body := range []string{
		`{"version":"1","status":"firing","alert":"LivepeerNodeDown","target":"n0000"}`,
		`{"version":"4","status":"resolved","alerts":[{"status":"resolved","labels":{"alertname":"RewardNotCalled","node":"n0000"}},{"status":"firing","labels":{"alertname":"RewardNotCalled","node":"n0001"}}]}`,
	} {
		resp, err := http.Post(h.URL(), "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for _, w := range []struct{ alert, target, status string }{
		{"LivepeerNodeDown", "n0000", "firing"}, {"RewardNotCalled", "n0000", "resolved"}, {"RewardNotCalled", "n0001", "firing"},
	} {
		if _, ok := h.wait(t.Context(), start, w.alert, w.target, w.status, deadline); !ok {
			t.Errorf("no %v", w)
		}
	}
	if _, ok, _ := h.find(start, "RewardNotCalled", "n0001", "resolved"); ok {
		t.Error("found an event that was not sent")
	}
	resp, err := http.Post(h.URL(), "application/json", strings.NewReader("{"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a broken payload: status %d", resp.StatusCode)
	}
}
