package httpsink

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func TestScrubberError(t *testing.T) {
	const raw = "https://user:pa55word@hooks.example/services/T0/B0/abcdefghijklmnop?token=zzzz"
	s := NewScrubber([]string{raw}, "routing-key-0123")
	ue := &url.Error{Op: "Post", URL: raw, Err: context.DeadlineExceeded}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"url error", ue, "Post https://hooks.example: context deadline exceeded"},
		{"wrapped url error", fmt.Errorf("send: %w", ue), "Post https://hooks.example: context deadline exceeded"},
		{"plain error with secrets", errors.New("bad key routing-key-0123 for " + raw), "bad key [redacted] for [redacted]"},
		{"path segment", errors.New("unknown hook abcdefghijklmnop"), "unknown hook [redacted]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := s.Error(tc.err)
			if got.Error() != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if errors.Is(tc.err, context.DeadlineExceeded) != errors.Is(got, context.DeadlineExceeded) {
				t.Errorf("errors.Is(DeadlineExceeded) changed by scrubbing")
			}
			for _, secret := range []string{"pa55word", "abcdefghijklmnop", "routing-key-0123", "token=zzzz"} {
				for e := got; e != nil; e = errors.Unwrap(e) {
					if strings.Contains(e.Error(), secret) {
						t.Errorf("%q leaks %q", e.Error(), secret)
					}
				}
			}
		})
	}
	if s.Error(nil) != nil {
		t.Error("Error(nil) is not nil")
	}
}

func TestScrubberExcerpt(t *testing.T) {
	const key = "0123456789abcdef0123456789abcdef"
	s := NewScrubber(nil, key)
	tests := []struct {
		name string
		body string
		max  int
		want string
	}{
		{"whole secret", "bad key " + key + " here", 100, "bad key [redacted] here"},
		{"cut secret at end", "bad key " + key[:20], 100, "bad key [redacted]"},
		{"folds lines", "a\n\n  b\tc", 100, "a b c"},
		{"long", strings.Repeat("é", 10), 5, "éé…"},
	}
	for _, tc := range tests {
		if got := s.Excerpt([]byte(tc.body), tc.max); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
