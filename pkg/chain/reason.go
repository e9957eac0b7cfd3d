package chain

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"syscall"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/rpc"
)

// Reasons returned by Reason besides "http_<status>" and "rpc_<code>".
const (
	ReasonTransport        = "transport"
	ReasonTimeout          = "timeout"
	ReasonCanceled         = "canceled"
	ReasonNotFound         = "not_found"
	ReasonChainIDMismatch  = "chain_id_mismatch"
	ReasonDecode           = "decode"
	ReasonUnsupported      = "unsupported"
	ReasonNoEndpoint       = "no_endpoint"
	ReasonOther            = "other"
	reasonHTTPPrefix       = "http_"
	reasonRPCPrefix        = "rpc_"
	executionRevertedError = 3
)

// Reason classifies err into a short label for metrics and alerts:
//
//	""                  err is nil
//	"chain_id_mismatch" the endpoint serves another chain
//	"decode"            an answer arrived but could not be decoded
//	"http_<status>"     the HTTP transport answered with that status (rpc.HTTPError)
//	"rpc_<code>"        a JSON-RPC error object (rpc.Error), e.g. rpc_3 for a revert
//	"not_found"         the object does not exist (ethereum.NotFound)
//	"timeout"           the per-call or caller deadline passed
//	"canceled"          the caller's context was canceled
//	"unsupported"       the backend lacks the method (ErrUnsupported)
//	"no_endpoint"       no endpoint of a pool could serve the call
//	"transport"         connection refused, reset, closed, DNS, EOF, ...
//	"other"             none of the above
func Reason(err error) string {
	if err == nil {
		return ""
	}
	var (
		he  rpc.HTTPError
		re  rpc.Error
		de  *DecodeError
		se  *json.SyntaxError
		ute *json.UnmarshalTypeError
		ne  net.Error
	)
	switch {
	case errors.Is(err, ErrChainIDMismatch):
		return ReasonChainIDMismatch
	case errors.As(err, &de), errors.As(err, &se), errors.As(err, &ute), errors.Is(err, rpc.ErrNoResult):
		return ReasonDecode
	case errors.As(err, &he):
		return reasonHTTPPrefix + strconv.Itoa(he.StatusCode)
	case errors.As(err, &re):
		return reasonRPCPrefix + strconv.Itoa(re.ErrorCode())
	case errors.Is(err, ethereum.NotFound):
		return ReasonNotFound
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded),
		errors.As(err, &ne) && ne.Timeout():
		return ReasonTimeout
	case errors.Is(err, context.Canceled):
		return ReasonCanceled
	case errors.Is(err, ErrUnsupported):
		return ReasonUnsupported
	case errors.Is(err, ErrNoEndpoint):
		return ReasonNoEndpoint
	case isTransport(err):
		return ReasonTransport
	}
	return ReasonOther
}

func isTransport(err error) bool {
	var (
		ne  net.Error
		ue  *url.Error
		oe  *net.OpError
		sce *os.SyscallError
		en  syscall.Errno
	)
	return errors.As(err, &ne) || errors.As(err, &ue) || errors.As(err, &oe) ||
		errors.As(err, &sce) || errors.As(err, &en) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, rpc.ErrClientQuit) ||
		errors.Is(err, errDial)
}

// IsReverted reports whether err is a contract revert (JSON-RPC error code 3).
func IsReverted(err error) bool {
	var re rpc.Error
	return errors.As(err, &re) && re.ErrorCode() == executionRevertedError
}

// failover reports whether an error on one endpoint justifies trying the
// next one: the endpoint did not answer, answered with an HTTP error, or
// serves another chain. A JSON-RPC error, a revert or a missing object is an
// answer, and another endpoint would say the same.
func failover(err error) bool {
	switch r := Reason(err); {
	case r == ReasonTransport, r == ReasonTimeout, r == ReasonChainIDMismatch, r == ReasonOther:
		return true
	case len(r) > len(reasonHTTPPrefix) && r[:len(reasonHTTPPrefix)] == reasonHTTPPrefix:
		return true
	}
	return false
}
