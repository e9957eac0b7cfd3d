package fakenode_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// postReward POSTs /reward on its own goroutine and returns a channel that
// receives the answer's status (or the error), once the request is held.
func postReward(t *testing.T, ctx context.Context, n *fakenode.Node, held int) <-chan answerOrErr {
	t.Helper()
	done := make(chan answerOrErr, 1)
	go func() {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.URL()+nodeapi.PathReward, nil)
		if err != nil {
			done <- answerOrErr{err: err}
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- answerOrErr{err: err}
			return
		}
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- answerOrErr{status: resp.StatusCode, err: err}
	}()
	wait, cancel := context.WithTimeout(t.Context(), guard)
	defer cancel()
	if err := n.WaitForHeldRewards(wait, held); err != nil {
		t.Fatalf("the reward request was not held: %v", err)
	}
	return done
}

type answerOrErr struct {
	status int
	err    error
}

func receive(t *testing.T, ch <-chan answerOrErr) answerOrErr {
	t.Helper()
	var a answerOrErr
	within(t, "the reward request", func() { a = <-ch })
	return a
}

func TestRewardHeldUntilReleased(t *testing.T) {
	for _, gen := range []nodeapi.Generation{nodeapi.Current, nodeapi.Legacy} {
		t.Run(string(gen), func(t *testing.T) {
			n := start(t, gen)
			n.SetRound(4254, true)
			n.HoldRewards()
			held := postReward(t, t.Context(), n, 1)
			// While the transaction "is being mined" the node answers reads.
			if a := get(t, n, "/ethAddr"); a.status != http.StatusOK {
				t.Fatalf("/ethAddr answered %d while a reward was held", a.status)
			}
			if got := n.LastRewardRound().Int64(); got != 4253 {
				t.Fatalf("a held reward already changed LastRewardRound to %d", got)
			}
			n.ReleaseRewards()
			if a := receive(t, held); a.err != nil || a.status != http.StatusOK {
				t.Fatalf("after the release: %+v, want 200", a)
			}
			if got := n.LastRewardRound().Int64(); got != 4254 {
				t.Fatalf("LastRewardRound %d after the release, want 4254", got)
			}
			if got := n.HeldRewards(); got != 0 {
				t.Fatalf("%d rewards still held", got)
			}
			// Released for good: the next call answers at once.
			n.SetRound(4255, true)
			if a := do(t, http.MethodPost, n.URL()+nodeapi.PathReward); a.status != http.StatusOK {
				t.Fatalf("after the release /reward answered %d", a.status)
			}
		})
	}
}

func TestRewardHoldMinedByHandler(t *testing.T) {
	// A handler blocks like a node waiting for its receipt: the "chain"
	// mines when the test says so.
	n := start(t, nodeapi.Current)
	mined := make(chan error, 1)
	entered := make(chan struct{})
	n.SetRewardHandler(func(ctx context.Context) error {
		close(entered)
		select {
		case err := <-mined:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	done := postReward(t, t.Context(), n, 0)
	within(t, "the handler", func() { <-entered })
	mined <- errors.New("transaction failed txHash=0x01")
	if a := receive(t, done); a.err != nil || a.status != http.StatusInternalServerError {
		t.Fatalf("answer %+v, want the node's 500", a)
	}
}

func TestRewardHoldEnds(t *testing.T) {
	t.Run("client gives up", func(t *testing.T) {
		n := start(t, nodeapi.Current)
		n.SetRound(4254, true)
		n.HoldRewards()
		ctx, cancel := context.WithCancel(t.Context())
		done := postReward(t, ctx, n, 1)
		cancel()
		if a := receive(t, done); !errors.Is(a.err, context.Canceled) {
			t.Fatalf("request ended with %+v, want context.Canceled", a)
		}
		wait, stop := context.WithTimeout(t.Context(), guard)
		defer stop()
		if err := n.WaitForHeldRewards(wait, 0); err != nil {
			t.Fatalf("the abandoned request is still held: %v", err)
		}
		n.ReleaseRewards()
		if got := n.LastRewardRound().Int64(); got != 4253 {
			t.Fatalf("an abandoned reward changed LastRewardRound to %d", got)
		}
	})
	t.Run("node closes", func(t *testing.T) {
		n := start(t, nodeapi.Current)
		n.HoldRewards()
		done := postReward(t, t.Context(), n, 1)
		within(t, "Close with a held reward", n.Close)
		// The closed server drops the connection, or the 503 gets out first.
		if a := receive(t, done); a.err == nil && a.status != http.StatusServiceUnavailable {
			t.Fatalf("answer %+v, want 503 or a dropped connection", a)
		}
	})
}
