package email

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// TestEscapingAndHeaderInjection sends a notification whose texts come
// from a hostile node: markup in the target, the description and a
// detail, a line break with a header in the target, a javascript: runbook
// link. The HTML part escapes all of it, the header stays one line and no
// header or recipient is added; the plain-text part keeps the text as it is.
func TestEscapingAndHeaderInjection(t *testing.T) {
	srv, cert := newServer(t, alerttest.SMTPStartTLS)
	s := newNotifier(t, testConfig(srv, cert, TLSStartTLS), nil)
	n := alerttest.Notification(alert.EthBalanceLow, "<script>x()</script>\r\nBcc: evil@example.com", alert.StatusFiring, 1)
	n.Description = `balance <b>0.1</b> & "falling"`
	n.Details = map[string]string{"note": "<img src=x onerror=y()>"}
	n.RunbookURL = "javascript:alert(1)"
	if err := s.Notify(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	m := srv.WaitMessages(t, 1)[0]
	if len(m.To) != 2 || strings.Contains(strings.Join(m.To, ","), "evil") {
		t.Errorf("envelope recipients %q", m.To)
	}
	r := parseMessage(t, m.Data)
	head, _, _ := strings.Cut(string(m.Data), "\r\n\r\n")
	if r.Header.Get("Bcc") != "" || strings.Contains(head, "\nBcc:") {
		t.Errorf("a Bcc header was injected:\n%s", head)
	}
	if want := "[lpwatch orch-1] EthBalanceLow on <script>x()</script>  Bcc: evil@example.com"; r.Subject != want {
		t.Errorf("Subject %q, want %q", r.Subject, want)
	}
	for _, bad := range []string{"<script>", "<b>", "<img", "javascript:"} {
		if strings.Contains(r.HTML, bad) {
			t.Errorf("HTML part holds %q unescaped:\n%s", bad, r.HTML)
		}
	}
	for _, good := range []string{"&lt;script&gt;x()&lt;/script&gt;", "balance &lt;b&gt;0.1&lt;/b&gt; &amp; &#34;falling&#34;", "&lt;img src=x onerror=y()&gt;", `href="#ZgotmplZ"`} {
		if !strings.Contains(r.HTML, good) {
			t.Errorf("HTML part lacks %q:\n%s", good, r.HTML)
		}
	}
	if !strings.Contains(r.Text, `balance <b>0.1</b> & "falling"`) || !strings.Contains(r.Text, "<script>x()</script>  Bcc: evil@example.com") {
		t.Errorf("text part changed the texts:\n%s", r.Text)
	}
}

// TestMessageIDsAreStable checks the ids that thread an episode: the same
// notification renders the same Message-ID in another process (a re-send
// after a crash), a resolve made by a restarted lpwatch names its
// trigger, and other episodes, identities or sources get other ids.
func TestMessageIDsAreStable(t *testing.T) {
	render := func(n *alert.Notification) Message {
		t.Helper()
		m, err := NewMessage(n, "example.net", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	ep := testEpisode()
	trigger := render(ep[0])
	again := *ep[0]
	again.ID = "another-record-id"
	if got := render(&again); got.MessageID != trigger.MessageID {
		t.Errorf("re-sent trigger: Message-ID %q, want %q", got.MessageID, trigger.MessageID)
	}
	resolve := render(ep[2])
	if resolve.InReplyTo != trigger.MessageID || resolve.References != trigger.MessageID || resolve.MessageID == trigger.MessageID {
		t.Errorf("resolve: Message-ID %q In-Reply-To %q References %q; trigger %q", resolve.MessageID, resolve.InReplyTo, resolve.References, trigger.MessageID)
	}
	// A notification made outside the engine (test-alert, a record of an
	// older version) starts its thread.
	old := *ep[0]
	old.Why = ""
	if got := render(&old); got.MessageID != trigger.MessageID || got.InReplyTo != "" {
		t.Errorf("trigger without why: %+v", got)
	}
	escalated := *ep[0]
	escalated.Why, escalated.Seq = alert.ReasonSeverity, 7
	if got := render(&escalated); got.InReplyTo != trigger.MessageID || got.MessageID == trigger.MessageID {
		t.Errorf("escalation: Message-ID %q In-Reply-To %q, want its own id in the trigger's thread", got.MessageID, got.InReplyTo)
	}
	seen := map[string]string{trigger.MessageID: "trigger"}
	for name, f := range map[string]func(n *alert.Notification){
		"next episode": func(n *alert.Notification) { n.StartsAt = n.StartsAt.Add(time.Hour) },
		"other target": func(n *alert.Notification) { n.Target = "tc002" },
		"other alert":  func(n *alert.Notification) { n.Alert = alert.RewardRoundMissed },
		"other source": func(n *alert.Notification) { n.Source = "orch-2" },
	} {
		n := *ep[0]
		f(&n)
		id := render(&n).MessageID
		if prev, dup := seen[id]; dup {
			t.Errorf("%s has the Message-ID of %s: %s", name, prev, id)
		}
		seen[id] = name
	}
	if !strings.HasPrefix(trigger.MessageID, "lpwatch.") || !strings.HasSuffix(trigger.MessageID, "@example.net") {
		t.Errorf("Message-ID %q", trigger.MessageID)
	}
}

// TestDateFallsBack dates a notification without CreatedAt by its start,
// and one without either by the clock.
func TestDateFallsBack(t *testing.T) {
	n := alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1)
	now := alerttest.T0().Add(time.Minute)
	n.CreatedAt = time.Time{}
	if m, _ := NewMessage(n, "example.net", now); !m.Date.Equal(n.StartsAt) {
		t.Errorf("date %s, want the start %s", m.Date, n.StartsAt)
	}
	n.StartsAt = time.Time{}
	if m, _ := NewMessage(n, "example.net", now); !m.Date.Equal(now) {
		t.Errorf("date %s, want now %s", m.Date, now)
	}
}
