package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// defaultAddr is the daemon's loopback API.
const defaultAddr = "http://127.0.0.1:9717"

// daemonAPI is a running daemon's HTTP API: its base URL and, when
// server.api_token_file is set, the token its state-changing routes need.
type daemonAPI struct {
	addr  string
	token config.Secret
}

// apiFlags are the flags of the commands that talk to a running daemon.
type apiFlags struct {
	addr, config, tokenFile string
}

func addAPIFlags(fs *flag.FlagSet) *apiFlags {
	f := &apiFlags{}
	fs.StringVar(&f.addr, "addr", "", "the running daemon's API (default: server.listen of -config, else "+defaultAddr+")")
	fs.StringVar(&f.config, "config", "", "the daemon's configuration file, for its address and server.api_token_file")
	fs.StringVar(&f.tokenFile, "token-file", "", "file holding the API token (default: server.api_token_file of -config)")
	return f
}

// api resolves the flags: -addr, -token-file, then what -config says.
func (f *apiFlags) api() (daemonAPI, error) {
	a := daemonAPI{addr: f.addr}
	if f.config != "" {
		cfg, err := config.Load(f.config, sinks.Default(), checks.Catalog())
		if err != nil {
			return a, err
		}
		if a.addr == "" {
			a.addr = listenURL(cfg.Server.Listen)
		}
		a.token = cfg.Server.APIToken
	}
	if f.tokenFile != "" {
		tok, err := config.ReadSecretFile(f.tokenFile)
		if err != nil {
			return a, fmt.Errorf("-token-file: %w", err)
		}
		a.token = tok
	}
	if a.addr == "" {
		a.addr = defaultAddr
	}
	return a, nil
}

// listenURL is the URL that reaches a daemon listening on listen: a
// wildcard address is reached on loopback.
func listenURL(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return defaultAddr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
		if ip != nil && ip.To4() == nil {
			host = "::1"
		}
	}
	return "http://" + net.JoinHostPort(host, port)
}

// call performs one request against the daemon and decodes its JSON
// answer into out (when not nil). No error shows more of the address than
// its scheme and host, nor the token.
func (a daemonAPI) call(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	target := strings.TrimRight(a.addr, "/") + path
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return fmt.Errorf("bad address %s: %w", redact.URL(a.addr), redact.Error(err, target, a.addr))
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token.Reveal())
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("is lpwatch running at %s? %w", redact.URL(a.addr), redact.Error(err, target, a.addr))
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	if resp.StatusCode/100 != 2 && resp.StatusCode != http.StatusServiceUnavailable {
		var e struct {
			Error string `json:"error"`
		}
		msg := fmt.Sprintf("%s %s: %s", method, path, resp.Status)
		if json.Unmarshal(b, &e) == nil && e.Error != "" {
			msg = e.Error
		}
		if resp.StatusCode == http.StatusUnauthorized {
			msg += " (give -config FILE or -token-file FILE)"
		}
		return errors.New(msg)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("decode answer of %s: %w", path, err)
	}
	return nil
}
