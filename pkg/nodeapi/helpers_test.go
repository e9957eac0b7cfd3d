package nodeapi_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// guard bounds every call in these tests; reaching it means a hang.
const guard = 20 * time.Second

// startFake serves a fake node of gen and returns it with a client for it.
func startFake(t *testing.T, gen nodeapi.Generation, opts nodeapi.Options, fopts ...fakenode.Option) (*fakenode.Node, *nodeapi.Client) {
	t.Helper()
	n := fakenode.New(gen, fopts...)
	url, err := n.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(n.Close)
	c, err := nodeapi.New(url, opts)
	if err != nil {
		t.Fatal(err)
	}
	return n, c
}

func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), guard)
	t.Cleanup(cancel)
	return ctx
}

// wantError checks that err holds an *Error for path with reason.
func wantError(t *testing.T, err error, path, reason string) {
	t.Helper()
	var e *nodeapi.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) holds no *nodeapi.Error", err, err)
	}
	if e.Path != path || e.Reason != reason {
		t.Fatalf("error for %s with reason %q (%v), want %s with %q", e.Path, e.Reason, err, path, reason)
	}
}
