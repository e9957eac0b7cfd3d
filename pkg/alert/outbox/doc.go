// Package outbox is lpwatch's durable notification queue: every
// notification is written to disk for each of its sinks before any
// attempt, delivered by one worker per sink with exponential backoff and
// jitter, and removed only once the sink has accepted it. What a crash
// or kill -9 leaves behind is delivered after the next Open, resolves
// included. When the directory cannot be written (full, read-only), a
// notification is delivered from memory while its write is retried
// (see Enqueue).
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
// Delivery is at least once, and this is what is guaranteed:
//
//   - A notification Enqueue accepted is delivered to each of its sinks
//     unless the sink rejects it permanently (a 4xx other than 429), it
//     waits longer than Options.MaxAge (alert.outbox_max_age, 24h), its
//     sink is removed from the configuration, or, while the directory
//     cannot be written, lpwatch stops before a write succeeds (see
//     Enqueue). Each of these is logged; the first three are counted in
//     lpwatch_notifications_total, the last is shown while it can still
//     happen by lpwatch_notification_unstored.
//   - It may be delivered more than once: a crash or kill -9 after the
//     sink accepted it and before its file was removed, or an answer lost
//     on the way back, sends it again after the restart. The window is
//     kept small: a sink's 2xx status line settles the record (its body
//     is not waited for), and the removal is fsynced at once. A re-send is
//     the same record read back from disk: the same ID, Seq and dedup key,
//     so that a receiver can drop it (PagerDuty and Alertmanager
//     deduplicate by key; Slack shows the repeat).
//   - A record that cannot be removed after delivery (the directory fails
//     the unlink or the fsync) stays delivered: the removal is retried in
//     the background and reported in Health, and only a restart before it
//     succeeds sends the record again.
//
// Ordering: within one sink, the records of one alert identity
// (Notification.Key) are attempted strictly in Seq order, so a resolve
// never overtakes its trigger. Different identities progress
// independently: a record that keeps failing backs off on its own, and
// the others are attempted when the sink's own backoff allows.
//
// A directory is used by one Outbox at a time (an flock on ".lock").
package outbox
