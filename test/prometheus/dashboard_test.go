package prometheus

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// dashboard is the part of a Grafana dashboard model the tests read.
type dashboard struct {
	UID        string     `json:"uid"`
	Title      string     `json:"title"`
	Panels     []panel    `json:"panels"`
	Templating templating `json:"templating"`
}

type templating struct {
	List []variable `json:"list"`
}

type variable struct {
	Name       string          `json:"name"`
	Type       string          `json:"type"`
	Query      json.RawMessage `json:"query"`
	Datasource *datasource     `json:"datasource"`
}

type datasource struct {
	Type string `json:"type"`
	UID  string `json:"uid"`
}

type panel struct {
	ID         int         `json:"id"`
	Type       string      `json:"type"`
	Title      string      `json:"title"`
	Datasource *datasource `json:"datasource"`
	GridPos    struct {
		H, W, X, Y int
	} `json:"gridPos"`
	Targets []struct {
		RefID      string      `json:"refId"`
		Expr       string      `json:"expr"`
		Datasource *datasource `json:"datasource"`
	} `json:"targets"`
	Panels []panel `json:"panels"` // collapsed rows
}

// dsVar is the data source variable every query must use, so that the
// dashboard imports (pick a data source) and provisions (the default one).
const dsVar = "${DS_PROMETHEUS}"

func loadDashboard(t *testing.T) dashboard {
	t.Helper()
	b, err := os.ReadFile(dashboardPath)
	if err != nil {
		t.Fatal(err)
	}
	var d dashboard
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", dashboardPath, err)
	}
	return d
}

// allPanels flattens rows.
func (d dashboard) allPanels() []panel {
	var out []panel
	var walk func(ps []panel)
	walk = func(ps []panel) {
		for _, p := range ps {
			out = append(out, p)
			walk(p.Panels)
		}
	}
	walk(d.Panels)
	return out
}

// namedExpr is a PromQL expression and where it comes from.
type namedExpr struct {
	where string
	expr  string
}

// grafanaVars are the substitutions of the dashboard's variables by values
// a test can query: every instance and node, and fixed ranges.
var grafanaVars = strings.NewReplacer(
	"$__rate_interval", "1m",
	"$__interval", "15s",
	"$__range", "1h",
	"${instance}", ".*", "$instance", ".*",
	"${node}", ".*", "$node", ".*",
)

// expand substitutes the dashboard variables in expr and fails on any left.
func expand(t *testing.T, where, expr string) string {
	t.Helper()
	out := grafanaVars.Replace(expr)
	if strings.Contains(out, "$") {
		t.Errorf("%s: unknown variable left in %q", where, out)
	}
	return out
}

// dashboardExprs returns every panel query, variables expanded.
func dashboardExprs(t *testing.T, d dashboard) []namedExpr {
	t.Helper()
	var out []namedExpr
	for _, p := range d.allPanels() {
		for _, tg := range p.Targets {
			where := fmt.Sprintf("panel %q query %s", p.Title, tg.RefID)
			out = append(out, namedExpr{where, expand(t, where, tg.Expr)})
		}
	}
	return out
}

// labelValuesRe matches a Grafana label_values(selector, label) query.
var labelValuesRe = regexp.MustCompile(`^label_values\((.+),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$`)

// variableQuery is a query variable's label_values call, expanded.
type variableQuery struct {
	name, selector, label string
}

func variableQueries(t *testing.T, d dashboard) []variableQuery {
	t.Helper()
	var out []variableQuery
	for _, v := range d.Templating.List {
		if v.Type != "query" {
			continue
		}
		var q struct {
			Query string `json:"query"`
		}
		if err := json.Unmarshal(v.Query, &q); err != nil {
			t.Fatalf("variable %s: query: %v", v.Name, err)
		}
		m := labelValuesRe.FindStringSubmatch(q.Query)
		if m == nil {
			t.Fatalf("variable %s: %q is not label_values(selector, label)", v.Name, q.Query)
		}
		out = append(out, variableQuery{v.Name, expand(t, "variable "+v.Name, m[1]), m[2]})
	}
	return out
}

// TestDashboardModel checks what Grafana needs to import and provision the
// dashboard without a Prometheus at hand; the end-to-end test runs every
// query against a real one.
func TestDashboardModel(t *testing.T) {
	d := loadDashboard(t)
	if d.UID == "" || d.Title == "" {
		t.Errorf("uid %q, title %q: both are needed for provisioning", d.UID, d.Title)
	}
	var hasDS bool
	for _, v := range d.Templating.List {
		if v.Name == "DS_PROMETHEUS" {
			hasDS = v.Type == "datasource" && strings.Contains(string(v.Query), "prometheus")
		} else if v.Datasource == nil || v.Datasource.UID != dsVar {
			t.Errorf("variable %s does not query the %s data source", v.Name, dsVar)
		}
	}
	if !hasDS {
		t.Errorf("no DS_PROMETHEUS data source variable of type prometheus")
	}
	ids := map[int]string{}
	queries := 0
	for _, p := range d.allPanels() {
		if prev, dup := ids[p.ID]; dup {
			t.Errorf("panels %q and %q share id %d", prev, p.Title, p.ID)
		}
		ids[p.ID] = p.Title
		if p.GridPos.W <= 0 || p.GridPos.H <= 0 || p.GridPos.X < 0 || p.GridPos.X+p.GridPos.W > 24 {
			t.Errorf("panel %q: grid position %+v is outside the 24-column grid", p.Title, p.GridPos)
		}
		if p.Type == "row" {
			continue
		}
		if p.Datasource == nil || p.Datasource.UID != dsVar || len(p.Targets) == 0 {
			t.Errorf("panel %q: needs data source %s and at least one query", p.Title, dsVar)
		}
		for _, tg := range p.Targets {
			queries++
			if strings.TrimSpace(tg.Expr) == "" || tg.Datasource == nil || tg.Datasource.UID != dsVar {
				t.Errorf("panel %q query %s: empty or not on %s", p.Title, tg.RefID, dsVar)
			}
		}
	}
	dashboardExprs(t, d) // every variable used is one the tests know
	variableQueries(t, d)
	// The panels the operator needs (SPEC §7 and the list).
	text, err := os.ReadFile(dashboardPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, metric := range []string{"lpwatch_round_current", "lpwatch_round_blocks_remaining", "lpwatch_reward_last_round",
		"lpwatch_reward_missed_rounds_total", "lpwatch_eth_balance_ether", "lpwatch_eth_runway_seconds",
		"lpwatch_chain_head_age_seconds", "lpwatch_chain_syncing", "lpwatch_tx_pending_nonce_gap", "lpwatch_alerts_firing",
		"lpwatch_notifications_total", "lpwatch_notification_queue_depth", "lpwatch_notification_oldest_pending_seconds",
		"lpwatch_remediations_total", "lpwatch_host_open_fds", "lpwatch_disk_free_ratio", "lpwatch_clock_synchronized",
		`check=~\"RewardNotCalled\"`} {
		if !strings.Contains(string(text), metric) {
			t.Errorf("no panel queries %s", metric)
		}
	}
	if queries < 20 {
		t.Errorf("only %d queries", queries)
	}
}
