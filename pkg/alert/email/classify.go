package email

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strconv"
	"syscall"

	mail "github.com/wneessen/go-mail"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// errTimeout is the cause of an attempt that ran past the sink's timeout.
var errTimeout = errors.New("email sink timeout exceeded")

// classify turns a failed attempt into an *alert.DeliveryError. ctx is
// the attempt's context and phase says what failed ("connect", "send").
//
// The classes follow SMTP's reply codes (RFC 5321 section 4.2.1): a 4yz
// reply is a transient failure and is retried (421 service closing, 450
// mailbox busy, 451 local error, 452 out of storage, 454 temporary
// authentication failure), a 5yz reply is permanent (535 bad credentials,
// 550 mailbox unavailable, 552, 553, 554 transaction failed): the reason
// is "smtp_<code>". SMTP has no Retry-After: the outbox's backoff paces
// the retries of 4yz answers. A refused or broken connection is retried
// ("connection"), and so is an attempt that ran out of time ("timeout";
// an error that matches context.DeadlineExceeded) or was cancelled
// ("canceled").
//
// TLS: a certificate that does not verify (unknown authority, wrong host
// name, expired) and a handshake the two sides cannot agree on (a TLS
// client on a plain-text port, no common protocol version) fail
// permanently ("tls"), like a 5yz reply: they come from the
// configuration of lpwatch or of the server, the same attempt fails the
// same way until someone changes one of them, and a permanent failure is
// logged at error level and counted as failed at once instead of being
// retried quietly for outbox_max_age. A handshake cut by the network is a
// connection failure and is retried. Anything else (a server that offers
// no STARTTLS or no AUTH mechanism lpwatch knows) is retried ("smtp"):
// nothing is dropped on an answer lpwatch does not understand.
//
// No error contains the password: every text goes through scrub.
func (s *Notifier) classify(ctx context.Context, phase string, err error) error {
	where := "smtp " + s.addr + ": " + phase
	if ctx.Err() != nil {
		// The connection was closed under the client because the attempt
		// ended: what the client saw is an artifact of that.
		if errors.Is(ctx.Err(), context.Canceled) {
			return &alert.DeliveryError{Retryable: true, Reason: "canceled", Err: fmt.Errorf("%s: attempt canceled: %w", where, ctx.Err())}
		}
		what := "no complete answer in time"
		if errors.Is(context.Cause(ctx), errTimeout) {
			what = "no complete answer within " + s.timeout.String()
		}
		return &alert.DeliveryError{Retryable: true, Reason: "timeout", Err: fmt.Errorf("%s: %s: %w", where, what, ctx.Err())}
	}
	de := &alert.DeliveryError{Retryable: true, Reason: "smtp", Err: s.scrub.Error(fmt.Errorf("%s: %w", where, err))}
	if code := replyCode(err); code > 0 {
		de.Reason = "smtp_" + strconv.Itoa(code)
		de.Retryable = code < 500
		return de
	}
	var ne net.Error
	switch {
	case tlsRefused(err):
		de.Reason, de.Retryable = "tls", false
	case errors.As(err, &ne) && ne.Timeout():
		de.Reason = "timeout"
	case connectionError(err):
		de.Reason = "connection"
	}
	return de
}

// replyCode is the SMTP reply code in err, or 0.
func replyCode(err error) int {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code
	}
	// go-mail's SendError keeps the server's error to itself but tells
	// its code.
	var se *mail.SendError
	if errors.As(err, &se) {
		return se.ErrorCode()
	}
	return 0
}

// tlsRefused reports a TLS failure that retrying cannot mend.
func tlsRefused(err error) bool {
	var (
		unknownCA  x509.UnknownAuthorityError
		hostname   x509.HostnameError
		invalid    x509.CertificateInvalidError
		verify     *tls.CertificateVerificationError
		record     tls.RecordHeaderError
		alertError tls.AlertError
	)
	return errors.As(err, &unknownCA) || errors.As(err, &hostname) || errors.As(err, &invalid) ||
		errors.As(err, &verify) || errors.As(err, &record) || errors.As(err, &alertError)
}

// connectionError reports a refused, reset or broken connection.
func connectionError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.EPIPE)
}
