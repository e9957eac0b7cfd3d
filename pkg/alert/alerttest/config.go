package alerttest

import (
	"strings"
	"testing"
)

// Validator is a sink config.
type Validator interface{ Validate() error }

// ConfigRow is one row of a sink config validation table.
type ConfigRow[C Validator] struct {
	Name string
	Cfg  C
	// Want is a substring of the expected error; "" expects success.
	Want string
}

// RunConfigTable checks each row's Validate outcome, and that build (the
// sink's constructor) accepts the valid configs and refuses the others.
func RunConfigTable[C Validator](t *testing.T, rows []ConfigRow[C], build func(C) error) {
	t.Helper()
	for _, tc := range rows {
		t.Run(tc.Name, func(t *testing.T) {
			err := tc.Cfg.Validate()
			if tc.Want == "" {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				if err := build(tc.Cfg); err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.Want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.Want)
			}
			if err := build(tc.Cfg); err == nil {
				t.Errorf("New accepted an invalid config")
			}
		})
	}
}
