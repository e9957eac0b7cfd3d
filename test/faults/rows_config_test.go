package faults

import (
	"net/http"
	"os"
	"strings"
	"testing"
)

func configRows() []row {
	return []row{
		{
			name: "invalid-at-start", area: "config", fault: "the configuration has an unknown key and a type error",
			want: want{note: "exit 1; every problem reported at once with file:line:col; nothing bound, nothing sent"},
			child: func(t *testing.T, c *children) {
				r := newRig(t, c)
				text := r.config("") + "bogus_key = 1\n"
				text = strings.Replace(text, `interval = "500ms"`, `interval = 5`, 1)
				r.write(text)
				p := r.run(false)
				if code := p.exitCode(); code != 1 {
					t.Errorf("lpwatch exited %d with an invalid configuration, want 1", code)
				}
				log := p.log()
				t.Logf("lpwatch said: %s", log)
				if !mentions(log, "bogus_key", "interval", "lpwatch.toml:") {
					t.Errorf("the error does not name both problems with their position:\n%s", log)
				}
				if httpStatus(r.base()+"/health") != 0 {
					t.Errorf("lpwatch served HTTP with an invalid configuration")
				}
				if n := len(r.pager.deliveries()); n != 0 {
					t.Errorf("%d notifications sent with an invalid configuration", n)
				}
				p.checkClean()
			},
		},
		downEpisodeIn("config", row{
			name: "invalid-on-reload", fault: "a reload (POST /-/reload) reads a configuration with an unknown key",
			want: want{note: "reload answered 400, lpwatch_config_last_reload_successful 0, the running configuration keeps alerting"},
			inject: func(e *env) {
				good, err := os.ReadFile(e.path)
				if err != nil {
					e.t.Fatal(err)
				}
				if err := os.WriteFile(e.path+".good", good, 0o600); err != nil {
					e.t.Fatal(err)
				}
				if err := os.WriteFile(e.path, append(good, "[bogus]\nkey = 1\n"...), 0o600); err != nil {
					e.t.Fatal(err)
				}
				if code := e.post("/-/reload"); code != http.StatusBadRequest {
					e.t.Errorf("a bad reload answered %d, want 400", code)
				}
				if v := e.metric("lpwatch_config_last_reload_successful", nil); v != 0 {
					e.t.Errorf("lpwatch_config_last_reload_successful = %v after a refused reload", v)
				}
			},
			heal: func(e *env) {
				if err := os.Rename(e.path+".good", e.path); err != nil {
					e.t.Fatal(err)
				}
				if code := e.post("/-/reload"); code != http.StatusOK {
					e.t.Errorf("a good reload answered %d, want 200", code)
				}
				if v := e.metric("lpwatch_config_last_reload_successful", nil); v != 1 {
					e.t.Errorf("lpwatch_config_last_reload_successful = %v after a good reload", v)
				}
			},
		}),
	}
}

// post sends POST path to lpwatch and returns the status code.
func (e *env) post(path string) int {
	e.t.Helper()
	resp, err := http.Post(e.base+path, "", nil)
	if err != nil {
		e.t.Fatalf("POST %s: %v", path, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
