package nodeapi

import (
	"context"
	"errors"
	"net"
	"strconv"
	"syscall"
)

// Reasons carried by *Error. They are short, stable labels meant for metrics.
// A non-200 status gives "http_<code>", for example "http_500".
const (
	// ReasonTimeout: the context deadline or a client timeout expired.
	ReasonTimeout = "timeout"
	// ReasonCanceled: the caller's context was canceled.
	ReasonCanceled = "canceled"
	// ReasonConnectionRefused: nothing listens at the node's address.
	ReasonConnectionRefused = "connection_refused"
	// ReasonConnection: any other transport failure (reset, DNS, TLS, ...).
	ReasonConnection = "connection_error"
	// ReasonEmptyBody: a 200 answer without the value it must carry. The
	// 2018 node and some later handlers answer this way when they fail.
	ReasonEmptyBody = "empty_body"
	// ReasonBodyTooLarge: the body exceeded the client's size limit.
	ReasonBodyTooLarge = "body_too_large"
	// ReasonDecode: the body does not have the expected shape.
	ReasonDecode = "decode"
	// ReasonUnrecognized: Detect found no API generation.
	ReasonUnrecognized = "unrecognized"
	// ReasonForbiddenPath: the client refused to request an action path.
	ReasonForbiddenPath = "forbidden_path"
)

// HTTPReason returns the reason label for an unexpected HTTP status code.
func HTTPReason(code int) string { return "http_" + strconv.Itoa(code) }

// Error is the error returned for one failed request to the node. Use
// errors.As to get it from errors returned by this package.
type Error struct {
	// Path is the API path, for example "/orchestratorInfo".
	Path string
	// Reason is a short label usable in metrics (see the Reason constants).
	Reason string
	// Err is the underlying cause; for an HTTP error it holds the node's message.
	Err error
}

// Error implements error.
func (e *Error) Error() string {
	msg := "node api"
	if e.Path != "" {
		msg += " " + e.Path
	}
	msg += ": " + e.Reason
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// ReasonOf returns the Reason of the first *Error in err's tree, or "" when
// there is none.
func ReasonOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// transportError wraps a failure to get or read a response.
func transportError(ctx context.Context, path string, err error) *Error {
	return &Error{Path: path, Reason: classify(ctx, err), Err: err}
}

// classify maps a transport error to a reason. The context is checked first:
// when it has ended, that is why the request failed.
func classify(ctx context.Context, err error) string {
	switch {
	case errors.Is(ctx.Err(), context.Canceled), errors.Is(err, context.Canceled):
		return ReasonCanceled
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return ReasonTimeout
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return ReasonTimeout
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return ReasonConnectionRefused
	}
	return ReasonConnection
}
