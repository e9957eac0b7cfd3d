// Package outbox is lpwatch's durable notification queue: every
// notification is written to disk for each of its sinks before any
// attempt, delivered by one worker per sink with exponential backoff and
// jitter, and removed only once the sink has accepted it. What a crash
// or kill -9 leaves behind is delivered after the next Open, resolves
// included.
//
// Storage: one file per (notification, sink) in the outbox directory,
// written as a temp file, fsynced, renamed to "<20-digit sequence>.rec",
// and made durable by an fsync of the directory. Enqueue returns only
// after that. This was chosen over an append log because each record is
// then written once and deleted once: there is no compaction, no index
// to rebuild, a torn write can only leave a "*.tmp" file (removed on
// Open, since its Enqueue never returned), and a damaged record file
// affects only itself: it is renamed "*.corrupt", logged, and the rest
// is delivered. Each file carries a CRC-32C of its body and its length,
// so bit rot is detected rather than delivered. Queues are small (a few
// records per firing alert), so a file each is cheap.
//
// Delivery is at least once: a crash after a sink accepted a record but
// before its file was removed delivers it again after restart (PagerDuty
// and Alertmanager deduplicate by key; Slack shows the repeat).
//
// Ordering: within one sink, the records of one alert identity
// (Notification.Key) are attempted strictly in Seq order, so a resolve
// never overtakes its trigger. Different identities progress
// independently: a record that keeps failing backs off on its own, and
// the others are attempted when the sink's own backoff allows.
//
// A directory is used by one Outbox at a time (an flock on ".lock").
package outbox
