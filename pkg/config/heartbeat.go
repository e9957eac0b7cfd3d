package config

import "time"

// Defaults of [alert.heartbeat].
const (
	DefaultHeartbeatInterval = time.Minute
	DefaultHeartbeatTimeout  = 10 * time.Second
)

// Heartbeat configures the heartbeat out, [alert.heartbeat]: a dead man's
// switch. While the probe scheduler completes cycles (the rule of the
// systemd watchdog), lpwatch pings URL every Interval, so that the
// service behind it (healthchecks.io style) pages when lpwatch or its host
// goes silent. While no sink can deliver, it pings FailURL instead.
type Heartbeat struct {
	// URL is the success URL; it usually holds the check's secret, so it
	// is a Secret, and URLFile may hold it instead. Empty: no pings.
	URL     Secret `toml:"url"`
	URLFile string `toml:"url_file"`
	// FailURL is pinged, with a short reason as its body, while every
	// sink has failed for checks.delivery_failing_for; empty means URL
	// with "/fail" added to its path.
	FailURL Secret `toml:"fail_url"`
	// Start pings URL with "/start" added to its path once, when lpwatch
	// starts.
	Start    bool          `toml:"start"`
	Interval time.Duration `toml:"interval"`
	Timeout  time.Duration `toml:"timeout"`
	// Alertmanager keeps the always-firing LpwatchHeartbeat alert posted
	// to every sink of type alertmanager (and to no other sink), for an
	// Alertmanager dead man's route. It needs no URL.
	Alertmanager bool `toml:"alertmanager"`
}

// Enabled reports whether lpwatch pings a heartbeat URL.
func (h Heartbeat) Enabled() bool { return h.URL != "" }

func heartbeatDefaults() Heartbeat {
	return Heartbeat{Interval: DefaultHeartbeatInterval, Timeout: DefaultHeartbeatTimeout}
}

func (v *validator) heartbeat(h *Heartbeat) {
	const p = "alert.heartbeat"
	if !h.Enabled() {
		if h.FailURL != "" || h.Start {
			v.bad(p+".url", "must be set (or url_file) when fail_url or start is")
		}
		return
	}
	v.httpURL(p+".url", h.URL.Reveal())
	if h.FailURL != "" {
		v.httpURL(p+".fail_url", h.FailURL.Reveal())
	}
	v.interval(p, h.Interval, h.Timeout)
}
