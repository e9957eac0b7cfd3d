// Package config defines lpwatch's configuration, its defaults, and the
// strict TOML loader that validates it in one place.
//
// An [[alert.sink]] table is flat in the file, but only the keys every
// sink has are fields of Sink. The keys of its type are decoded into the
// type's section, a SinkSettings that the sink package owns and
// validates, found by the table's type in the SinkTypes registry the
// loader is given (pkg/alert/sinks holds lpwatch's). The registry is a
// parameter rather than an import because the sink packages import
// config, for Secret and SinkReport; config knows no sink type.
package config

import "time"

// Defaults. config.example.toml documents each of them next to its key.
const (
	DefaultListen            = "127.0.0.1:9717"
	DefaultStateDir          = "/var/lib/lpwatch"
	DefaultLogLevel          = "info"
	DefaultLogFormat         = "auto"
	DefaultProbeInterval     = 15 * time.Second
	DefaultProbeTimeout      = 10 * time.Second
	DefaultChainInterval     = 15 * time.Second
	DefaultChainTimeout      = 10 * time.Second
	DefaultHostInterval      = 30 * time.Second
	DefaultHostTimeout       = 5 * time.Second
	DefaultController        = "0xD8E8328501E9645d16Cf49539efC04f734606ee4"
	DefaultChainID           = 42161
	DefaultChainUnit         = "geth.service"
	DefaultNodeUnit          = "livepeer.service"
	DefaultRepeatInterval    = 4 * time.Hour
	DefaultReadTimeout       = 10 * time.Second
	DefaultWriteTimeout      = 10 * time.Second
	DefaultSinkTimeout       = 10 * time.Second
	DefaultOutboxMaxAge      = 24 * time.Hour
	DefaultBackoffInitial    = time.Second
	DefaultBackoffMax        = 5 * time.Minute
	DefaultMaxRestarts       = 3
	DefaultRestartWindow     = 6 * time.Hour
	DefaultRestartCooldown   = 30 * time.Minute
	DefaultChainHealthyWait  = 10 * time.Minute
	DefaultNodeVerifyWait    = 5 * time.Minute
	DefaultChainUnhealthyFor = 5 * time.Minute
	// DefaultSilenceMaxDuration bounds how far ahead a silence may end.
	DefaultSilenceMaxDuration = 7 * 24 * time.Hour
	// DefaultRunbookBaseURL is docs/runbooks.md of the lpwatch release.
	DefaultRunbookBaseURL = "https://github.com/lpwatch/lpwatch/blob/main/docs/runbooks.md"
)

// Config is the whole lpwatch configuration.
type Config struct {
	Server Server `toml:"server"`
	State  State  `toml:"state"`
	Log    Log    `toml:"log"`
	Nodes  []Node `toml:"node"`
	// Orchestrators are watched from the chain alone (no node API).
	Orchestrators []Orchestrator `toml:"orchestrator"`
	Chain         Chain          `toml:"chain"`
	Checks        Checks         `toml:"checks"`
	Alert         Alert          `toml:"alert"`
	Remediation   Remediation    `toml:"remediation"`
	Host          Host           `toml:"host"`
	// Peers are other lpwatch instances this one watches (PeerDown).
	Peers []Peer `toml:"peer"`

	// File is the path the configuration was read from ("" when built in code).
	File string `toml:"-"`
}

// Server configures the HTTP listeners.
type Server struct {
	Listen       string        `toml:"listen"`
	HealthListen string        `toml:"health_listen"`
	ReadTimeout  time.Duration `toml:"read_timeout"`
	WriteTimeout time.Duration `toml:"write_timeout"`
	// ExternalURL is how people reach the status page, used in notification links.
	ExternalURL string `toml:"external_url"`
	// APITokenFile holds a bearer token that POST /-/reload and the silence
	// API then require ("Authorization: Bearer <token>"); APIToken is its
	// content, read at load.
	APITokenFile string `toml:"api_token_file"`
	APIToken     Secret `toml:"-"`
}

// State configures where durable state lives.
type State struct {
	Dir string `toml:"dir"`
}

// Log configures logging.
type Log struct {
	Level  string `toml:"level"`
	Format string `toml:"format"` // auto | text | json
}

// Node is one livepeer node to watch.
type Node struct {
	Name            string        `toml:"name"`
	URL             string        `toml:"url"`
	API             string        `toml:"api"` // auto | gated | current | v0.5 | v0.3 | legacy
	ExpectedAddress Address       `toml:"expected_address"`
	SystemdUnit     string        `toml:"systemd_unit"`
	Interval        time.Duration `toml:"interval"`
	Timeout         time.Duration `toml:"timeout"`
	// Metrics reads the node's own /metrics (when it runs with -monitor): auto | on | off.
	Metrics string `toml:"metrics"`
	// PIDFile locates the process for the file-descriptor check when no systemd unit is known.
	PIDFile string `toml:"pid_file"`

	// ExpectedRewardCaller, when given, is the LIP-118 reward caller the
	// orchestrator (expected_address) must have on-chain; the zero
	// address means none. RewardCallerChanged fires when the chain's
	// differs. Empty: not checked.
	ExpectedRewardCaller Address `toml:"expected_reward_caller"`
}

// Chain configures the Ethereum / Arbitrum RPC endpoints and contracts.
type Chain struct {
	URLs           []string      `toml:"urls"`
	ReferenceURLs  []string      `toml:"reference_urls"`
	Controller     string        `toml:"controller"`
	RoundsManager  string        `toml:"rounds_manager"`  // override of the Controller lookup
	BondingManager string        `toml:"bonding_manager"` // override of the Controller lookup
	ChainID        uint64        `toml:"chain_id"`        // expected chain ID; 0 disables the check
	SystemdUnit    string        `toml:"systemd_unit"`
	Interval       time.Duration `toml:"interval"`
	Timeout        time.Duration `toml:"timeout"`
	HeadMaxAge     time.Duration `toml:"head_max_age"`
	// CheckPeers enables EthNodePeersLow (off by default: peers mean nothing on Arbitrum).
	CheckPeers bool `toml:"check_peers"`
	MinPeers   int  `toml:"min_peers"`
	// MaxLogRange bounds the block range of one eth_getLogs call.
	MaxLogRange uint64 `toml:"max_log_range"`
	// BatchSize bounds the calls of one JSON-RPC batch; a cycle's reads
	// are split into batches of at most this many (halved when the
	// endpoint refuses a batch as too large).
	BatchSize int `toml:"batch_size"`
	// Multicall folds the contract reads into Multicall3 aggregate3 calls
	// where the chain has the contract (detected with eth_getCode).
	Multicall bool `toml:"multicall"`
	// WatchActiveSet also observes every orchestrator of the transcoder
	// pool (the active set), read again each round. They are shown, with
	// their reward history, but raise no alert unless configured as a
	// [[node]] or [[orchestrator]].
	WatchActiveSet bool `toml:"watch_active_set"`
}

// Checks holds thresholds and durations of the built-in checks.
type Checks struct {
	NodeDownFor             time.Duration `toml:"node_down_for"`
	RewardWarnAfter         float64       `toml:"reward_warn_after"`         // fraction of the round elapsed
	RewardCriticalRemaining float64       `toml:"reward_critical_remaining"` // fraction of the round left
	RoundInitWarnAfter      float64       `toml:"round_init_warn_after"`     // fraction of the round elapsed
	// RewardNodeViewFor delays RewardNotCalled when only the node's view is
	// known (no chain configured), since the round's timing is then unknown.
	RewardNodeViewFor     time.Duration `toml:"reward_node_view_for"`
	RewardUnknownFor      time.Duration `toml:"reward_unknown_for"`
	DisagreementFor       time.Duration `toml:"disagreement_for"`
	StakeDropFraction     float64       `toml:"stake_drop_fraction"`
	BalanceWarnEther      float64       `toml:"balance_warn_ether"`
	BalanceCriticalEther  float64       `toml:"balance_critical_ether"`
	RunwayWarn            time.Duration `toml:"runway_warn"`
	RunwayWindow          time.Duration `toml:"runway_window"`
	ChainDownFor          time.Duration `toml:"chain_down_for"`
	SyncingFor            time.Duration `toml:"syncing_for"`
	BehindReferenceBlocks uint64        `toml:"behind_reference_blocks"`
	TxStalledFor          time.Duration `toml:"tx_stalled_for"`
	SessionsHighFraction  float64       `toml:"sessions_high_fraction"`
	SessionsHighFor       time.Duration `toml:"sessions_high_for"`
	SuccessRateMin        float64       `toml:"success_rate_min"`
	SuccessRateLowFor     time.Duration `toml:"success_rate_low_for"`
	FDHighFraction        float64       `toml:"fd_high_fraction"`
	DiskWarnFree          float64       `toml:"disk_warn_free"`
	DiskCriticalFree      float64       `toml:"disk_critical_free"`
	DeliveryFailingFor    time.Duration `toml:"delivery_failing_for"`
	// NodeChainErrorsFor delays LivepeerNodeChainErrors; it is longer than
	// a chain outage takes to raise EthNodeDown, which then explains it.
	NodeChainErrorsFor time.Duration `toml:"node_chain_errors_for"`
	// ClockUnsyncedFor delays ClockUnsynchronized past a time daemon's
	// first synchronization after boot.
	ClockUnsyncedFor time.Duration `toml:"clock_unsynced_for"`
	// PeerDownFor is how long a [[peer]] must not answer before PeerDown fires.
	PeerDownFor time.Duration `toml:"peer_down_for"`
}

// Alert configures the alert lifecycle and the sinks.
type Alert struct {
	RepeatInterval         time.Duration `toml:"repeat_interval"`
	RepeatIntervalCritical time.Duration `toml:"repeat_interval_critical"`
	RepeatIntervalWarning  time.Duration `toml:"repeat_interval_warning"`
	RepeatIntervalInfo     time.Duration `toml:"repeat_interval_info"`
	// Source names this lpwatch instance in notifications (default: host name).
	Source string `toml:"source"`
	// RunbookBaseURL prefixes runbook anchors in notifications (point it at
	// your own copy of docs/runbooks.md to keep notes of your own).
	RunbookBaseURL string        `toml:"runbook_base_url"`
	StartedNotice  bool          `toml:"started_notice"`
	DigestTime     string        `toml:"digest_time"` // "HH:MM" local time; empty disables the digest
	OutboxMaxAge   time.Duration `toml:"outbox_max_age"`
	BackoffInitial time.Duration `toml:"backoff_initial"`
	BackoffMax     time.Duration `toml:"backoff_max"`
	// SilenceMaxDuration bounds how far ahead of now a silence may end.
	SilenceMaxDuration time.Duration `toml:"silence_max_duration"`
	Sinks              []Sink        `toml:"sink"`
	// Heartbeat is the heartbeat out: a dead man's switch lpwatch pings.
	Heartbeat Heartbeat `toml:"heartbeat"`
}

// Remediation configures self-healing.
type Remediation struct {
	Enabled               bool          `toml:"enabled"`
	DryRun                bool          `toml:"dry_run"`
	MaxRestarts           int           `toml:"max_restarts"`
	Window                time.Duration `toml:"window"`
	Cooldown              time.Duration `toml:"cooldown"`
	ChainUnhealthyFor     time.Duration `toml:"chain_unhealthy_for"` // grace before HeadStale/Syncing restart the chain
	ChainHealthyTimeout   time.Duration `toml:"chain_healthy_timeout"`
	NodeVerifyTimeout     time.Duration `toml:"node_verify_timeout"`
	ScheduledChainRestart string        `toml:"scheduled_chain_restart"` // "HH:MM" daily; empty disables
	AutoReward            bool          `toml:"auto_reward"`
}

// Host configures host-level checks.
type Host struct {
	Enabled   bool          `toml:"enabled"`
	DataPaths []string      `toml:"data_paths"`
	Clock     bool          `toml:"clock"`
	Interval  time.Duration `toml:"interval"`
	Timeout   time.Duration `toml:"timeout"`
}

// Default returns a configuration with every default filled in and no
// nodes or sinks.
func Default() *Config {
	return &Config{
		Server: Server{Listen: DefaultListen, ReadTimeout: DefaultReadTimeout, WriteTimeout: DefaultWriteTimeout},
		State:  State{Dir: DefaultStateDir},
		Log:    Log{Level: DefaultLogLevel, Format: DefaultLogFormat},
		Chain: Chain{
			Controller: DefaultController, ChainID: DefaultChainID, SystemdUnit: DefaultChainUnit,
			Interval: DefaultChainInterval, Timeout: DefaultChainTimeout, HeadMaxAge: 2 * time.Minute,
			MinPeers: 3, MaxLogRange: 10000, BatchSize: 1000, Multicall: true,
		},
		Checks: DefaultChecks(),
		Alert: Alert{
			RepeatInterval: DefaultRepeatInterval, OutboxMaxAge: DefaultOutboxMaxAge, RunbookBaseURL: DefaultRunbookBaseURL,
			BackoffInitial: DefaultBackoffInitial, BackoffMax: DefaultBackoffMax, SilenceMaxDuration: DefaultSilenceMaxDuration,
			Heartbeat: heartbeatDefaults(),
		},
		Remediation: Remediation{
			DryRun: true, MaxRestarts: DefaultMaxRestarts, Window: DefaultRestartWindow,
			Cooldown: DefaultRestartCooldown, ChainUnhealthyFor: DefaultChainUnhealthyFor,
			ChainHealthyTimeout: DefaultChainHealthyWait, NodeVerifyTimeout: DefaultNodeVerifyWait,
		},
		Host: Host{Enabled: true, Clock: true, Interval: DefaultHostInterval, Timeout: DefaultHostTimeout},
	}
}

// DefaultChecks returns the thresholds of SPEC §4.
func DefaultChecks() Checks {
	return Checks{
		NodeDownFor:             time.Minute,
		RewardWarnAfter:         0.10,
		RewardCriticalRemaining: 0.25,
		RoundInitWarnAfter:      0.05,
		RewardNodeViewFor:       time.Hour,
		RewardUnknownFor:        30 * time.Minute,
		DisagreementFor:         10 * time.Minute,
		StakeDropFraction:       0.10,
		BalanceWarnEther:        0.05,
		BalanceCriticalEther:    0.01,
		RunwayWarn:              7 * 24 * time.Hour,
		RunwayWindow:            3 * 24 * time.Hour,
		ChainDownFor:            time.Minute,
		SyncingFor:              5 * time.Minute,
		BehindReferenceBlocks:   20,
		TxStalledFor:            10 * time.Minute,
		SessionsHighFraction:    0.85,
		SessionsHighFor:         10 * time.Minute,
		SuccessRateMin:          0.95,
		SuccessRateLowFor:       15 * time.Minute,
		FDHighFraction:          0.80,
		DiskWarnFree:            0.10,
		DiskCriticalFree:        0.05,
		DeliveryFailingFor:      10 * time.Minute,
		NodeChainErrorsFor:      3 * time.Minute,
		ClockUnsyncedFor:        15 * time.Minute,
		PeerDownFor:             2 * time.Minute,
	}
}

// nodeDefaults fills the per-node defaults that depend on nothing else.
func nodeDefaults() Node {
	return Node{API: "auto", SystemdUnit: DefaultNodeUnit, Interval: DefaultProbeInterval, Timeout: DefaultProbeTimeout, Metrics: "auto"}
}

// sinkDefaults fills the per-sink defaults.
func sinkDefaults() Sink {
	return Sink{MinSeverity: "warning", SendResolved: true, Timeout: DefaultSinkTimeout}
}
