package observe

import "time"

// Host is what one probe of the host saw.
type Host struct {
	At time.Time
	// Obs holds the host prober's observation.
	Obs any
}
