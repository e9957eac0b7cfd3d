package alerttest

import (
	"strings"
	"testing"
)

// ConfigCase is one row of a sink config validation table.
type ConfigCase struct {
	Name string
	// Validate runs the config's Validate.
	Validate func() error
	// New builds the sink from the same config and returns its error.
	New func() error
	// Want is a substring of the expected error; "" expects success.
	Want string
}

// RunConfigTable checks each case's Validate outcome and, for an invalid
// config, that New refuses it too.
func RunConfigTable(t *testing.T, cases []ConfigCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := tc.Validate()
			if tc.Want == "" {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				if err := tc.New(); err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.Want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.Want)
			}
			if err := tc.New(); err == nil {
				t.Errorf("New accepted an invalid config")
			}
		})
	}
}
