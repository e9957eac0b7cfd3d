package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/redact"
)

// live asks the daemon's /health/live: nil while its process and scheduler
// are alive. It is what a container HEALTHCHECK runs (lpwatch status
// -live), since the image has no shell or curl.
func (a daemonAPI) live(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	target := strings.TrimRight(a.addr, "/") + "/health/live"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fmt.Errorf("bad address %s: %w", redact.URL(a.addr), redact.Error(err, target, a.addr))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("is lpwatch running at %s? %w", redact.URL(a.addr), redact.Error(err, target, a.addr))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not live: %s %s", resp.Status, strings.TrimSpace(string(body)))
	}
	return nil
}
