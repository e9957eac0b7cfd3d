package email

import (
	"context"
	"crypto/tls"
	"net"
	"sync"
)

// dialer opens the connection of one attempt and closes it when the
// attempt's context ends. go-mail bounds each command by its own timeout
// but watches no context once connected; closing the connection ends any
// read or write it is blocked in, so that ctx bounds the whole attempt.
type dialer struct {
	ctx context.Context
	// tls, when set, makes the connection TLS from the first byte.
	tls *tls.Config

	mu    sync.Mutex
	stops []func() bool
	conns []net.Conn
}

// dial implements go-mail's DialContextFunc.
func (d *dialer) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	nd := &net.Dialer{}
	var (
		c   net.Conn
		err error
	)
	if d.tls != nil {
		c, err = (&tls.Dialer{NetDialer: nd, Config: d.tls}).DialContext(ctx, network, addr)
	} else {
		c, err = nd.DialContext(ctx, network, addr)
	}
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.conns = append(d.conns, c)
	d.stops = append(d.stops, context.AfterFunc(d.ctx, func() { _ = c.Close() }))
	return c, nil
}

// detach lets the connections outlive the attempt (for the QUIT after an
// accepted message).
func (d *dialer) detach() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, stop := range d.stops {
		stop()
	}
	d.stops, d.conns = nil, nil
}

// release closes the connections that were not detached.
func (d *dialer) release() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, stop := range d.stops {
		stop()
	}
	for _, c := range d.conns {
		_ = c.Close()
	}
	d.stops, d.conns = nil, nil
}
