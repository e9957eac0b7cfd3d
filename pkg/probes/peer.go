package probes

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// PeerLivePath is the path of another lpwatch that a peer probe reads:
// 200 while that lpwatch and its scheduler are alive.
const PeerLivePath = "/health/live"

// maxPeerBody bounds what a peer probe reads of an answer.
const maxPeerBody = 4 << 10

// peerKind probes each [[peer]]: another lpwatch's /health/live.
type peerKind struct{ deps Deps }

func newPeerKind(deps Deps) Kind { return peerKind{deps: deps} }

// Jobs returns one job per configured peer.
func (k peerKind) Jobs(cfg *config.Config) (Built, error) {
	jobs := make([]Job, 0, len(cfg.Peers))
	for _, p := range cfg.Peers {
		jobs = append(jobs, NewPeerProbe(p, k.deps.HTTPClient, k.deps.Store, k.deps.Clock).Job())
	}
	return Built{Jobs: jobs}, nil
}

// PeerProbe reads another lpwatch's /health/live into the store.
type PeerProbe struct {
	cfg    config.Peer
	url    string
	client *http.Client
	store  *observe.Store
	clock  clock.Clock
}

// NewPeerProbe builds the probe of one configured peer.
func NewPeerProbe(cfg config.Peer, client *http.Client, store *observe.Store, c clock.Clock) *PeerProbe {
	return &PeerProbe{cfg: cfg, url: strings.TrimRight(cfg.URL, "/") + PeerLivePath, client: client, store: store, clock: c}
}

// Job returns the scheduler job of this probe.
func (p *PeerProbe) Job() Job {
	return Job{Probe: "peer", Target: p.cfg.Name, Interval: p.cfg.Interval, Timeout: p.cfg.Timeout, Run: p.Run}
}

// Run asks the peer once whether it is alive and records the answer. The
// error names the peer by scheme and host only: its URL may hold a
// password.
func (p *PeerProbe) Run(ctx context.Context) error {
	o := observe.Peer{Name: p.cfg.Name, At: p.clock.Now()}
	if reason, err := p.live(ctx); err != nil {
		o.Err, o.Reason = fmt.Errorf("peer %s at %s: %w", p.cfg.Name, redact.URL(p.cfg.URL), redact.Error(err, p.cfg.URL, p.url)), reason
	}
	p.store.PutPeer(o)
	return o.Err
}

// live requests the peer's /health/live; it returns the failure's reason
// and error, or "" and nil on a 200.
func (p *PeerProbe) live(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url, nil)
	if err != nil {
		return "request", err
	}
	req.Header.Set("User-Agent", "lpwatch")
	resp, err := p.client.Do(req)
	if err != nil {
		return transportReason(ctx, err), err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxPeerBody))
	switch {
	case resp.StatusCode != http.StatusOK:
		return "http_" + strconv.Itoa(resp.StatusCode), fmt.Errorf("%s answered %d: %s", PeerLivePath, resp.StatusCode, excerpt(body))
	case err != nil:
		return transportReason(ctx, err), fmt.Errorf("read %s: %w", PeerLivePath, err)
	}
	return "", nil
}

// excerpt is the start of an answer's body, for an error message.
func excerpt(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// transportReason classifies a request that got no answer: "timeout" when
// its deadline passed, else "connection".
func transportReason(ctx context.Context, err error) string {
	var ne net.Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return "timeout"
	}
	return "connection"
}
