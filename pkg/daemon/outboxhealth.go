package daemon

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/lpwatch/lpwatch/pkg/checks"
)

// OutboxStorage is the /health (and /status) entry that says whether the
// outbox can store notifications in state.dir: warning while its writes
// or removals fail (the directory is full, read-only or gone), ok
// otherwise, with the target "outbox". It is not health-relevant: /health
// answers for the watched orchestrator (a 503 takes it out of a load
// balancer), and an lpwatch that cannot persist is degraded, not down:
// it still delivers every notification from memory, and loses only those
// not yet delivered if it stops before the directory takes writes again.
// So the entry shows the problem to whoever reads /health, the status
// page and /status, without failing /health. It is not an alert and has
// no lpwatch_check_status series (whose check label names alerts);
// lpwatch_notification_unstored is its metric. Without DiskSpaceLow on
// state.dir's volume (host.data_paths), it is what shows a full state.dir.
const OutboxStorage = "OutboxStorage"

// outboxStorage is the OutboxStorage result, from what the outbox reports
// about its last writes (the same for every sink).
func (d *Daemon) outboxStorage() checks.Result {
	dir := filepath.Join(d.config().State.Dir, "outbox")
	r := checks.Result{Check: OutboxStorage, Target: "outbox", State: checks.OK, Reason: "notifications are stored in " + dir}
	unstored := 0
	for _, h := range d.outbox.Health() {
		unstored += h.Unstored
		if h.StorageError != "" {
			r.State = checks.Warning
			r.Reason = fmt.Sprintf("cannot store notifications in %s since %s: %s", dir, h.StorageFailingSince.Format(time.RFC3339), h.StorageError)
		}
	}
	switch {
	case r.State == checks.OK:
	case unstored > 0:
		r.Reason += fmt.Sprintf("; %d notification(s) held only in memory: delivered, but lost if lpwatch stops first", unstored)
	default:
		r.Reason += "; new notifications are held in memory until it takes writes again"
	}
	return r
}
