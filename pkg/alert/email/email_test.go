package email

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// episode returns the trigger, a reminder and the resolve of one firing
// episode of RewardNotCalled on tc001, as the engine makes them.
func testEpisode() []*alert.Notification {
	trigger := alerttest.Notification(alert.RewardNotCalled, "tc001", alert.StatusFiring, 1)
	trigger.Why = alert.ReasonNew
	reminder := alerttest.Notification(alert.RewardNotCalled, "tc001", alert.StatusFiring, 2)
	reminder.Why, reminder.CreatedAt = alert.ReasonRepeat, alerttest.T0().Add(30*time.Minute)
	resolve := alerttest.Notification(alert.RewardNotCalled, "tc001", alert.StatusResolved, 3)
	return []*alert.Notification{trigger, reminder, resolve}
}

// TestDeliveryThreadsAnEpisode sends an episode (trigger, reminder,
// resolve) to a real SMTP server in every TLS mode with each AUTH
// mechanism, the server checking the credentials, and reads each message
// back as a mail client does: addresses, subject, date, Message-ID,
// In-Reply-To and References, and both parts.
func TestDeliveryThreadsAnEpisode(t *testing.T) {
	for _, tc := range []struct {
		name   string
		server alerttest.SMTPTLS
		mode   TLSMode
		mech   string
	}{
		{"starttls plain", alerttest.SMTPStartTLS, TLSStartTLS, "PLAIN"},
		{"starttls login", alerttest.SMTPStartTLS, TLSStartTLS, "LOGIN"},
		{"implicit plain", alerttest.SMTPImplicitTLS, TLSImplicit, "PLAIN"},
		{"implicit login", alerttest.SMTPImplicitTLS, TLSImplicit, "LOGIN"},
		{"none plain to loopback", alerttest.SMTPNoTLS, TLSNone, "PLAIN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, cert := newServer(t, tc.server, tc.mech)
			log, _ := alerttest.NewLogger()
			s := newNotifier(t, testConfig(srv, cert, tc.mode), log)
			ns := testEpisode()
			for _, n := range ns {
				if err := s.Notify(context.Background(), n); err != nil {
					t.Fatalf("%s seq %d: %v", n.Status, n.Seq, err)
				}
			}
			msgs := srv.WaitMessages(t, 3)
			var got []received
			for _, m := range msgs {
				if m.User != testUser || m.TLS != (tc.mode != TLSNone) {
					t.Errorf("message as user %q, TLS %v; want %q, TLS %v", m.User, m.TLS, testUser, tc.mode != TLSNone)
				}
				if m.From != "alerts@example.net" || !slices.Equal(m.To, []string{"oncall@example.net", "ops@example.org"}) {
					t.Errorf("envelope from %q to %q", m.From, m.To)
				}
				got = append(got, parseMessage(t, m.Data))
			}
			checkThread(t, ns, got)
			checkParts(t, got)
		})
	}
}

// checkThread checks the headers of an episode's messages.
func checkThread(t *testing.T, ns []*alert.Notification, got []received) {
	t.Helper()
	const base = "[lpwatch orch-1] RewardNotCalled on tc001"
	rootID := got[0].Header.Get("Message-ID")
	if !strings.HasPrefix(rootID, "<lpwatch.") || !strings.HasSuffix(rootID, "@example.net>") {
		t.Fatalf("trigger Message-ID %q, want <lpwatch.…@example.net>", rootID)
	}
	root := strings.Trim(rootID, "<>")
	for i, r := range got {
		n := ns[i]
		h := r.Header
		from, err := h.AddressList("From")
		if err != nil || len(from) != 1 || from[0].Name != "lpwatch" || from[0].Address != "alerts@example.net" {
			t.Errorf("message %d: From %q (%v)", i, h.Get("From"), err)
		}
		to, err := h.AddressList("To")
		if err != nil || len(to) != 2 || to[0].Address != "oncall@example.net" || to[1].Name != "Ops Team" || to[1].Address != "ops@example.org" {
			t.Errorf("message %d: To %q (%v)", i, h.Get("To"), err)
		}
		if date, err := h.Date(); err != nil || !date.Equal(n.CreatedAt) {
			t.Errorf("message %d: Date %q (%v), want the notification's time %s", i, h.Get("Date"), err, n.CreatedAt)
		}
		for k, v := range map[string]string{"Auto-Submitted": "auto-generated", "X-Lpwatch-Alert-Id": n.DedupKey(),
			"X-Lpwatch-Status": string(n.Status), "X-Lpwatch-Severity": "critical", "User-Agent": "lpwatch"} {
			if h.Get(k) != v {
				t.Errorf("message %d: %s %q, want %q", i, k, h.Get(k), v)
			}
		}
		if i == 0 {
			if r.Subject != base || h.Get("In-Reply-To") != "" || h.Get("References") != "" {
				t.Errorf("trigger: Subject %q In-Reply-To %q References %q, want %q and no reference", r.Subject, h.Get("In-Reply-To"), h.Get("References"), base)
			}
			continue
		}
		if want := "<" + strings.TrimSuffix(root, "@example.net") + "." + strconv.FormatUint(n.Seq, 10) + "@example.net>"; h.Get("Message-ID") != want {
			t.Errorf("message %d: Message-ID %q, want %q", i, h.Get("Message-ID"), want)
		}
		if r.Subject != "Re: "+base || h.Get("In-Reply-To") != rootID || h.Get("References") != rootID {
			t.Errorf("message %d: Subject %q In-Reply-To %q References %q, want %q and the trigger %s", i, r.Subject,
				h.Get("In-Reply-To"), h.Get("References"), "Re: "+base, rootID)
		}
	}
}

// checkParts checks the plain-text and HTML parts of an episode.
func checkParts(t *testing.T, got []received) {
	t.Helper()
	want := []struct{ head, text, html string }{
		{"FIRING (critical): RewardNotCalled on tc001", "lastRewardRound 3999 < currentRound 4000", "lastRewardRound 3999 &lt; currentRound 4000"},
		{"STILL FIRING (critical): RewardNotCalled on tc001", "\nCause:", "<th align=\"left\">Cause</th><td>EthNodeHeadStale</td>"},
		{"RESOLVED after 1h0m0s: RewardNotCalled on tc001", "reward called for round 4000", "<td>2026-03-14 16:09:26 UTC</td>"},
	}
	for i, r := range got {
		if !slices.Equal(r.Types, []string{"text/plain", "text/html"}) {
			t.Errorf("message %d: parts %v, want text/plain then text/html", i, r.Types)
		}
		if !strings.HasPrefix(r.Text, want[i].head+"\n") || !strings.Contains(r.Text, want[i].text) ||
			!strings.Contains(r.Text, "Runbook: https://lpwatch.example/runbook#RewardNotCalled\n") ||
			textRow(r.Text, "current_round") != "4000" || textRow(r.Text, "Since") != "2026-03-14 15:09:26 UTC" {
			t.Errorf("message %d: text part\n%s\nwant it to start with %q and hold %q, the runbook and the details", i, r.Text, want[i].head, want[i].text)
		}
		if !strings.Contains(r.HTML, "<h2 style=\"color: ") || !strings.Contains(r.HTML, ">"+want[i].head+"</h2>") ||
			!strings.Contains(r.HTML, want[i].html) || !strings.Contains(r.HTML, `<a href="https://lpwatch.example/runbook#RewardNotCalled">Runbook</a>`) {
			t.Errorf("message %d: HTML part\n%s\nwant the heading %q and %q", i, r.HTML, want[i].head, want[i].html)
		}
		if strings.Contains(r.HTML, "3999 < current") {
			t.Errorf("message %d: HTML part does not escape '<'", i)
		}
	}
}

// textRow returns the value of the row key in a text part ("" if none).
func textRow(text, key string) string {
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, key+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
