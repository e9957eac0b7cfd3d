package prometheus

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// TestPromtool checks the rules, runs their unit tests, and checks the
// example scrape configuration (which loads the rules too).
func TestPromtool(t *testing.T) {
	bin := systemdtest.RequireBinary(t, "promtool")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"check rules", []string{"check", "rules", rulesPath}, "SUCCESS"},
		{"test rules", []string{"test", "rules", rulesTestPath}, "SUCCESS"},
		{"check config", []string{"check", "config", scrapePath}, "is valid prometheus config file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := exec.Command(bin, c.args...).CombinedOutput()
			if err != nil || !strings.Contains(string(out), c.want) {
				t.Fatalf("promtool %s: %v\n%s", strings.Join(c.args, " "), err, out)
			}
		})
	}
}
