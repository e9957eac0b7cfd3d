package observe

import "time"

// Chain is what one probe of the chain saw. Obs is filled by the chain
// probe; it stays nil until chain monitoring is configured and has run.
type Chain struct {
	At     time.Time
	Err    error
	Reason string
	// Obs holds the chain prober's observation (type from pkg/chain).
	Obs any
}
