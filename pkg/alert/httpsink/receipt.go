package httpsink

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Receipts of threading sinks (alert.Threader). A receipt names a message
// and the destination it was posted to (a chat, a webhook), the latter
// only by a short hash: a receipt is stored and may be shown, and a
// destination may be a secret. A receipt of another destination (the
// sink's configuration changed since) reads back as no message.

// NewReceipt returns the receipt of the message id posted to dest.
func NewReceipt(dest, id string) string {
	if id == "" {
		return ""
	}
	return id + "@" + destTag(dest)
}

// ReceiptMessage returns the message id of receipt when it was posted to
// dest, else "".
func ReceiptMessage(receipt, dest string) string {
	id, tag, ok := strings.Cut(receipt, "@")
	if !ok || id == "" || tag != destTag(dest) {
		return ""
	}
	return id
}

func destTag(dest string) string {
	h := sha256.Sum256([]byte("lpwatch-receipt\x00" + dest))
	return hex.EncodeToString(h[:6])
}
