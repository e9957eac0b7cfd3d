package alerttest

import (
	"encoding/json"
	"reflect"
	"testing"
)

// AssertJSON fails the test unless got and want decode to the same JSON
// value (same fields, same values, no extra fields).
func AssertJSON(t testing.TB, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got invalid JSON %q: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want is invalid JSON: %v", err)
	}
	if !reflect.DeepEqual(g, w) {
		gi, _ := json.MarshalIndent(g, "", "  ")
		wi, _ := json.MarshalIndent(w, "", "  ")
		t.Errorf("JSON differs\ngot:  %s\nwant: %s", gi, wi)
	}
}
