package chain

import (
	"errors"
	"fmt"
	"math/big"
)

// ErrChainIDMismatch is matched (errors.Is) by every ChainIDMismatchError.
var ErrChainIDMismatch = errors.New("chain id mismatch")

// ErrUnsupported is returned for a read the endpoint's backend cannot do.
var ErrUnsupported = errors.New("not supported by this backend")

// ErrNoEndpoint is returned when no endpoint of a pool could serve a call.
var ErrNoEndpoint = errors.New("no chain endpoint available")

// ChainIDMismatchError says an endpoint serves another chain than expected.
type ChainIDMismatchError struct {
	Endpoint string
	Got      *big.Int
	Want     *big.Int
}

// Error implements error.
func (e *ChainIDMismatchError) Error() string {
	return fmt.Sprintf("%s: chain id %s, expected %s", e.Endpoint, e.Got, e.Want)
}

// Is makes errors.Is(err, ErrChainIDMismatch) true.
func (e *ChainIDMismatchError) Is(target error) bool { return target == ErrChainIDMismatch }

// DecodeError says an answer arrived but could not be decoded.
type DecodeError struct {
	What string
	Err  error
}

// Error implements error.
func (e *DecodeError) Error() string { return "decode " + e.What + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

func decodeErr(what string, format string, args ...any) error {
	return &DecodeError{What: what, Err: fmt.Errorf(format, args...)}
}

// CallError is one failed call on one endpoint. Its message has the
// endpoint's URL replaced by the endpoint's name, so credentials or API keys
// in a URL never reach logs.
type CallError struct {
	Endpoint string
	Method   string
	msg      string
	err      error
}

// Error implements error.
func (e *CallError) Error() string { return e.Endpoint + " " + e.Method + ": " + e.msg }

// Unwrap returns the underlying error.
func (e *CallError) Unwrap() error { return e.err }
