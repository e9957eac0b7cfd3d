package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The json_exporter module built for -peers, and where it is kept.
const (
	jsonExporterModule  = "github.com/prometheus-community/json_exporter"
	jsonExporterVersion = "v0.7.0"
	jsonExporterPath    = ".cache/json_exporter-" + jsonExporterVersion + "/json_exporter"
)

// peerTools are the binaries of the stack an operator assembles instead
// of lpwatch.
type peerTools struct {
	prometheus, alertmanager, blackbox, jsonExporter string
}

// missingTools is returned when a tool is not installed; outside CI the
// comparison is then skipped.
type missingTools struct{ what []string }

func (m *missingTools) Error() string {
	return "missing " + strings.Join(m.what, ", ")
}

// findPeerTools looks the Debian packages' binaries up on PATH and builds
// json_exporter from its module into jsonPath when it is not there yet.
func findPeerTools(ctx context.Context, jsonPath string) (peerTools, error) {
	var t peerTools
	// The stack runs in its own directory: every path must be absolute.
	jsonPath, err := filepath.Abs(jsonPath)
	if err != nil {
		return t, err
	}
	var missing []string
	for _, b := range []struct {
		dst   *string
		names []string
		pkg   string
	}{
		{&t.prometheus, []string{"prometheus"}, "prometheus"},
		{&t.alertmanager, []string{"prometheus-alertmanager", "alertmanager"}, "prometheus-alertmanager"},
		{&t.blackbox, []string{"prometheus-blackbox-exporter", "blackbox_exporter"}, "prometheus-blackbox-exporter"},
	} {
		for _, n := range b.names {
			if p, err := exec.LookPath(n); err == nil {
				if *b.dst, err = filepath.Abs(p); err == nil {
					break
				}
			}
		}
		if *b.dst == "" {
			missing = append(missing, fmt.Sprintf("%s (Debian package %s)", b.names[0], b.pkg))
		}
	}
	if _, err := os.Stat(jsonPath); err != nil {
		if err := buildJSONExporter(ctx, jsonPath); err != nil {
			missing = append(missing, fmt.Sprintf("json_exporter (%s@%s could not be built: %v)", jsonExporterModule, jsonExporterVersion, err))
		}
	}
	t.jsonExporter = jsonPath
	if len(missing) > 0 {
		return t, &missingTools{what: missing}
	}
	return t, nil
}

// buildJSONExporter downloads json_exporter's module at its release and
// builds it in the module's own directory, with its own go.mod and
// go.sum: nothing of this repository's module is read or written.
func buildJSONExporter(ctx context.Context, out string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "lpwatch-bench-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "CGO_ENABLED=0")
	dl := exec.CommandContext(ctx, "go", "mod", "download", "-json", jsonExporterModule+"@"+jsonExporterVersion)
	dl.Dir, dl.Env = tmp, env
	b, err := dl.Output()
	if err != nil {
		return fmt.Errorf("go mod download: %w", err)
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(b, &mod); err != nil || mod.Dir == "" {
		return fmt.Errorf("go mod download: no module directory (%s)", mod.Error)
	}
	fmt.Printf("# building %s@%s into %s\n", jsonExporterModule, jsonExporterVersion, out)
	build := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", out, ".")
	build.Dir = mod.Dir
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly", "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %w: %s", err, strings.TrimSpace(string(b)))
	}
	return nil
}

// version returns the first line of bin --version.
func version(bin string) string {
	b, _ := exec.Command(bin, "--version").CombinedOutput()
	first, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return first
}
