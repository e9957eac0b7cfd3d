package chain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/url"
	"reflect"
	"syscall"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/rpc"
)

type codeErr int

func (c codeErr) Error() string  { return fmt.Sprintf("json-rpc error %d", int(c)) }
func (c codeErr) ErrorCode() int { return int(c) }

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func wrapCall(err error) error {
	return &CallError{Endpoint: "e", Method: "m", msg: err.Error(), err: err}
}

func TestReason(t *testing.T) {
	tests := []struct {
		err      error
		want     string
		failover bool
	}{
		{nil, "", false},
		{&ChainIDMismatchError{Endpoint: "e", Got: big.NewInt(1), Want: big.NewInt(2)}, ReasonChainIDMismatch, true},
		{&DecodeError{What: "x", Err: errors.New("short")}, ReasonDecode, false},
		{&json.SyntaxError{}, ReasonDecode, false},
		{&json.UnmarshalTypeError{Value: "string", Type: reflect.TypeFor[uint64]()}, ReasonDecode, false},
		{rpc.ErrNoResult, ReasonDecode, false},
		{rpc.HTTPError{StatusCode: 503, Status: "503 Service Unavailable"}, "http_503", true},
		{rpc.HTTPError{StatusCode: 429}, "http_429", true},
		{codeErr(-32601), "rpc_-32601", false},
		{codeErr(3), "rpc_3", false},
		{ethereum.NotFound, ReasonNotFound, false},
		{context.DeadlineExceeded, ReasonTimeout, true},
		{&url.Error{Op: "Post", URL: "u", Err: timeoutErr{}}, ReasonTimeout, true},
		{context.Canceled, ReasonCanceled, false},
		{ErrUnsupported, ReasonUnsupported, false},
		{ErrNoEndpoint, ReasonNoEndpoint, false},
		{&net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, ReasonTransport, true},
		{&url.Error{Op: "Post", URL: "u", Err: io.EOF}, ReasonTransport, true},
		{io.ErrUnexpectedEOF, ReasonTransport, true},
		{rpc.ErrClientQuit, ReasonTransport, true},
		{fmt.Errorf("%w: %w", errDial, errors.New("no known transport")), ReasonTransport, true},
		{errors.New("something new"), ReasonOther, true},
	}
	for _, tt := range tests {
		name := "nil"
		if tt.err != nil {
			name = tt.err.Error()
		}
		t.Run(name, func(t *testing.T) {
			if got := Reason(tt.err); got != tt.want {
				t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
			}
			if tt.err == nil {
				return
			}
			// Wrapping, as endpoints and reads do, changes nothing.
			wrapped := fmt.Errorf("read: %w", wrapCall(tt.err))
			if got := Reason(wrapped); got != tt.want {
				t.Errorf("Reason(wrapped) = %q, want %q", got, tt.want)
			}
			if got := failover(wrapped); got != tt.failover {
				t.Errorf("failover = %v, want %v", got, tt.failover)
			}
		})
	}
}

func TestIsReverted(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{wrapCall(codeErr(3)), true},
		{wrapCall(codeErr(-32000)), false},
		{errors.New("execution reverted"), false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := IsReverted(tt.err); got != tt.want {
			t.Errorf("IsReverted(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
