package chain

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// DefaultCallTimeout bounds each call when no WithCallTimeout is given.
const DefaultCallTimeout = 5 * time.Second

// errDial marks a failure to set up the connection (classified "transport").
var errDial = errors.New("dial failed")

// Endpoint is one chain RPC endpoint (HTTP, WebSocket, IPC or in-process).
// Every call runs under the endpoint's per-call deadline. It is safe for
// concurrent use.
type Endpoint struct {
	name    string
	timeout time.Duration
	clean   func(string) string
	dial    func(ctx context.Context) (*conn, error)
	calls   atomic.Uint64

	mu   sync.Mutex
	conn *conn
}

type conn struct {
	b     Backend
	sync  ethereum.ChainSyncReader
	peers PeerCounter
	raw   RawCaller
	close func()
}

type endpointConfig struct {
	name    string
	timeout time.Duration
	client  *http.Client
}

// EndpointOption configures an Endpoint.
type EndpointOption func(*endpointConfig) error

// WithName sets the name used in errors, observations and metric labels
// (default: the URL without credentials, path or query).
func WithName(name string) EndpointOption {
	return func(c *endpointConfig) error {
		if name == "" {
			return errors.New("endpoint name is empty")
		}
		c.name = name
		return nil
	}
}

// WithCallTimeout sets the deadline of every single call (default DefaultCallTimeout).
func WithCallTimeout(d time.Duration) EndpointOption {
	return func(c *endpointConfig) error {
		if d <= 0 {
			return fmt.Errorf("call timeout %s must be positive", d)
		}
		c.timeout = d
		return nil
	}
}

// WithHTTPClient sets the HTTP client used for http(s) URLs.
func WithHTTPClient(hc *http.Client) EndpointOption {
	return func(c *endpointConfig) error {
		if hc == nil {
			return errors.New("http client is nil")
		}
		c.client = hc
		return nil
	}
}

func applyOptions(name string, opts []EndpointOption) (endpointConfig, error) {
	cfg := endpointConfig{name: name, timeout: DefaultCallTimeout}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// DialEndpoint returns an endpoint for an http(s)://, ws(s):// URL or an
// absolute IPC socket path. It checks the URL but does not connect: the
// connection is made on first use, so a node that is down at start-up is
// retried later instead of failing the caller.
func DialEndpoint(rawURL string, opts ...EndpointOption) (*Endpoint, error) {
	name, clean, err := describeURL(rawURL)
	if err != nil {
		return nil, err
	}
	cfg, err := applyOptions(name, opts)
	if err != nil {
		return nil, fmt.Errorf("endpoint %s: %w", name, err)
	}
	var dialOpts []rpc.ClientOption
	if cfg.client != nil {
		dialOpts = append(dialOpts, rpc.WithHTTPClient(cfg.client))
	}
	e := &Endpoint{name: cfg.name, timeout: cfg.timeout, clean: clean}
	e.dial = func(ctx context.Context) (*conn, error) {
		rc, err := rpc.DialOptions(ctx, rawURL, dialOpts...)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", errDial, err)
		}
		ec := ethclient.NewClient(rc)
		return &conn{b: ec, sync: ec, peers: ec, raw: rc, close: rc.Close}, nil
	}
	return e, nil
}

// NewEndpoint wraps an existing backend, for example the simulated
// backend's Client(). Sync status, peer count and the raw head read are used
// when the backend's concrete type provides them.
func NewEndpoint(name string, b Backend, opts ...EndpointOption) (*Endpoint, error) {
	if b == nil {
		return nil, errors.New("endpoint backend is nil")
	}
	if name == "" {
		return nil, errors.New("endpoint name is empty")
	}
	cfg, err := applyOptions(name, opts)
	if err != nil {
		return nil, fmt.Errorf("endpoint %s: %w", name, err)
	}
	c := &conn{b: b, close: func() {}}
	c.sync, _ = b.(ethereum.ChainSyncReader)
	c.peers, _ = b.(PeerCounter)
	if rp, ok := b.(interface{ Client() *rpc.Client }); ok && rp.Client() != nil {
		c.raw = rp.Client()
	}
	return &Endpoint{
		name:    cfg.name,
		timeout: cfg.timeout,
		clean:   func(s string) string { return s },
		dial:    func(context.Context) (*conn, error) { return c, nil },
	}, nil
}

// Name returns the endpoint's name (never containing credentials).
func (e *Endpoint) Name() string { return e.name }

// Calls returns the number of calls made through the endpoint so far.
func (e *Endpoint) Calls() uint64 { return e.calls.Load() }

// Close closes the connection, if one was made. A later call reconnects.
func (e *Endpoint) Close() {
	e.mu.Lock()
	c := e.conn
	e.conn = nil
	e.mu.Unlock()
	if c != nil {
		c.close()
	}
}

func (e *Endpoint) connect(ctx context.Context) (*conn, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.conn != nil {
		return e.conn, nil
	}
	c, err := e.dial(ctx)
	if err != nil {
		return nil, err
	}
	e.conn = c
	return c, nil
}

// do runs one call under the per-call deadline, counts it and wraps its error.
func (e *Endpoint) do(ctx context.Context, method string, f func(ctx context.Context, c *conn) error) error {
	e.calls.Add(1)
	countCall(ctx)
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	c, err := e.connect(ctx)
	if err == nil {
		err = f(ctx, c)
	}
	if err == nil {
		return nil
	}
	return &CallError{Endpoint: e.name, Method: method, msg: e.clean(err.Error()), err: err}
}

type counterKey struct{}

// withCallCounter returns a context under which every endpoint call adds one to n.
func withCallCounter(ctx context.Context, n *atomic.Int64) context.Context {
	return context.WithValue(ctx, counterKey{}, n)
}

func countCall(ctx context.Context) {
	if n, ok := ctx.Value(counterKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
}
