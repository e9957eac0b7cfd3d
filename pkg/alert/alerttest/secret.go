package alerttest

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"
	"github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// AssertNoSecret fails the test when secret appears in any of texts.
// An empty secret is a mistake in the test and fails it too.
func AssertNoSecret(t testing.TB, secret string, texts ...string) {
	t.Helper()
	if secret == "" {
		t.Fatal("AssertNoSecret: empty secret")
	}
	for i, s := range texts {
		if strings.Contains(s, secret) {
			t.Errorf("text %d leaks a secret: %q", i, s)
		}
	}
}

// NewLogger returns a debug-level logger that writes nowhere and a hook
// holding every entry, for leak checks and log assertions.
func NewLogger() (*logrus.Logger, *test.Hook) {
	l, h := test.NewNullLogger()
	l.SetOutput(io.Discard)
	l.SetLevel(logrus.DebugLevel)
	return l, h
}

// LogTexts renders each captured entry with EntryText.
func LogTexts(h *test.Hook) []string {
	var out []string
	for _, e := range h.AllEntries() {
		out = append(out, EntryText(e))
	}
	return out
}

// ErrorLines renders the error-level entries about alertName (their
// "alert" field) with EntryText.
func ErrorLines(h *test.Hook, alertName string) []string {
	var out []string
	for _, e := range h.AllEntries() {
		if e.Level == logrus.ErrorLevel && e.Data["alert"] == alertName {
			out = append(out, EntryText(e))
		}
	}
	return out
}

// EntryText renders an entry as "level message k=v ..." with the fields
// in key order, including error fields.
func EntryText(e *logrus.Entry) string {
	keys := make([]string, 0, len(e.Data))
	for k := range e.Data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.Level, e.Message)
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%v", k, e.Data[k])
	}
	return b.String()
}

// ErrorTexts renders err the ways a caller might print it.
func ErrorTexts(err error) []string {
	if err == nil {
		return nil
	}
	return []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)}
}

// AssertNoLeaks drives a sink through failures that tend to leak
// secrets (a server echoing the request on 400, 429 and 500, a refused
// connection, a timeout, a cancelled context, a success) and checks
// that no secret appears in the returned error, in any log line, or in
// the sink's String. build returns the sink posting to baseURL (a
// loopback receiver) and logging to log.
func AssertNoLeaks(t *testing.T, secrets []string, build func(baseURL string, log logrus.FieldLogger) alert.Sink, n *alert.Notification) {
	t.Helper()
	echo := NewReceiver(t, Response{Status: 500, Echo: true})
	hang := NewReceiver(t, Response{Hang: true})
	closed := NewReceiver(t, Response{})
	closed.Close()
	cases := []struct {
		name    string
		url     string
		script  []Response
		timeout time.Duration
		cancel  bool
	}{
		{name: "echo 500", url: echo.URL()},
		{name: "echo 400", url: echo.URL(), script: []Response{{Status: 400, Echo: true}}},
		{name: "echo 429", url: echo.URL(), script: []Response{{Status: 429, Echo: true, RetryAfter: "1"}}},
		{name: "accepted", url: echo.URL(), script: []Response{{Status: 202}}},
		{name: "connection refused", url: closed.URL()},
		{name: "timeout", url: hang.URL(), timeout: 50 * time.Millisecond},
		{name: "canceled", url: hang.URL(), cancel: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			echo.Script(tc.script...)
			log, hook := NewLogger()
			s := build(tc.url, log)
			ctx, cancel := testContext(tc.timeout, tc.cancel)
			defer cancel()
			err := s.Notify(ctx, n)
			texts := append(ErrorTexts(err), LogTexts(hook)...)
			texts = append(texts, fmt.Sprint(s), fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s))
			for _, secret := range secrets {
				AssertNoSecret(t, secret, texts...)
			}
		})
	}
}

// testContext returns a context with the given timeout (none when 0),
// already cancelled when cancelled is true.
func testContext(timeout time.Duration, cancelled bool) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	if timeout > 0 {
		outer := cancel
		tctx, tcancel := context.WithTimeout(ctx, timeout)
		ctx, cancel = tctx, func() { tcancel(); outer() }
	}
	if cancelled {
		cancel()
	}
	return ctx, cancel
}
