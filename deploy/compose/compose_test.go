// Package compose holds the Docker Compose example that runs lpwatch beside
// go-livepeer's image; its test checks the file parses, wires the two
// together as README.md says, and that lpwatch's configuration is valid.
package compose

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v2"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// composeFile is the part of compose.yaml the test reads.
type composeFile struct {
	Services map[string]struct {
		Image   string   `yaml:"image"`
		Command []string `yaml:"command"`
		Ports   []string `yaml:"ports"`
		Volumes []string `yaml:"volumes"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func readCompose(t *testing.T) composeFile {
	t.Helper()
	b, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.UnmarshalStrict(b, &struct {
		Name     string         `yaml:"name"`
		Services map[string]any `yaml:"services"`
		Volumes  map[string]any `yaml:"volumes"`
		Secrets  map[string]any `yaml:"secrets"`
	}{}); err != nil {
		t.Fatalf("compose.yaml has an unknown top-level key: %v", err)
	}
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	return c
}

func TestComposeWiring(t *testing.T) {
	c := readCompose(t)
	node, lp := c.Services["livepeer"], c.Services["lpwatch"]
	if !strings.HasPrefix(node.Image, "livepeer/go-livepeer:") {
		t.Errorf("livepeer image %q, want go-livepeer's own", node.Image)
	}
	if !slices.Contains(node.Command, "-cliAddr=0.0.0.0:7935") || !slices.Contains(node.Command, "-monitor") {
		t.Errorf("the node's CLI API must listen on the compose network with -monitor: %v", node.Command)
	}
	for _, p := range append(node.Ports, lp.Ports...) {
		if strings.Contains(p, "7935") {
			t.Errorf("port %q publishes the node's CLI API on the host", p)
		}
		if strings.Contains(p, "9717") && !strings.HasPrefix(p, "127.0.0.1:") {
			t.Errorf("port %q publishes lpwatch beyond the host's loopback", p)
		}
	}
	for _, want := range []string{"./lpwatch.toml:/etc/lpwatch/lpwatch.toml:ro", "lpwatch-state:/var/lib/lpwatch"} {
		if !slices.Contains(lp.Volumes, want) {
			t.Errorf("lpwatch volumes %v lack %q", lp.Volumes, want)
		}
	}
	if _, ok := c.Volumes["lpwatch-state"]; !ok {
		t.Error("the lpwatch-state volume is not declared")
	}
}

// TestComposeConfig is check-config on the example's lpwatch.toml.
func TestComposeConfig(t *testing.T) {
	cfg, err := config.Load("lpwatch.toml", sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatalf("check-config lpwatch.toml: %v", err)
	}
	if len(cfg.Nodes) != 1 || cfg.Nodes[0].URL != "http://livepeer:7935" {
		t.Errorf("nodes = %+v, want the livepeer service's CLI API", cfg.Nodes)
	}
	if cfg.Remediation.Enabled || cfg.Nodes[0].SystemdUnit != "" || cfg.Chain.SystemdUnit != "" {
		t.Error("there is no systemd in a container: remediation off, no units")
	}
	if cfg.State.Dir != "/var/lib/lpwatch" || cfg.Server.Listen != "0.0.0.0:9717" {
		t.Errorf("state.dir %q, server.listen %q", cfg.State.Dir, cfg.Server.Listen)
	}
}

// TestComposeMatchesImage: the paths compose.yaml mounts are the ones the
// Containerfile runs with and declares as a volume.
func TestComposeMatchesImage(t *testing.T) {
	b, err := os.ReadFile("../../Containerfile")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, want := range []string{
		`CMD ["run", "-config", "/etc/lpwatch/lpwatch.toml"]`,
		`VOLUME ["/var/lib/lpwatch"]`,
		`"status", "-live", "-config", "/etc/lpwatch/lpwatch.toml"]`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Containerfile lacks %s", want)
		}
	}
	if !regexp.MustCompile(`(?m)^USER [1-9][0-9]*:[1-9][0-9]*$`).MatchString(text) {
		t.Error("the Containerfile must run as a numeric non-root user")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "What does not apply in a container") || !strings.Contains(string(readme), "D-Bus") {
		t.Error("README.md must say what does not apply in a container (D-Bus restarts)")
	}
}
