package alert_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

// TestEveryAlertHasARunbookSection keeps docs/runbooks.md and the catalog
// together: every notification links to RunbookAnchor(name).
func TestEveryAlertHasARunbookSection(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "runbooks.md"))
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^## (\w+)\s*$`).FindAllStringSubmatch(string(b), -1) {
		anchors[alert.RunbookAnchor(m[1])] = true
	}
	for _, m := range regexp.MustCompile(`<a id="(\w+)"></a>`).FindAllStringSubmatch(string(b), -1) {
		anchors[m[1]] = true
	}
	for name := range checks.Catalog() {
		if !anchors[alert.RunbookAnchor(name)] {
			t.Errorf("docs/runbooks.md has no section #%s for alert %s", alert.RunbookAnchor(name), name)
		}
	}
}
