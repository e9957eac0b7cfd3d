package redact

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://hooks.slack.com/services/T0/B0/XYZ", "https://hooks.slack.com"},
		{"http://user:pw@127.0.0.1:9093/api?x=1", "http://127.0.0.1:9093"},
		{"wss://node.example:8546/ws?key=SECRET", "wss://node.example:8546"},
		{"http://127.0.0.1:7935", "http://127.0.0.1:7935"},
		{"events.pagerduty.com/v2", Placeholder},
		{"http://[::1", Placeholder},
		{"http://h:badport/x?token=SECRET", Placeholder},
		{"http://h/x?token=SECRET\x01", Placeholder},
		{"", ""},
	}
	for _, tc := range tests {
		if got := URL(tc.in); got != tc.want {
			t.Errorf("URL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for in, want := range map[string]string{
		"/var/run/geth.ipc":             "/var/run/geth.ipc",
		"//evil.example/v3/SECRET":      Placeholder,
		"https://rpc.example/v3/SECRET": "https://rpc.example",
	} {
		if got := Endpoint(in); got != want {
			t.Errorf("Endpoint(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReasonHidesTheURL(t *testing.T) {
	for _, raw := range []string{
		"http://h:SECRET/x",
		"http://h/x?token=SECRET\x01",
		"http://h/%SECRET",
		"http://SECRET host/",
	} {
		_, err := url.Parse(raw)
		if err == nil {
			t.Fatalf("%q parsed", raw)
		}
		got := Reason(err)
		if got == "" || strings.Contains(got, "SECRET") || strings.Contains(got, "http://") {
			t.Errorf("Reason(%v) = %q", err, got)
		}
	}
	_, err := url.Parse("http://h:badport/x")
	if got, want := Reason(err), `invalid port "…" after host`; got != want {
		t.Errorf("Reason = %q, want %q", got, want)
	}
}

func TestError(t *testing.T) {
	const raw = "https://user:hunter2@node.example:8545/v2/SECRETKEY?apikey=TOKEN"
	base := errors.New("boom")
	cases := []error{
		fmt.Errorf("node url %q: must not have a query or fragment", raw),
		fmt.Errorf("node tc001: %w", &url.Error{Op: "Get", URL: raw, Err: context.DeadlineExceeded}),
		fmt.Errorf("bad path /v2/SECRETKEY and query apikey=TOKEN for user:hunter2: %w", base),
		fmt.Errorf("parse: %w", func() error { _, err := url.Parse(raw + "\x01"); return err }()),
	}
	for _, in := range cases {
		got := Error(in, raw)
		for _, secret := range []string{"hunter2", "SECRETKEY", "TOKEN"} {
			for _, text := range []string{got.Error(), fmt.Sprintf("%v", got), fmt.Sprintf("%+v", got), fmt.Sprintf("%#v", got)} {
				if strings.Contains(text, secret) {
					t.Errorf("Error(%q) = %q still holds %q", in, text, secret)
				}
			}
		}
		if !strings.Contains(got.Error(), "node.example") && !strings.Contains(got.Error(), Placeholder) {
			t.Errorf("Error(%q) = %q names nothing", in, got)
		}
	}
	if got := Error(cases[1], raw); !errors.Is(got, context.DeadlineExceeded) || !strings.Contains(got.Error(), "Get https://node.example:8545: context deadline exceeded") {
		t.Errorf("a *url.Error became %q (Is deadline: %v)", got, errors.Is(got, context.DeadlineExceeded))
	}
	if got := Error(cases[2], raw); !errors.Is(got, base) {
		t.Errorf("errors.Is lost the cause of %q", got)
	}
	if Error(nil, raw) != nil {
		t.Error("Error(nil) is not nil")
	}
}
