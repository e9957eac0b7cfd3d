// Package nodeapi is a read-only client of go-livepeer's CLI HTTP API, for
// every generation of that API in the wild: the gated one (after v0.9.1:
// LIP-118 reward callers, transaction routes only with -enableCliTxRoutes
// and POST), the current one (v0.7.0 and later), the Streamflow one (v0.5.0 through v0.6.x, /currentRound as raw
// bytes), the v0.3.x one (the 2018 paths without /nodeID, CLI port 7935)
// and the 0.2.x one (served on the media port 8935).
//
// The CLI API has no authentication and does not check HTTP methods: a plain
// GET on an action path such as /reward sends a real transaction. This client
// therefore only ever requests the read-only paths it knows; the single
// exception is CallReward, which exists for the opt-in auto_reward feature.
// Every response body is read through a size limit, every request carries the
// caller's context, and redirects are never followed (a redirect could point
// at an action path).
package nodeapi

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Generation names one generation of the node's CLI API.
type Generation string

const (
	// Current is the API of go-livepeer v0.7.0 and later: /orchestratorInfo,
	// /currentRound as decimal text, CLI port 7935 by default.
	Current Generation = "current"
	// V05 is the API of go-livepeer v0.5.0 through v0.6.x (October 2019 to
	// September 2023): the current paths, but /currentRound answers the raw
	// big-endian bytes of the round (big.Int.Bytes) instead of text.
	V05 Generation = "v0.5"
	// V03 is the API of go-livepeer v0.3.x (August 2018 to March 2019): the
	// 2018 paths (/transcoderInfo, the bare transcoder struct) on CLI port
	// 7935, without /nodeID, which 0.3.0 removed.
	V03 Generation = "v0.3"
	// Legacy is the API of the 2018 0.2.x releases (/transcoderInfo, /nodeID,
	// served on port 8935).
	Legacy Generation = "legacy"
	// Auto asks the client to detect the generation (see Client.Detect).
	Auto Generation = "auto"
	// Gated is the API of go-livepeer after v0.9.1 with LIP-118 reward
	// callers (autumn 2026): the Current paths and shapes, the read path
	// /rewardCaller, and transaction routes registered only when the node
	// runs with -enableCliTxRoutes and only for POST: without the flag
	// /reward is 404, with it a GET is 405.
	Gated Generation = "gated"
)

// Generations returns every concrete generation, newest first (Auto is
// not one). A new slice is returned on each call.
func Generations() []Generation { return []Generation{Gated, Current, V05, V03, Legacy} }

// Releases names the go-livepeer releases that speak g, for an operator;
// "" for Auto or an unknown generation.
func (g Generation) Releases() string {
	switch g {
	case Gated:
		return "go-livepeer after v0.9.1 with gated transaction routes (-enableCliTxRoutes)"
	case Current:
		return "go-livepeer v0.7.0 and later"
	case V05:
		return "go-livepeer v0.5.0 to v0.6.x"
	case V03:
		return "go-livepeer v0.3.x"
	case Legacy:
		return "go-livepeer 0.2.x"
	}
	return ""
}

// ParseGeneration converts a configuration value into a Generation: one of
// Generations or Auto.
func ParseGeneration(s string) (Generation, error) {
	g := Generation(s)
	if g == Auto || slices.Contains(Generations(), g) {
		return g, nil
	}
	var names []string
	for _, c := range append([]Generation{Auto}, Generations()...) {
		names = append(names, strconv.Quote(string(c)))
	}
	return "", fmt.Errorf("unknown node api generation %q: want one of %s", s, strings.Join(names, ", "))
}

// DefaultMaxBodyBytes is the default limit on the size of one response body.
const DefaultMaxBodyBytes int64 = 1 << 20

// Options configures a Client. The zero value is usable.
type Options struct {
	// HTTPClient performs the requests. Nil means a fresh client with no
	// overall timeout: bound each call with its context. The client is copied
	// and its copy never follows redirects.
	HTTPClient *http.Client
	// MaxBodyBytes bounds every response body. Zero means DefaultMaxBodyBytes;
	// a negative value is an error.
	MaxBodyBytes int64
	// Clock stamps snapshots. Nil means clock.Real{}.
	Clock clock.Clock
}

// Client reads one node's CLI API. It is safe for concurrent use.
type Client struct {
	base  *url.URL
	http  *http.Client
	max   int64
	clock clock.Clock
}

// New returns a client for the node whose CLI API is at baseURL, for example
// "http://127.0.0.1:7935". The URL must be http or https with a host and no
// query or fragment; it may carry a path prefix.
func New(baseURL string, opts Options) (*Client, error) {
	u, err := parseBaseURL(baseURL)
	if err != nil {
		return nil, err
	}
	if opts.MaxBodyBytes < 0 {
		return nil, fmt.Errorf("max body bytes %d: must not be negative", opts.MaxBodyBytes)
	}
	max := opts.MaxBodyBytes
	if max == 0 {
		max = DefaultMaxBodyBytes
	}
	hc := &http.Client{}
	if opts.HTTPClient != nil {
		copied := *opts.HTTPClient
		hc = &copied
	}
	hc.CheckRedirect = refuseRedirect
	clk := opts.Clock
	if clk == nil {
		clk = clock.Real{}
	}
	return &Client{base: u, http: hc, max: max, clock: clk}, nil
}

// BaseURL returns the node's base URL as given to New, without a trailing slash.
func (c *Client) BaseURL() string { return c.base.String() }

func parseBaseURL(raw string) (*url.URL, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, errors.New("node url is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("node url %q: %w", raw, err)
	}
	switch u.Scheme {
	case "http", "https":
	default:
		return nil, fmt.Errorf("node url %q: scheme %q is not http or https", raw, u.Scheme)
	}
	if u.Host == "" || u.Hostname() == "" {
		return nil, fmt.Errorf("node url %q: no host", raw)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return nil, fmt.Errorf("node url %q: must not have a query or fragment", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// endpoint joins the base URL and an API path such as "/status".
func (c *Client) endpoint(path string) string {
	u := *c.base
	u.Path = c.base.Path + path
	return u.String()
}

func refuseRedirect(*http.Request, []*http.Request) error {
	return http.ErrUseLastResponse
}
