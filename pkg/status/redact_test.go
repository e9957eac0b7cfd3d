package status

import "testing"

func TestSchemeHost(t *testing.T) {
	cases := map[string]string{
		"":                               "",
		"/run/geth.ipc":                  "/run/geth.ipc",
		"http://127.0.0.1:8545":          "http://127.0.0.1:8545",
		"https://arb.example.com/v2/key": "https://arb.example.com/<redacted>",
		"https://user:pw@h.example.com":  "https://h.example.com/<redacted>",
		"https://h.example.com?key=abc":  "https://h.example.com/<redacted>",
		"not a url with key":             "<redacted>",
	}
	for in, want := range cases {
		if got := schemeHost(in); got != want {
			t.Errorf("schemeHost(%q) = %q, want %q", in, got, want)
		}
	}
}
