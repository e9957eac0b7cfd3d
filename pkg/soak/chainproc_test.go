package soak

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// The simulated chain runs in a child process (this test binary run again
// with chainEnv set), so that its ever-growing in-memory database is not
// part of the heap the soak watches: what stays is lpwatch, the fake nodes
// and the soak itself. The child serves JSON-RPC through a proxy that
// counts the calls in flight, and a small control API, and exits when its
// standard input closes.
const chainEnv = "LPWATCH_SOAK_CHAIN"

func TestMain(m *testing.M) {
	if os.Getenv(chainEnv) == "1" {
		if err := serveChain(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "soak chain:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// chainOp is one request to the chain process's control API.
type chainOp struct {
	Op    string           `json:"op"` // setup, blocknum, init, reward, busy
	N     uint64           `json:"n,omitempty"`
	Addrs []common.Address `json:"addrs,omitempty"`
}

// chainHello is the line the chain process prints once it serves.
type chainHello struct {
	RPC, Control string
	Controller   common.Address
}

// serveChain runs the chain and its control API until in closes.
func serveChain(in io.Reader, out io.Writer) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var addrs []common.Address
	if err := json.Unmarshal([]byte(os.Getenv(chainEnv+"_ADDRS")), &addrs); err != nil {
		return fmt.Errorf("accounts: %w", err)
	}
	sim, err := simchain.New(ctx, simchain.Options{HTTP: true, Fund: addrs, RoundLength: roundBlocks})
	if err != nil {
		return err
	}
	defer sim.Close()
	target, err := url.Parse(sim.URL())
	if err != nil {
		return err
	}
	proxy, err := NewServer(httputil.NewSingleHostReverseProxy(target))
	if err != nil {
		return err
	}
	defer proxy.Stop()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var op chainOp
		if err := json.NewDecoder(r.Body).Decode(&op); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if op.Op == "busy" {
			_, _ = fmt.Fprint(w, proxy.Busy())
			return
		}
		if err := doChainOp(ctx, sim, op); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	hello, _ := json.Marshal(chainHello{RPC: proxy.URL(), Control: "http://" + ln.Addr().String(), Controller: sim.Deployment().Controller})
	fmt.Fprintf(out, "%s\n", hello)
	_, _ = io.Copy(io.Discard, in)
	return nil
}

// doChainOp performs one control operation on the chain.
func doChainOp(ctx context.Context, sim *simchain.Chain, op chainOp) error {
	d := sim.Driver()
	switch op.Op {
	case "blocknum":
		head, err := sim.Client().BlockNumber(ctx)
		if err != nil {
			return err
		}
		return d.SetBlockNumOffset(ctx, int64(op.N)-int64(head+1))
	case "init":
		return d.InitializeRound(ctx)
	case "reward":
		return d.RewardFor(ctx, op.Addrs[0], big.NewInt(1e18))
	case "setup":
		stake := new(big.Int).Mul(big.NewInt(1e6), big.NewInt(1e18))
		for _, a := range op.Addrs {
			for _, err := range []error{d.SetActive(ctx, a, true), d.SetTotalStake(ctx, a, stake), d.SetLastRewardRound(ctx, a, op.N)} {
				if err != nil {
					return err
				}
			}
		}
		s, err := d.RoundState(ctx)
		if err == nil && (s.CurrentRound != op.N || !s.Initialized) {
			err = fmt.Errorf("round %d initialized %v, want round %d initialized", s.CurrentRound, s.Initialized, op.N)
		}
		return err
	}
	return fmt.Errorf("unknown op %q", op.Op)
}

// chainProc is the running chain process, from the soak's side.
type chainProc struct {
	t     *testing.T
	cmd   *exec.Cmd
	stdin io.WriteCloser
	hello chainHello
	http  *http.Client
}

// startChain runs the chain process with addrs funded.
func startChain(t *testing.T, addrs []common.Address) *chainProc {
	t.Helper()
	list, err := json.Marshal(addrs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), chainEnv+"=1", chainEnv+"_ADDRS="+string(list))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &chainProc{t: t, cmd: cmd, stdin: stdin, http: &http.Client{Timeout: waitLimit}}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err == nil {
		err = json.Unmarshal([]byte(line), &c.hello)
	}
	if err != nil {
		c.close()
		t.Fatalf("chain process: %v (%q)", err, line)
	}
	return c
}

// busy reports whether a JSON-RPC call is in flight.
func (c *chainProc) busy() bool {
	return c.do(chainOp{Op: "busy"}) == "true"
}

// do performs a control operation and returns its answer, failing the
// test on error.
func (c *chainProc) do(op chainOp) string {
	c.t.Helper()
	body, _ := json.Marshal(op)
	resp, err := c.http.Post(c.hello.Control, "application/json", bytes.NewReader(body))
	if err != nil {
		c.t.Fatalf("chain %s: %v", op.Op, err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		c.t.Fatalf("chain %s: %s", op.Op, strings.TrimSpace(string(msg)))
	}
	return string(msg)
}

// close ends the chain process (its stdin closes) and waits for it.
func (c *chainProc) close() {
	_ = c.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			c.t.Errorf("chain process: %v", err)
		}
	case <-time.After(waitLimit):
		_ = c.cmd.Process.Kill()
		<-done
		c.t.Error("the chain process did not exit")
	}
}
