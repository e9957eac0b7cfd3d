package daemon

import (
	"context"
	"encoding/json"
	"net/url"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/redact"
	"github.com/lpwatch/lpwatch/pkg/server"
)

// HealthJSON implements server.Backend from the report built at the last
// evaluation: serving it costs no allocation and never waits.
func (d *Daemon) HealthJSON() (bool, []byte) {
	if h := d.healthBody.Load(); h != nil {
		return h.healthy, h.body
	}
	return false, []byte(`{"status":"fail","checks":[]}` + "\n")
}

// healthCache is the encoded health report of the last evaluation.
type healthCache struct {
	healthy bool
	body    []byte
}

// refreshHealth encodes the health report after an evaluation.
func (d *Daemon) refreshHealth() {
	rep := d.Health()
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		d.log.WithError(err).Error("encode health report")
		return
	}
	d.healthBody.Store(&healthCache{healthy: rep.Status == "ok", body: append(b, '\n')})
}

// Health computes the health report: "ok" when every health-relevant
// check is ok or warning, "fail" otherwise, from cached results.
func (d *Daemon) Health() server.HealthReport {
	rep := server.HealthReport{Status: "ok", Checks: []server.HealthCheck{}}
	results := d.results.all()
	relevant := 0
	for _, r := range results {
		h := checks.HealthRelevant(r.Check)
		rep.Checks = append(rep.Checks, server.HealthCheck{
			Check: r.Check, Target: r.Target, State: r.State.String(), Reason: r.Reason, Since: r.Since, Health: h,
		})
		if !h {
			continue
		}
		relevant++
		if r.State == checks.Critical || r.State == checks.Unknown {
			rep.Status = "fail"
		}
	}
	if relevant == 0 {
		rep.Status = "fail" // nothing evaluated yet
	}
	return rep
}

// Live implements server.Backend: the scheduler's loops are all progressing.
func (d *Daemon) Live() bool {
	d.mu.RLock()
	s := d.sched
	d.mu.RUnlock()
	return s != nil && s.Progressing(d.clock.Now())
}

// StatusReport is the body of /status.
type StatusReport struct {
	Version   string          `json:"version"`
	StartedAt time.Time       `json:"started_at"`
	Now       time.Time       `json:"now"`
	Healthy   bool            `json:"healthy"`
	Checks    []cachedResult  `json:"checks"`
	Alerts    []alert.View    `json:"alerts"`
	Silences  []alert.Silence `json:"silences"`
	Delivery  any             `json:"delivery"`
	Nodes     []NodeStatus    `json:"nodes"`
	Config    *config.Config  `json:"config"`
	Extra     map[string]any  `json:"extra,omitempty"`
}

// NodeStatus is one node's view in /status.
type NodeStatus struct {
	Name            string    `json:"name"`
	URL             string    `json:"url"`
	API             string    `json:"api"`
	Up              bool      `json:"up"`
	Error           string    `json:"error,omitempty"`
	LastOK          time.Time `json:"last_ok,omitempty"`
	Address         string    `json:"address,omitempty"`
	Version         string    `json:"version,omitempty"`
	CurrentRound    string    `json:"current_round,omitempty"`
	Initialized     *bool     `json:"round_initialized,omitempty"`
	LastRewardRound string    `json:"last_reward_round,omitempty"`
	Active          bool      `json:"active"`
	BalanceEther    float64   `json:"balance_ether"`
}

// Status implements server.Backend. Secrets are redacted by config.Secret.
func (d *Daemon) Status() any {
	now := d.clock.Now()
	cfg := d.config()
	rep := StatusReport{
		Version: d.opts.Version, StartedAt: d.started, Now: now, Healthy: d.Health().Status == "ok",
		Checks: d.results.all(), Alerts: d.engine.Alerts(), Silences: d.Silences(),
		Delivery: d.deliveryStatus(), Config: redacted(cfg), Extra: d.extraStatus(),
	}
	snap := d.store.Snapshot()
	for _, n := range cfg.Nodes {
		ns := NodeStatus{Name: n.Name, URL: redact.URL(n.URL), API: n.API}
		if o, ok := snap.Node(n.Name); ok {
			ns.Up, ns.LastOK = o.Err == nil, o.LastOK
			if o.Err != nil {
				ns.Error = o.Reason
			}
			if s := o.Snapshot; s != nil {
				ns.API, ns.Address, ns.Version, ns.Initialized = string(s.Generation), s.Address, s.Version, s.RoundInitialized
				if s.CurrentRound != nil {
					ns.CurrentRound = s.CurrentRound.String()
				}
				if s.Transcoder.LastRewardRound != nil {
					ns.LastRewardRound = s.Transcoder.LastRewardRound.String()
				}
				ns.Active, ns.BalanceEther = s.Transcoder.Active, checks.Ether(s.EthBalance)
			}
		}
		rep.Nodes = append(rep.Nodes, ns)
	}
	return rep
}

// Reload implements server.Backend; it runs on the daemon's loop.
func (d *Daemon) Reload(ctx context.Context) error {
	req := reloadReq{done: make(chan error, 1)}
	select {
	case d.reloads <- req:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-req.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// AddSilence implements server.Backend.
func (d *Daemon) AddSilence(s alert.Silence) (alert.Silence, error) {
	out, err := d.silences.Add(s, d.clock.Now(), d.config().Alert.SilenceMaxDuration)
	if err == nil {
		d.log.WithField("id", out.ID).WithField("alert", out.Alert).WithField("target", out.Target).
			WithField("all", out.All).WithField("ends_at", out.EndsAt).Info("silence added")
	}
	return out, err
}

// Access implements server.Backend: the token of server.api_token_file,
// and the names the daemon answers to beside its listener's address (the
// configured listen address, the host of server.external_url on any port).
func (d *Daemon) Access() server.Access {
	cfg := d.config()
	hosts := []string{cfg.Server.Listen}
	if u, err := url.Parse(cfg.Server.ExternalURL); err == nil && u.Hostname() != "" {
		hosts = append(hosts, u.Hostname())
	}
	return server.Access{Token: cfg.Server.APIToken, Hosts: hosts}
}

// Silences implements server.Backend.
func (d *Daemon) Silences() []alert.Silence { return d.silences.List(d.clock.Now()) }

// ExpireSilence implements server.Backend.
func (d *Daemon) ExpireSilence(id string) error {
	err := d.silences.Expire(id, d.clock.Now())
	if err == nil {
		d.log.WithField("id", id).Info("silence expired")
	}
	return err
}

// redacted returns a copy of cfg fit for /status: secrets print as
// "<secret>" by themselves, and every URL, which may carry a token or a
// password, keeps only its scheme and host (redact.URL).
func redacted(cfg *config.Config) *config.Config {
	c := *cfg
	c.Server.ExternalURL = redact.URL(cfg.Server.ExternalURL)
	c.Alert.RunbookBaseURL = redact.URL(cfg.Alert.RunbookBaseURL)
	c.Nodes = append([]config.Node(nil), cfg.Nodes...)
	for i := range c.Nodes {
		c.Nodes[i].URL = redact.URL(c.Nodes[i].URL)
	}
	c.Alert.Sinks = append([]config.Sink(nil), cfg.Alert.Sinks...)
	for i, s := range c.Alert.Sinks {
		if s.Settings != nil {
			c.Alert.Sinks[i].Settings = s.Settings.MapURLs(redact.URL)
		}
	}
	c.Chain.URLs = mapStrings(cfg.Chain.URLs, redact.Endpoint)
	c.Chain.ReferenceURLs = mapStrings(cfg.Chain.ReferenceURLs, redact.Endpoint)
	return &c
}

func mapStrings(in []string, f func(string) string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}
