package telegram

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// answer is a Bot API answer: "The response contains a JSON object, which
// always has a Boolean field 'ok' ... If 'ok' equals true, the request
// was successful and the result of the query can be found in the 'result'
// field. In case of an unsuccessful request, 'ok' equals false and the
// error is explained in the 'description'. An Integer 'error_code' field
// is also returned ... Some errors may also have an optional field
// 'parameters' of the type ResponseParameters"
// (https://core.telegram.org/bots/api#making-requests).
type answer struct {
	OK          bool   `json:"ok"`
	ErrorCode   int    `json:"error_code"`
	Description string `json:"description"`
	Result      struct {
		MessageID int64 `json:"message_id"`
	} `json:"result"`
	Parameters struct {
		// RetryAfter is "the number of seconds left to wait before the
		// request can be repeated" after flood control.
		RetryAfter json.Number `json:"retry_after"`
		// MigrateToChatID is the supergroup a group was migrated to.
		MigrateToChatID int64 `json:"migrate_to_chat_id"`
	} `json:"parameters"`
}

// readAnswer decodes a Bot API answer; ok is false when the body is not one.
func readAnswer(body []byte) (a answer, ok bool) {
	return a, json.Unmarshal(body, &a) == nil
}

// retryAfter reads the wait of a 429 answer: parameters.retry_after.
func retryAfter(a *httpsink.Answer, _ time.Time) time.Duration {
	ans, ok := readAnswer(a.Body)
	if !ok {
		return 0
	}
	return httpsink.ParseSeconds(ans.Parameters.RetryAfter.String())
}

// explain rewrites the error of a refused request with what the Bot API
// said and what to do about it. The classes are Poster's, which are the
// Bot API's: 429 is retried after parameters.retry_after; 5xx is retried;
// 400 (bad request: chat not found, a group migrated to a supergroup),
// 401 (the token is wrong or revoked), 403 (the bot was blocked, kicked or
// may not post) and 404 (no such bot) are permanent. The description is
// scrubbed: a server may quote the request path, token included.
func (s *Notifier) explain(a *httpsink.Answer, err error) error {
	if a == nil {
		return err
	}
	ans, _ := readAnswer(a.Body)
	advice := hint(a.Status, ans)
	if advice != "" {
		advice = " (" + advice + ")"
	}
	return s.Poster().Explain(err, "telegram", a.Status, ans.Description, advice)
}

// hint says what to check after a permanent refusal.
func hint(code int, ans answer) string {
	switch {
	case ans.Parameters.MigrateToChatID != 0:
		return "the group is now the supergroup " + strconv.FormatInt(ans.Parameters.MigrateToChatID, 10) + ": set chat_id to it"
	case code == http.StatusBadRequest:
		return "check chat_id and message_thread_id, and that the bot is in the chat"
	case code == http.StatusUnauthorized || code == http.StatusNotFound:
		return "check bot_token: it is wrong or was revoked"
	case code == http.StatusForbidden:
		return "the bot may not post in this chat: it was blocked or removed, or is not an admin of the channel"
	}
	return ""
}
