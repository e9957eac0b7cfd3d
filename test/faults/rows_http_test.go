package faults

import (
	"net/http"
	"strings"
)

// everything is the silence a hostile page would post: every alert, until 2099.
const everything = `{"all":true,"comment":"pwned","ends_at":"2099-01-01T00:00:00Z"}`

func httpRows() []row {
	return []row{
		downEpisodeIn("http", row{
			name: "csrf", fault: "a web page open in the operator's browser POSTs a silence of every alert until 2099 and a reload (text/plain, its own Origin), then the node goes down",
			want: want{note: "each forged request answered 403, no silence made, the node's alert still notified"},
			inject: func(e *env) {
				e.forge("POST", "/api/v1/silences", everything, "", map[string]string{"Content-Type": "text/plain", "Origin": "http://evil.example"})
				e.forge("POST", "/-/reload", "{}", "", map[string]string{"Content-Type": "text/plain", "Origin": "http://evil.example"})
				e.forge("POST", "/api/v1/silences", everything, "", map[string]string{"Content-Type": "application/json", "Referer": "http://evil.example/"})
			},
		}),
		downEpisodeIn("http", row{
			name: "dns-rebinding", fault: "a web page whose DNS name was rebound to 127.0.0.1 POSTs a JSON silence of every alert and a reload (Host: its name), then the node goes down",
			want: want{note: "each forged request answered 403, no silence made, the node's alert still notified"},
			inject: func(e *env) {
				port := e.base[strings.LastIndex(e.base, ":")+1:]
				e.forge("POST", "/api/v1/silences", everything, "rebound.evil.example:"+port, map[string]string{"Content-Type": "application/json"})
				e.forge("POST", "/-/reload", "", "rebound.evil.example:"+port, map[string]string{"Origin": "http://rebound.evil.example:" + port})
			},
		}),
	}
}

// forge sends a request a hostile page can make and checks that it is
// refused with 403 and changed nothing.
func (e *env) forge(method, path, body, host string, header map[string]string) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.base+path, strings.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		e.t.Errorf("forged %s %s (Host %q, %v) answered %d, want 403", method, path, host, header, resp.StatusCode)
	}
	if s := e.d.Silences(); len(s) != 0 {
		e.t.Errorf("a forged request made silences: %+v", s)
	}
}
