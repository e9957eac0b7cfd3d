// Package systemd holds the systemd units, polkit rule and sysusers/tmpfiles
// snippets lpwatch ships; its tests check them with systemd's own tools.
package systemd

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// maxExposure is the highest `systemd-analyze security` score accepted for
// lpwatch.service (0 is fully locked down, 10 is unprotected).
const maxExposure = 2.5

// unitFiles returns the .service files shipped in this directory.
func unitFiles(t *testing.T) []string {
	t.Helper()
	units, err := filepath.Glob("*.service")
	if err != nil || len(units) < 3 {
		t.Fatalf("want lpwatch, geth and livepeer units here, found %v (%v)", units, err)
	}
	return units
}

// stageUnit copies a unit into a temp dir with every /usr/local/bin program
// it runs replaced by an existing binary, since verify insists that
// ExecStart= programs exist, and returns the copy's path.
func stageUnit(t *testing.T, dir, name, text string) string {
	t.Helper()
	stand := systemdtest.RequireBinary(t, "true")
	text = regexp.MustCompile(`/usr/local/bin/[a-z]+`).ReplaceAllString(text, stand)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readFile returns a file's text.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// analyze runs systemd-analyze and returns its combined output and error.
func analyze(t *testing.T, args ...string) (string, error) {
	t.Helper()
	bin := systemdtest.RequireBinary(t, "systemd-analyze")
	out, err := exec.Command(bin, args...).CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

func TestUnitsVerify(t *testing.T) {
	for _, unit := range unitFiles(t) {
		t.Run(unit, func(t *testing.T) {
			path := stageUnit(t, t.TempDir(), unit, readFile(t, unit))
			if out, err := analyze(t, "verify", path); err != nil || out != "" {
				t.Fatalf("systemd-analyze verify %s: %v\n%s", unit, err, out)
			}
		})
	}
}

// TestVerifyCatchesMistakes proves the verify check above can fail.
func TestVerifyCatchesMistakes(t *testing.T) {
	broken := map[string]string{
		"unknown directive": "WatchdogSecs=30s\n",
		"missing program":   "ExecStartPost=/nonexistent/lpwatch-helper\n",
	}
	for name, line := range broken {
		t.Run(name, func(t *testing.T) {
			text := strings.Replace(readFile(t, "lpwatch.service"), "[Service]\n", "[Service]\n"+line, 1)
			path := stageUnit(t, t.TempDir(), "lpwatch.service", text)
			if out, err := analyze(t, "verify", path); err == nil && out == "" {
				t.Fatalf("verify accepted a unit with %s", name)
			}
		})
	}
}

// exposure returns the overall exposure score systemd-analyze gives a unit.
func exposure(t *testing.T, path string) float64 {
	t.Helper()
	out, err := analyze(t, "security", "--offline=true", "--no-pager", path)
	if err != nil {
		t.Fatalf("systemd-analyze security: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Overall exposure level for \S+: ([0-9.]+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no exposure level in:\n%s", out)
	}
	score, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatalf("exposure %q: %v", m[1], err)
	}
	return score
}

func TestLpwatchExposure(t *testing.T) {
	text := readFile(t, "lpwatch.service")
	withCap := strings.NewReplacer(
		"\nCapabilityBoundingSet=\n", "\n", "\nAmbientCapabilities=\n", "\n",
		"\n#CapabilityBoundingSet=", "\nCapabilityBoundingSet=", "\n#AmbientCapabilities=", "\nAmbientCapabilities=",
	).Replace(text)
	if !strings.Contains(withCap, "\nAmbientCapabilities=CAP_DAC_READ_SEARCH\n") {
		t.Fatal("the opt-in capability lines are missing from lpwatch.service")
	}
	variants := map[string]string{"as shipped": text, "with the opt-in CAP_DAC_READ_SEARCH": withCap}
	for name, unit := range variants {
		t.Run(name, func(t *testing.T) {
			score := exposure(t, stageUnit(t, t.TempDir(), "lpwatch.service", unit))
			t.Logf("lpwatch.service (%s): exposure %.1f (limit %.1f)", name, score, maxExposure)
			if score > maxExposure {
				t.Fatalf("exposure %.1f is above %.1f", score, maxExposure)
			}
		})
	}
	t.Run("an unhardened unit scores above the limit", func(t *testing.T) {
		bare := "[Service]\nExecStart=/usr/local/bin/lpwatch run\n"
		if score := exposure(t, stageUnit(t, t.TempDir(), "lpwatch.service", bare)); score <= maxExposure {
			t.Fatalf("bare unit scored %.1f: the exposure check cannot fail", score)
		}
	})
}

// directives parses a unit file into key -> values, joining continuation
// lines and dropping comments.
func directives(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	var logical string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if logical == "" && (line == "" || line[0] == '#' || line[0] == ';' || line[0] == '[') {
			continue
		}
		if strings.HasSuffix(line, "\\") {
			logical += strings.TrimSuffix(line, "\\") + " "
			continue
		}
		logical += line
		if k, v, ok := strings.Cut(logical, "="); ok {
			out[k] = append(out[k], strings.Join(strings.Fields(v), " "))
		}
		logical = ""
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestUnitContract(t *testing.T) {
	tests := map[string]map[string]string{
		"lpwatch.service": {
			"Type": "notify", "NotifyAccess": "main", "WatchdogSec": "30s", "Restart": "on-failure",
			"ExecStartPre": "/usr/local/bin/lpwatch check-config /etc/lpwatch/lpwatch.toml",
			"ExecStart":    "/usr/local/bin/lpwatch run -config /etc/lpwatch/lpwatch.toml",
			"ExecReload":   "/bin/kill -HUP $MAINPID",
			"User":         "lpwatch", "Group": "lpwatch", "StateDirectory": "lpwatch",
			"ReadWritePaths": "/var/lib/lpwatch", "NoNewPrivileges": "yes", "ProtectSystem": "strict",
			"ProtectHome": "yes", "PrivateTmp": "yes", "RestrictAddressFamilies": "AF_UNIX AF_INET AF_INET6",
		},
		"geth.service": {"Restart": "on-failure", "LimitNOFILE": "50000", "KillSignal": "SIGINT",
			"RequiresMountsFor": "/data/chain", "ReadWritePaths": "/data/chain"},
		"livepeer.service": {"Restart": "on-failure", "LimitNOFILE": "50000",
			"RequiresMountsFor": "/data/livepeer", "ReadWritePaths": "/data/livepeer"},
	}
	for unit, want := range tests {
		t.Run(unit, func(t *testing.T) {
			got := directives(t, unit)
			for k, v := range want {
				if !slices.Contains(got[k], v) {
					t.Errorf("%s: %s=%q, want %q", unit, k, got[k], v)
				}
			}
			if _, ok := got["RestartSec"]; !ok {
				t.Errorf("%s: RestartSec missing", unit)
			}
		})
	}
	lp := directives(t, "lpwatch.service")
	for _, k := range []string{"ProcSubset", "ProtectProc", "ProtectClock", "PrivateNetwork"} {
		if v, ok := lp[k]; ok {
			t.Errorf("lpwatch.service sets %s=%v, which breaks a check (see its comments)", k, v)
		}
	}
	node := directives(t, "livepeer.service")
	start := strings.Join(node["ExecStart"], " ")
	for _, flag := range []string{"-network arbitrum-one-mainnet", "-ethUrl http://127.0.0.1:8545", "-cliAddr 127.0.0.1:7935", "-monitor", "-datadir /data/livepeer"} {
		if !strings.Contains(start, flag) {
			t.Errorf("livepeer.service ExecStart lacks %q", flag)
		}
	}
	for _, k := range []string{"After", "Wants"} {
		if !strings.Contains(strings.Join(node[k], " "), "geth.service") {
			t.Errorf("livepeer.service %s= should name geth.service", k)
		}
	}
	chain := directives(t, "geth.service")
	if ts := strings.Join(chain["TimeoutStopSec"], ""); ts != "10min" {
		t.Errorf("geth.service TimeoutStopSec=%q, want a generous 10min", ts)
	}
}
