package status

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/config"
)

// keys returns the keys of the JSON object raw in their order, with the
// raw value of each.
func keys(t *testing.T, raw json.RawMessage) ([]string, map[string]json.RawMessage) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var order []string
	vals := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		order = append(order, tok.(string))
		vals[tok.(string)] = v
	}
	return order, vals
}

// first returns the first element of the JSON array raw.
func first(t *testing.T, raw json.RawMessage) json.RawMessage {
	t.Helper()
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil || len(list) == 0 {
		t.Fatalf("not a non-empty array: %s", raw)
	}
	return list[0]
}

// The /status JSON keeps the keys, their order and their nesting of the
// daemon's earlier encoding, which `lpwatch status`, scripts and
// dashboards read: the chain and remediation sections sit under "extra".
func TestReportJSONShape(t *testing.T) {
	b, err := json.Marshal(Build(fullInputs()))
	if err != nil {
		t.Fatal(err)
	}
	top, v := keys(t, b)
	_, extra := keys(t, v["extra"])
	_, chainSec := keys(t, extra["chain"])
	cases := []struct {
		path string
		raw  json.RawMessage
		want string
	}{
		{"", b, "version started_at now healthy checks alerts silences delivery nodes config extra"},
		{"delivery", v["delivery"], "pending sinks"},
		{"extra", v["extra"], "chain remediation"},
		{"checks[0]", first(t, v["checks"]), "check target state reason since"},
		{"nodes[0]", first(t, v["nodes"]), "name url api up last_ok address version current_round round_initialized last_reward_round active balance_ether"},
		{"nodes[1]", json.RawMessage(mustIndex(t, v["nodes"], 1)), "name url api up error last_ok active balance_ether"},
		{"extra.chain", extra["chain"], "observed_at endpoint_in_use endpoints references contracts round round_initialized round_blocks_remaining round_length gas_price_wei block_seconds accounts rpc_calls rpc_round_trips rpc_bytes multicall failed_reads slashes_found"},
		{"extra.chain.endpoints[0]", first(t, chainSec["endpoints"]), "name healthy chain_id head head_age_seconds syncing peers"},
		{"extra.chain.accounts[0]", first(t, chainSec["accounts"]), "node kind address last_reward_round active balance_ether pending_nonce mined_nonce missed_rounds_total runway_days"},
	}
	for _, c := range cases {
		got, _ := keys(t, c.raw)
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s keys:\n got %s\nwant %s", c.path, strings.Join(got, " "), c.want)
		}
	}
	if top[len(top)-1] != "extra" {
		t.Errorf("top-level keys %v", top)
	}
}

func mustIndex(t *testing.T, raw json.RawMessage, i int) json.RawMessage {
	t.Helper()
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil || len(list) <= i {
		t.Fatalf("no element %d in %s", i, raw)
	}
	return list[i]
}

// Without a chain and a remediation ledger "extra" is left out, as before;
// an empty outbox still shows its section.
func TestReportJSONWithoutExtra(t *testing.T) {
	in := fullInputs()
	in.Config, in.Snapshot, in.Remediation, in.Sinks, in.Pending = fleetConfig(false), nodeSnapshot(), nil, nil, 0
	b, err := json.Marshal(Build(in))
	if err != nil {
		t.Fatal(err)
	}
	_, v := keys(t, b)
	if _, ok := v["extra"]; ok {
		t.Errorf("extra present: %s", v["extra"])
	}
	if string(v["delivery"]) != `{"pending":0,"sinks":null}` {
		t.Errorf("delivery %s", v["delivery"])
	}
}

// What the daemon encodes decodes back into the same report (`lpwatch
// status` reads it so), secrets aside: they encode redacted.
func TestReportDecodes(t *testing.T) {
	rep := Build(fullInputs())
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("pd-routing-key")) || bytes.Contains(b, []byte("api-key-123")) || bytes.Contains(b, []byte("secret-path")) {
		t.Fatalf("a secret is in the encoding: %s", b)
	}
	var got Report
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Nodes, rep.Nodes) || !reflect.DeepEqual(got.Chain, rep.Chain) || !reflect.DeepEqual(got.Delivery, rep.Delivery) ||
		!reflect.DeepEqual(got.Checks, rep.Checks) || len(got.Alerts) != 2 || got.Remediation == nil || len(got.Remediation.Restarts) != 7 {
		t.Errorf("decoded report differs:\n got %+v\nwant %+v", got, rep)
	}
	if got.Config == nil {
		t.Fatal("no configuration decoded")
	}
	if pd, ok := got.Config.Alert.Sinks[0].Settings.(config.DecodedSettings); !ok || pd["RoutingKey"] != "<secret>" {
		t.Errorf("decoded configuration %+v", got.Config)
	}
}
