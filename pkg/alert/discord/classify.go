package discord

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// answer is what lpwatch reads of a Discord answer: a message's id on
// success; an error's message and code ("Unknown Webhook", 10015), or a
// rate limit's retry_after.
// https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
type answer struct {
	ID         string      `json:"id"`
	Message    string      `json:"message"`
	Code       int         `json:"code"`
	RetryAfter json.Number `json:"retry_after"`
}

// Discord's JSON error codes that lpwatch tells apart.
const (
	codeUnknownWebhook = 10015
	codeInvalidToken   = 50027
)

func readAnswer(body []byte) (a answer, ok bool) {
	return a, json.Unmarshal(body, &a) == nil
}

// explain rewrites the error of a refused request with what Discord said
// and what to do about it. The classes are Poster's, which are Discord's
// (https://discord.com/developers/docs/topics/opcodes-and-status-codes#http):
// 429 is retried after its wait (see ratelimit.go), 5xx ("the server had
// an error processing your request") is retried, and every other 4xx is
// permanent: 400 a message Discord refuses, 401 and 404 a webhook that was
// deleted or whose token is wrong, 403 missing permissions. Discord's text
// is scrubbed like every answer.
func (s *Notifier) explain(a *httpsink.Answer, err error) error {
	if a == nil {
		return err
	}
	ans, _ := readAnswer(a.Body)
	var advice string
	if ans.Code != 0 {
		advice = fmt.Sprintf(" (code %d)", ans.Code)
	}
	switch {
	case ans.Code == codeUnknownWebhook || ans.Code == codeInvalidToken || a.Status == http.StatusUnauthorized:
		advice += ": the webhook was deleted or webhook_url is wrong; create one and set webhook_url"
	case a.Status == http.StatusForbidden:
		advice += ": the webhook may not post in this channel"
	}
	return s.Poster().Explain(err, "discord", a.Status, ans.Message, advice)
}
