package systemd

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

const rulesFile = "50-lpwatch.rules"

// TestPolkitRuleStructure reads the rule's few load-bearing parts: the
// action, the user, the unit list and the verb.
func TestPolkitRuleStructure(t *testing.T) {
	text := readFile(t, rulesFile)
	for _, want := range []string{
		`action.id != "org.freedesktop.systemd1.manage-units"`,
		`subject.user != "lpwatch"`,
		`action.lookup("verb") == "restart"`,
		`units.indexOf(action.lookup("unit")) >= 0`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("%s lacks %s", rulesFile, want)
		}
	}
	m := regexp.MustCompile(`var units = \[([^\]]*)\];`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("%s has no units list", rulesFile)
	}
	var units []string
	if err := json.Unmarshal([]byte("["+m[1]+"]"), &units); err != nil {
		t.Fatalf("units list %s: %v", m[1], err)
	}
	if want := []string{"geth.service", "livepeer.service"}; !slices.Equal(units, want) {
		t.Errorf("units = %v, want exactly %v", units, want)
	}
	if n := strings.Count(text, "polkit.Result.YES"); n != 1 {
		t.Errorf("%d grants (polkit.Result.YES), want exactly one", n)
	}
}

// polkitHarness evaluates the rule file with a stand-in for polkit's
// JavaScript API and prints the result for each question read from stdin.
const polkitHarness = `
const fs = require("fs");
const rules = [];
const polkit = {
  Result: {NO: "no", YES: "yes", AUTH_SELF: "auth_self", AUTH_SELF_KEEP: "auth_self_keep",
           AUTH_ADMIN: "auth_admin", AUTH_ADMIN_KEEP: "auth_admin_keep", NOT_HANDLED: null},
  addRule: (f) => rules.push(f),
  log: () => {},
};
new Function("polkit", fs.readFileSync(process.argv[1], "utf8"))(polkit);
const answers = JSON.parse(fs.readFileSync(0, "utf8")).map((q) => {
  const action = {id: q.action, lookup: (k) => q.details[k]};
  const subject = {user: q.user, isInGroup: () => false};
  for (const r of rules) {
    const res = r(action, subject);
    if (res !== null && res !== undefined) return res;
  }
  return "not-handled";
});
process.stdout.write(JSON.stringify(answers));
`

// TestPolkitRuleDecisions runs the rule under node with a polkit stand-in.
func TestPolkitRuleDecisions(t *testing.T) {
	node := systemdtest.RequireBinary(t, "node")
	type question struct {
		Action  string            `json:"action"`
		User    string            `json:"user"`
		Details map[string]string `json:"details"`
	}
	const manage = "org.freedesktop.systemd1.manage-units"
	tests := []struct {
		name string
		q    question
		want string
	}{
		{"restart geth", question{manage, "lpwatch", map[string]string{"unit": "geth.service", "verb": "restart"}}, "yes"},
		{"restart livepeer", question{manage, "lpwatch", map[string]string{"unit": "livepeer.service", "verb": "restart"}}, "yes"},
		{"stop geth", question{manage, "lpwatch", map[string]string{"unit": "geth.service", "verb": "stop"}}, "no"},
		{"start livepeer", question{manage, "lpwatch", map[string]string{"unit": "livepeer.service", "verb": "start"}}, "no"},
		{"restart another unit", question{manage, "lpwatch", map[string]string{"unit": "sshd.service", "verb": "restart"}}, "no"},
		{"restart a look-alike", question{manage, "lpwatch", map[string]string{"unit": "geth.service.bak", "verb": "restart"}}, "no"},
		{"another user", question{manage, "alice", map[string]string{"unit": "geth.service", "verb": "restart"}}, "not-handled"},
		{"another action", question{"org.freedesktop.login1.reboot", "lpwatch", map[string]string{}}, "not-handled"},
	}
	qs := make([]question, len(tests))
	for i, tt := range tests {
		qs[i] = tt.q
	}
	in, err := json.Marshal(qs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "-e", polkitHarness, rulesFile)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(tests) {
		t.Fatalf("harness output %q: %v", out, err)
	}
	for i, tt := range tests {
		if got[i] != tt.want {
			t.Errorf("%s: polkit result %q, want %q", tt.name, got[i], tt.want)
		}
	}
}
