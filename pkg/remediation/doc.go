// Package remediation is lpwatch's self-healing (SPEC §6): the restart
// ladder over systemd, the optional daily restart of the chain unit, and
// the optional auto_reward call.
//
// A Controller is fed after every evaluation of the checks (Feed). Feeding
// never blocks and does no I/O: decisions run on the controller's own
// goroutines (Run), which restart units through a watchdog.UnitManager,
// wait for health in the feeds that follow, and record every attempt in a
// ledger in the state directory so that the guard rails (a restart budget
// per unit per window, a cool-down between two restarts of one unit) hold
// across restarts of lpwatch.
//
// The ladder, for TxStalled firing on a node or EthNodeHeadStale /
// EthNodeSyncing lasting past remediation.chain_unhealthy_for:
//
//  1. restart chain.systemd_unit and wait until the chain is healthy
//     again (a fresh head, not syncing), at most chain_healthy_timeout;
//  2. restart each affected node's systemd_unit and wait until the node
//     answers and its current round equals the chain's, at most
//     node_verify_timeout.
//
// NodeChainDisagreement alone restarts only the node, and never while the
// chain is unhealthy. Every restart is announced as a RemediationPerformed
// event; a spent budget or health that does not come back raises
// RemediationExhausted until health returns.
package remediation

// Results of one remediation step, the result label of
// lpwatch_remediations_total.
const (
	// ResultSuccess: the unit restarted and health came back in time.
	ResultSuccess = "success"
	// ResultFailed: systemd refused or failed the restart job.
	ResultFailed = "failed"
	// ResultTimeout: the unit restarted but health did not come back in time.
	ResultTimeout = "timeout"
	// ResultDryRun: dry_run is set; the restart was only logged.
	ResultDryRun = "dry_run"
	// ResultSkippedBudget: max_restarts of the unit in the window are spent.
	ResultSkippedBudget = "skipped_budget"
	// ResultSkippedCooldown: the unit was restarted less than cooldown ago.
	ResultSkippedCooldown = "skipped_cooldown"
	// ResultSkippedChainUnhealthy: a node restart was held back because its
	// chain is unhealthy.
	ResultSkippedChainUnhealthy = "skipped_chain_unhealthy"
	// resultStarted marks a ledger entry written before the restart: should
	// lpwatch die during the restart, the attempt still counts.
	resultStarted = "started"
)

// Results returns every value of the result label, for documentation and tests.
func Results() []string {
	return []string{ResultSuccess, ResultFailed, ResultTimeout, ResultDryRun,
		ResultSkippedBudget, ResultSkippedCooldown, ResultSkippedChainUnhealthy}
}
