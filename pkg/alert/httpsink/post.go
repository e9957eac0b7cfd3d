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
	// RetryAfter, when set, reads the wait a non-2xx answer asks for in
	// the destination's own form (a JSON field, a rate-limit header); the
	// error's RetryAfter is the longer of it and Retry-After's.
	RetryAfter func(a *Answer, now time.Time) time.Duration
}

// Poster sends JSON documents to one HTTP endpoint and turns the outcome
// into nil or an *alert.DeliveryError. It is safe for concurrent use.
type Poster struct {
	client     *http.Client
	clock      clock.Clock
	url        string
	timeout    time.Duration
	header     http.Header
	scrub      *Scrubber
	retryAfter func(a *Answer, now time.Time) time.Duration
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
		client:     opts.HTTPClient,
		clock:      opts.Clock,
		url:        ep.URL,
		timeout:    ep.Timeout,
		header:     ep.Header.Clone(),
		scrub:      NewScrubber([]string{ep.URL}, ep.Secrets...),
		retryAfter: ep.RetryAfter,
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
	resp, release, err := p.do(ctx, http.MethodPost, p.url, v)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		go func() {
			drainClose(resp.Body)
			release()
		}()
		return nil
	}
	defer release()
	defer drainClose(resp.Body)
	_, err = p.answerError(resp)
	return err
}

// do sends v as JSON with method to url under ctx and the endpoint's
// timeout. A 2xx answer is detached from ctx's end, so that its body can
// be drained after the caller is done; release must be called once the
// body of an answer is closed. A failed round trip is classified and
// released here.
func (p *Poster) do(ctx context.Context, method, url string, v any) (*http.Response, func(), error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, nil, &alert.DeliveryError{Reason: "encode", Err: fmt.Errorf("encode payload: %w", err)}
	}
	rctx, detach, release := p.requestContext(ctx)
	req, err := http.NewRequestWithContext(rctx, method, url, bytes.NewReader(body))
	if err != nil {
		release()
		return nil, nil, &alert.DeliveryError{Reason: "request", Err: p.scrub.Error(err)}
	}
	for k, vs := range p.header {
		req.Header[k] = append([]string(nil), vs...)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "lpwatch")
	resp, err := p.client.Do(req)
	if err != nil {
		release()
		return nil, nil, p.transportError(rctx, err)
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		detach()
	}
	return resp, release, nil
}

// answerError reads the start of a non-2xx answer and classifies it.
func (p *Poster) answerError(resp *http.Response) (*Answer, error) {
	head, _ := io.ReadAll(io.LimitReader(resp.Body, maxHead))
	now := p.clock.Now()
	de := StatusError(resp, now, p.scrub.Excerpt(head, maxExcerpt))
	a := &Answer{Status: resp.StatusCode, Header: resp.Header, Body: head}
	if p.retryAfter != nil && de.Retryable {
		de.RetryAfter = max(de.RetryAfter, p.retryAfter(a, now))
	}
	return a, de
}

// Answer is what a sink reads of an HTTP answer: its status, its headers
// and the start of its body. The body is as received and may hold a
// secret that a careless receiver echoed: nothing of it may go into an
// error or a log line except through Scrub.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Send sends v as JSON with method to url, which is the endpoint's URL or
// one below it (its secrets are scrubbed the same way), under ctx and the
// endpoint's timeout, and reads the answer, for a sink that needs what the
// destination says back (a message id, a rate limit).
//
// A 2xx answer returns the Answer and nil, its body read up to maxDrain
// bytes within the timeout: the destination took the request even when
// the body cannot be read whole, and the sink then does without what it
// would have said. Any other answer returns the Answer and PostJSON's
// *alert.DeliveryError (its RetryAfter raised to what Endpoint.RetryAfter
// reads), its body up to maxHead bytes. A failure without an answer
// returns nil and PostJSON's error.
func (p *Poster) Send(ctx context.Context, method, url string, v any) (*Answer, error) {
	resp, release, err := p.do(ctx, method, url, v)
	if err != nil {
		return nil, err
	}
	defer release()
	defer drainClose(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return p.answerError(resp)
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxDrain))
	return &Answer{Status: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

// URL is the endpoint's URL. It may be a secret: never show it.
func (p *Poster) URL() string { return p.url }

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
