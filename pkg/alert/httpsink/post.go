package httpsink

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// DefaultTimeout bounds one HTTP attempt of a sink when its config sets none.
const DefaultTimeout = 10 * time.Second

// maxExcerpt is how much of a response body goes into an error.
const maxExcerpt = 512

// maxHead is how much of an error body is read and scrubbed before it is
// cut to maxExcerpt, so that a secret is scrubbed whole.
const maxHead = 8 << 10

// maxDrain is how much of a response body is read (and discarded) so the
// connection can be reused; a larger body makes the connection close.
const maxDrain = 64 << 10

// errTimeout is the cause of a request that ran past the sink's timeout.
var errTimeout = errors.New("sink timeout exceeded")

// Endpoint describes where and how a Poster sends.
type Endpoint struct {
	// URL is the full request URL (it may be a secret: Slack).
	URL string
	// Timeout bounds each request; 0 means DefaultTimeout.
	Timeout time.Duration
	// Header holds extra request headers, such as Authorization.
	Header http.Header
	// Secrets are further strings that must never appear in an error
	// (routing keys, passwords, tokens).
	Secrets []string
}

// Poster sends JSON documents to one HTTP endpoint and turns the outcome
// into nil or an *alert.DeliveryError. It is safe for concurrent use.
type Poster struct {
	client  *http.Client
	clock   clock.Clock
	url     string
	timeout time.Duration
	header  http.Header
	scrub   *Scrubber
}

// NewPoster builds a Poster. The URL must be an absolute http or https URL.
func NewPoster(opts alert.SinkOptions, ep Endpoint) (*Poster, error) {
	if err := ValidateURL(ep.URL); err != nil {
		return nil, err
	}
	if ep.Timeout < 0 {
		return nil, fmt.Errorf("timeout %s is negative", ep.Timeout)
	}
	if ep.Timeout == 0 {
		ep.Timeout = DefaultTimeout
	}
	opts = opts.WithDefaults()
	return &Poster{
		client:  opts.HTTPClient,
		clock:   opts.Clock,
		url:     ep.URL,
		timeout: ep.Timeout,
		header:  ep.Header.Clone(),
		scrub:   NewScrubber([]string{ep.URL}, ep.Secrets...),
	}, nil
}

// String names the endpoint by scheme and host only.
func (p *Poster) String() string { return RedactURL(p.url) }

// Scrub removes this endpoint's secrets from text.
func (p *Poster) Scrub(text string) string { return p.scrub.Scrub(text) }

// PostJSON encodes v and POSTs it under ctx and the endpoint's timeout.
// It returns nil on any 2xx answer, and otherwise an *alert.DeliveryError:
// retryable for 5xx, 429 (with Retry-After), timeouts and connection
// errors; permanent for other statuses and for a document that cannot be
// encoded. No secret of the endpoint appears in the error.
//
// A 2xx answer is reported as soon as its status line arrives: the rest
// of the body (which no sink needs) is drained in the background, so that
// the outbox removes the record before a slow or stalled body can leave a
// window in which a crash sends it again. The drain is bounded by maxDrain
// and the endpoint's timeout, and keeps the connection reusable.
func (p *Poster) PostJSON(ctx context.Context, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return &alert.DeliveryError{Reason: "encode", Err: fmt.Errorf("encode payload: %w", err)}
	}
	rctx, detach, release := p.requestContext(ctx)
	req, err := http.NewRequestWithContext(rctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		release()
		return &alert.DeliveryError{Reason: "request", Err: p.scrub.Error(err)}
	}
	for k, vs := range p.header {
		req.Header[k] = append([]string(nil), vs...)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "lpwatch")
	resp, err := p.client.Do(req)
	if err != nil {
		release()
		return p.transportError(rctx, err)
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		detach()
		go func() {
			drainClose(resp.Body)
			release()
		}()
		return nil
	}
	defer release()
	defer drainClose(resp.Body)
	head, _ := io.ReadAll(io.LimitReader(resp.Body, maxHead))
	return StatusError(resp, p.clock.Now(), p.scrub.Excerpt(head, maxExcerpt))
}

// requestContext returns the context of one request: the endpoint's
// timeout, and ctx's end (cancel or deadline, with its cause) until
// detach is called. release frees it; call it once the body is closed.
func (p *Poster) requestContext(ctx context.Context) (rctx context.Context, detach, release func()) {
	base, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	rctx, cancelTimeout := context.WithTimeoutCause(base, p.timeout, errTimeout)
	stop := context.AfterFunc(ctx, func() { cancel(context.Cause(ctx)) })
	return rctx, func() { stop() }, func() {
		stop()
		cancelTimeout()
		cancel(nil)
	}
}

// transportError classifies a failed round trip; all are retryable.
func (p *Poster) transportError(ctx context.Context, err error) error {
	reason := "connection"
	var ne net.Error
	switch {
	case errors.Is(context.Cause(ctx), errTimeout):
		reason = "timeout"
		err = fmt.Errorf("no answer within %s: %w", p.timeout, err)
	case errors.Is(err, context.Canceled):
		reason = "canceled"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		reason = "timeout"
	}
	return &alert.DeliveryError{Retryable: true, Reason: reason, Err: p.scrub.Error(err)}
}

// drainClose reads what is left of a body, up to maxDrain, and closes it.
func drainClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, maxDrain))
	_ = body.Close()
}
