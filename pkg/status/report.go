// Package status is the operator's view of lpwatch: one typed Report built
// from the daemon's state (Build), encoded as the /status JSON, rendered as
// the status page, the daily digest and the systemd STATUS= line, and the
// /health report of the same check results. It reads values and keeps no
// connection to what produced them: the daemon gathers the inputs.
package status

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/remediation"
)

// Report is the body of /status; `lpwatch status` decodes it.
type Report struct {
	Version   string          `json:"version"`
	StartedAt time.Time       `json:"started_at"`
	Now       time.Time       `json:"now"`
	Healthy   bool            `json:"healthy"`
	Checks    []Check         `json:"checks"`
	Alerts    []alert.View    `json:"alerts"`
	Silences  []alert.Silence `json:"silences"`
	Delivery  Delivery        `json:"delivery"`
	Nodes     []Node          `json:"nodes"`
	// Config is the running configuration with its secrets redacted.
	Config *config.Config `json:"config"`
	// Extra holds the optional sections; its fields read as the report's
	// own (r.Chain, r.Remediation) and encode under "extra".
	Extra `json:"extra,omitzero"`
}

// Extra are the sections of /status that exist only with their feature:
// the chain (chain.urls set), self-healing (a readable ledger), peers and
// the heartbeat out.
type Extra struct {
	Chain       *Chain              `json:"chain,omitempty"`
	Remediation *remediation.Status `json:"remediation,omitempty"`
	// Peers are the other lpwatch instances watched ([[peer]]).
	Peers []Peer `json:"peers,omitempty"`
	// Heartbeat is the heartbeat out, when [alert.heartbeat] has a URL.
	Heartbeat *heartbeat.Status `json:"heartbeat,omitempty"`
}

// Check is a check result with the time its state began.
type Check struct {
	checks.Result
	Since time.Time `json:"since"`
}

// Delivery is the outbox section of /status.
type Delivery struct {
	// Pending counts the notifications waiting in the outbox.
	Pending int `json:"pending"`
	// Sinks is each known sink's delivery state, by sink name.
	Sinks []outbox.SinkHealth `json:"sinks"`
}

// Node is one node's view in /status.
type Node struct {
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
