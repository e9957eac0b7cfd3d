package webhook_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
)

// TestSchemaDoc keeps docs/webhook.md and Payload in step: each JSON
// example has exactly the fields lpwatch sends, and the field table
// names every one of them.
func TestSchemaDoc(t *testing.T) {
	doc, err := os.ReadFile("../../../docs/webhook.md")
	if err != nil {
		t.Fatal(err)
	}
	sent, err := json.Marshal(webhook.NewPayload(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)))
	if err != nil {
		t.Fatal(err)
	}
	want := keys(t, sent)
	blocks := strings.Split(string(doc), "```json\n")[1:]
	if len(blocks) != 2 {
		t.Fatalf("found %d JSON examples, want 2 (firing and resolved)", len(blocks))
	}
	for i, b := range blocks {
		example := []byte(strings.SplitN(b, "```", 2)[0])
		if got := keys(t, example); !reflect.DeepEqual(got, want) {
			t.Errorf("example %d has fields %v, want %v", i, got, want)
		}
		dec := json.NewDecoder(bytes.NewReader(example))
		dec.DisallowUnknownFields()
		var p webhook.Payload
		if err := dec.Decode(&p); err != nil {
			t.Errorf("example %d does not decode as a Payload: %v", i, err)
		}
	}
	for _, k := range want {
		if !strings.Contains(string(doc), "| `"+k+"` |") {
			t.Errorf("field table does not describe %q", k)
		}
	}
}

func keys(t *testing.T, doc []byte) []string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(doc, &m); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
