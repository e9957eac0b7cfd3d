package httpsink

import (
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// timeLayout is how a message shows a time.
const timeLayout = "2006-01-02 15:04:05 MST"

// Fact is one labelled fact of a notification, as the chat sinks list
// them. Value is as it is: the sink escapes it.
type Fact struct {
	Name, Value string
}

// Facts lists what every chat message of n shows besides its texts: its
// target and severity, the cause of a symptom, since when it fires, and
// for a resolve when and after how long it ended.
func Facts(n *alert.Notification) []Fact {
	out := []Fact{{"Target", n.Target}, {"Severity", n.Severity.String()}}
	if n.Cause != "" {
		out = append(out, Fact{"Cause", n.Cause})
	}
	if !n.StartsAt.IsZero() {
		out = append(out, Fact{"Since", n.StartsAt.UTC().Format(timeLayout)})
	}
	if n.Status == alert.StatusResolved && !n.EndsAt.IsZero() {
		v := n.EndsAt.UTC().Format(timeLayout)
		if d := FiredFor(n); d != "" {
			v += " (after " + d + ")"
		}
		out = append(out, Fact{"Resolved", v})
	}
	return out
}

// FiredFor is how long the alert of resolve n fired, "" when unknown.
func FiredFor(n *alert.Notification) string {
	if n.Status != alert.StatusResolved || n.StartsAt.IsZero() || !n.EndsAt.After(n.StartsAt) {
		return ""
	}
	return n.EndsAt.Sub(n.StartsAt).Round(time.Second).String()
}

// Head is n's one-line title, "[FIRING:critical] RewardNotCalled on
// tc001" ("[RESOLVED:...]" for a resolve, "[TEST] " ahead for a test),
// its alert name and target passed through esc.
func Head(n *alert.Notification, esc func(string) string) string {
	status := "FIRING"
	if n.Status == alert.StatusResolved {
		status = "RESOLVED"
	}
	h := fmt.Sprintf("[%s:%s] %s on %s", status, n.Severity, esc(n.Alert), esc(n.Target))
	if n.Test {
		h = "[TEST] " + h
	}
	return h
}

// Verbatim is the esc of Head that changes nothing.
func Verbatim(s string) string { return s }
