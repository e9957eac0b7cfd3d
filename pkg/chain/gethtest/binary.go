// Package gethtest runs a real `geth --dev` node for lpwatch's integration
// tests: on free 127.0.0.1 ports (HTTP and WebSocket) and an IPC socket in a
// temporary directory, with the chain in memory, the Livepeer test contracts
// deployed from the prefunded developer key, a stuck-transaction helper and
// stop/kill by the PID it started.
//
// What geth 1.17 does, measured: with --dev.period 0 a block is sealed only
// when a transaction arrives, so without transactions the head stalls. A
// transaction whose fee cap is below the base fee stays pending (the pending
// nonce stays above the mined one); with period 0 geth then seals empty
// blocks in a tight loop while it waits for the transaction to become
// includable, so StuckTx requires a period of at least one second. A nonce
// gap alone never raises the pending nonce: the future transaction is only
// queued.
package gethtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Version is the geth release the tests are written against.
const Version = "v1.17.10"

// EnvBinary names the environment variable that points at a geth binary.
const EnvBinary = "LPWATCH_GETH"

// FindBinary returns $LPWATCH_GETH, or <repo>/.cache/geth-<Version>/bin/geth
// where <repo> is the nearest directory above the working directory that
// holds go.mod.
func FindBinary() (string, error) {
	if p := os.Getenv(EnvBinary); p != "" {
		if err := executable(p); err != nil {
			return "", fmt.Errorf("%s=%s: %w", EnvBinary, p, err)
		}
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find geth: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, ".cache", "geth-"+Version, "bin", "geth")
			if err := executable(p); err != nil {
				return "", fmt.Errorf("find geth: %w (build it with GOBIN=%s go install github.com/ethereum/go-ethereum/cmd/geth@%s, or set %s)",
					err, filepath.Dir(p), Version, EnvBinary)
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("find geth: no go.mod above the working directory; set %s", EnvBinary)
		}
		dir = parent
	}
}

func executable(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.IsDir() || fi.Mode()&0o111 == 0 {
		return errors.New(p + " is not an executable file")
	}
	return nil
}

// Binary returns the geth binary for t. Without one, t is skipped, except
// when CI=true, where a missing binary fails t.
func Binary(t testing.TB) string {
	t.Helper()
	p, err := FindBinary()
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("geth is required when CI=true: %v", err)
	}
	t.Skipf("skipping: %v", err)
	return ""
}
