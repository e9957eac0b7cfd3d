// Package packaging holds the scripts that build lpwatch's release
// archives, Debian packages and container image (see README.md); this test
// checks the Debian version they derive from `git describe`.
package packaging

import (
	"os/exec"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

func TestDebVersion(t *testing.T) {
	bash := systemdtest.RequireBinary(t, "bash")
	cases := []struct{ describe, tag, want string }{
		{"v1.2.0", "v1.2.0", "1.2.0"},
		{"1.2.0", "1.2.0", "1.2.0"},
		{"v1.2.0-rc1", "v1.2.0-rc1", "1.2.0~rc1"},
		{"v1.2.0-3-gabc1234", "v1.2.0", "1.2.0+git3.abc1234"},
		{"v1.2.0-rc1-3-gabc1234", "v1.2.0-rc1", "1.2.0~rc1+git3.abc1234"},
		{"v1.2.0-3-gabc1234-dirty", "v1.2.0", "1.2.0+git3.abc1234+dirty"},
		{"9807500", "", "0.0~git20261202011523.9807500"}, // no tag: a hash, even an all-digit one
		{"59a77d0-dirty", "", "0.0~git20261202011523.59a77d0+dirty"},
	}
	for _, c := range cases {
		cmd := exec.Command(bash, "-c", `. ./lib.sh && debversion "$1" "$2"`, "debversion", c.describe, c.tag)
		cmd.Env = append(cmd.Environ(), "SOURCE_DATE_EPOCH=1796174123")
		out, err := cmd.CombinedOutput()
		if got := string(out); err != nil || got != c.want+"\n" {
			t.Errorf("debversion %q %q = %q, %v; want %q", c.describe, c.tag, got, err, c.want)
		}
	}
}

// TestDebVersionsSort: dpkg orders the versions as the releases came.
func TestDebVersionsSort(t *testing.T) {
	dpkg := systemdtest.RequireBinary(t, "dpkg")
	order := []string{"0.0~git20261202011523.59a77d0", "1.2.0~rc1", "1.2.0~rc1+git3.abc1234", "1.2.0", "1.2.0+git3.abc1234", "1.2.0+git3.abc1234+dirty", "1.2.1"}
	for i := 1; i < len(order); i++ {
		if err := exec.Command(dpkg, "--compare-versions", order[i-1], "lt", order[i]).Run(); err != nil {
			t.Errorf("dpkg does not sort %s before %s", order[i-1], order[i])
		}
	}
}
