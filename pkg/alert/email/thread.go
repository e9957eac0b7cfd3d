package email

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Threading. Every message of one firing episode of an alert (its first
// notification, reminders, severity changes and the resolve) belongs to
// one thread, whose id is derived from the alert identity (its dedup key)
// and the episode's start, and nothing else: a message sent again after a
// crash or a restart carries the same Message-ID, so mail servers and
// clients drop the copy, and a resolve sent days later by a restarted
// lpwatch still points at its trigger.
//
//   - The episode's first notification (Notification.Why "new", or unset)
//     has the thread id as its Message-ID.
//   - Every other message of the episode has the thread id with its seq
//     as Message-ID, and names the thread id in In-Reply-To and
//     References, so that clients that thread by headers (RFC 5322
//     section 3.6.4: Thunderbird, Apple Mail, mutt) put it under the
//     trigger; its subject is the trigger's behind "Re: ", for those
//     that thread by subject (Gmail, Outlook).
//
// A sink whose route lets only some notifications through (min_severity
// = "critical" on an alert that began as a warning) may never get the
// first one: its messages still share their In-Reply-To and References,
// which is enough for clients that thread by headers.

// threadID is the Message-ID (without angle brackets) of the first
// message of n's firing episode, domain being the sender's.
func threadID(n *alert.Notification, domain string) string {
	return "lpwatch." + episode(n) + "@" + domain
}

// messageID is n's own Message-ID (without angle brackets).
func messageID(n *alert.Notification, domain string) string {
	if alert.StartsEpisode(n) {
		return threadID(n, domain)
	}
	return "lpwatch." + episode(n) + "." + strconv.FormatUint(n.Seq, 10) + "@" + domain
}

// episode is a stable hash of the alert identity and the start of the
// firing episode.
func episode(n *alert.Notification) string {
	h := sha256.Sum256([]byte(n.DedupKey() + "\x00" + n.StartsAt.UTC().Format(time.RFC3339Nano)))
	return hex.EncodeToString(h[:12])
}
