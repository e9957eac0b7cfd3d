package faults

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// rpcMode is how an rpcProxy misbehaves.
type rpcMode struct {
	// hang never answers.
	hang bool
	// rpcError answers every call with a JSON-RPC error, forwarding nothing.
	rpcError bool
	// results replaces the result of these methods in the chain's answers.
	results map[string]json.RawMessage
	// edit, when set, rewrites the result of a method in the chain's answers.
	edit func(method string, result json.RawMessage) json.RawMessage
}

// rpcProxy stands between lpwatch and the simulated chain's JSON-RPC
// endpoint and injects faults into single and batch calls.
type rpcProxy struct {
	target  string
	client  *http.Client
	release chan struct{}
	once    sync.Once

	mu   sync.Mutex
	mode rpcMode
}

func newRPCProxy(target string) *rpcProxy {
	return &rpcProxy{target: target, client: &http.Client{Timeout: 30 * time.Second}, release: make(chan struct{})}
}

func (p *rpcProxy) setMode(m rpcMode) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mode = m
}

// close frees hanging calls and the proxy's connections.
func (p *rpcProxy) close() {
	p.once.Do(func() { close(p.release) })
	p.client.CloseIdleConnections()
}

// rpcMsg is one JSON-RPC request or response.
type rpcMsg struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   json.RawMessage `json:"error,omitempty"`
}

// decodeRPC reads a single message or a batch.
func decodeRPC(b []byte) ([]rpcMsg, bool, error) {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var batch []rpcMsg
		err := json.Unmarshal(b, &batch)
		return batch, true, err
	}
	var one rpcMsg
	err := json.Unmarshal(b, &one)
	return []rpcMsg{one}, false, err
}

func encodeRPC(msgs []rpcMsg, batch bool) []byte {
	var v any = msgs
	if !batch && len(msgs) == 1 {
		v = msgs[0]
	}
	b, _ := json.Marshal(v)
	return b
}

func (p *rpcProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	m := p.mode
	p.mu.Unlock()
	if m.hang {
		select {
		case <-r.Context().Done():
		case <-p.release:
		}
		return
	}
	reqs, batch, err := decodeRPC(body)
	if err != nil {
		http.Error(w, "not JSON-RPC: "+err.Error(), http.StatusBadRequest)
		return
	}
	var out []byte
	if m.rpcError {
		resps := make([]rpcMsg, len(reqs))
		for i, q := range reqs {
			resps[i] = rpcMsg{JSONRPC: "2.0", ID: q.ID, Error: json.RawMessage(`{"code":-32000,"message":"injected: header not found"}`)}
		}
		out = encodeRPC(resps, batch)
	} else if out, err = p.forward(r.Context(), body, reqs, batch, m); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(out)
}

// forward passes the call to the chain and applies m's rewrites.
func (p *rpcProxy) forward(ctx context.Context, body []byte, reqs []rpcMsg, batch bool, m rpcMode) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.target, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("chain: %w", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, err
	}
	if len(m.results) == 0 && m.edit == nil {
		return raw, nil
	}
	resps, _, err := decodeRPC(raw)
	if err != nil {
		return raw, nil
	}
	methods := map[string]string{}
	for _, q := range reqs {
		methods[string(q.ID)] = q.Method
	}
	for i, a := range resps {
		method := methods[string(a.ID)]
		if v, ok := m.results[method]; ok {
			resps[i].Result, resps[i].Error = v, nil
		}
		if m.edit != nil && resps[i].Result != nil {
			resps[i].Result = m.edit(method, resps[i].Result)
		}
	}
	return encodeRPC(resps, batch), nil
}
