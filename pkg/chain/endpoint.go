package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
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
	log     logrus.FieldLogger
	// calls, trips and bytes count the calls, the round trips and the
	// JSON bytes of their parameters and results.
	calls, trips, bytes atomic.Uint64
	// batchSize is the most requests per batch; it halves when the
	// server refuses a batch as too large.
	batchSize     atomic.Int64
	multicallSize int
	multicall     *contracts.Multicall3

	mu   sync.Mutex
	conn *conn
	// mc is what is known of Multicall3 on this endpoint.
	mc multicallState
}

// multicallState is whether the endpoint's chain has Multicall3, as read at.
type multicallState struct {
	known, present bool
	at             time.Time
}

type conn struct {
	b     Backend
	sync  ethereum.ChainSyncReader
	peers PeerCounter
	raw   RawCaller
	close func()
}

type endpointConfig struct {
	name          string
	timeout       time.Duration
	client        *http.Client
	batchSize     int
	multicallSize int
	log           logrus.FieldLogger
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

// WithBatchSize sets the most requests one JSON-RPC batch carries
// (default DefaultBatchSize); 1 sends every request alone.
func WithBatchSize(n int) EndpointOption {
	return func(c *endpointConfig) error {
		if n < 1 {
			return fmt.Errorf("batch size %d must be at least 1", n)
		}
		c.batchSize = n
		return nil
	}
}

// WithMulticallSize sets the most contract reads one Multicall3
// aggregate3 call carries (default DefaultMulticallSize).
func WithMulticallSize(n int) EndpointOption {
	return func(c *endpointConfig) error {
		if n < 1 {
			return fmt.Errorf("multicall size %d must be at least 1", n)
		}
		c.multicallSize = n
		return nil
	}
}

// WithLogger sets the logger of the endpoint's warnings (default: discarded).
func WithLogger(l logrus.FieldLogger) EndpointOption {
	return func(c *endpointConfig) error {
		if l == nil {
			return errors.New("logger is nil")
		}
		c.log = l
		return nil
	}
}

func applyOptions(name string, opts []EndpointOption) (endpointConfig, error) {
	cfg := endpointConfig{name: name, timeout: DefaultCallTimeout, batchSize: DefaultBatchSize, multicallSize: DefaultMulticallSize}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return cfg, err
		}
	}
	if cfg.log == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		cfg.log = l
	}
	return cfg, nil
}

// newEndpoint returns an endpoint of cfg that connects with dial.
func newEndpoint(cfg endpointConfig, clean func(string) string, dial func(ctx context.Context) (*conn, error)) *Endpoint {
	e := &Endpoint{name: cfg.name, timeout: cfg.timeout, clean: clean, dial: dial, log: cfg.log,
		multicallSize: cfg.multicallSize, multicall: contracts.NewMulticall3()}
	e.batchSize.Store(int64(cfg.batchSize))
	return e
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
	return newEndpoint(cfg, clean, func(ctx context.Context) (*conn, error) {
		rc, err := rpc.DialOptions(ctx, rawURL, dialOpts...)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", errDial, err)
		}
		ec := ethclient.NewClient(rc)
		return &conn{b: ec, sync: ec, peers: ec, raw: rc, close: rc.Close}, nil
	}), nil
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
	return newEndpoint(cfg, func(s string) string { return s }, func(context.Context) (*conn, error) { return c, nil }), nil
}

// Name returns the endpoint's name (never containing credentials).
func (e *Endpoint) Name() string { return e.name }

// Calls returns the number of calls made through the endpoint so far.
func (e *Endpoint) Calls() uint64 { return e.calls.Load() }

// RoundTrips returns the number of requests sent so far (a batch, or a
// single call), each one round trip to the endpoint.
func (e *Endpoint) RoundTrips() uint64 { return e.trips.Load() }

// Bytes returns the JSON bytes of the parameters sent and the results
// received so far (0 for a backend read without JSON-RPC).
func (e *Endpoint) Bytes() uint64 { return e.bytes.Load() }

// Multicall reports whether the endpoint's chain has Multicall3 at
// Multicall3Address; known is false until it has been read.
func (e *Endpoint) Multicall() (present, known bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.mc.present, e.mc.known
}

// multicallFresh returns what is known of Multicall3, if read within refresh of now.
func (e *Endpoint) multicallFresh(now time.Time, refresh time.Duration) (present, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.mc.known || now.Sub(e.mc.at) >= refresh || now.Before(e.mc.at) {
		return false, false
	}
	return e.mc.present, true
}

func (e *Endpoint) setMulticall(present bool, now time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.mc = multicallState{known: true, present: present, at: now}
}

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
