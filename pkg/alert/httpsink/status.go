package httpsink

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// StatusError builds the DeliveryError for a non-2xx HTTP answer: 5xx
// and 429 are retryable (429 honours Retry-After), other statuses are
// permanent. body is a short, secret-free excerpt of the answer.
func StatusError(resp *http.Response, now time.Time, body string) *alert.DeliveryError {
	code := resp.StatusCode
	de := &alert.DeliveryError{
		Reason: "http_" + strconv.Itoa(code),
		Err:    fmt.Errorf("unexpected status %d: %s", code, body),
	}
	switch {
	case code == http.StatusTooManyRequests:
		de.Retryable = true
		de.RetryAfter = ParseRetryAfter(resp.Header.Get("Retry-After"), now)
	case code >= 500:
		de.Retryable = true
	}
	return de
}

// ParseRetryAfter reads a Retry-After header in seconds or HTTP-date form.
// It returns 0 when the header is absent or invalid.
func ParseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// maxWait bounds a wait a destination asks for in seconds: a larger or
// nonsensical one is taken as this.
const maxWait = 24 * time.Hour

// ParseSeconds reads a wait given as a number of seconds, whole or
// fractional ("5", "0.347"), as vendors put it in a JSON field or a
// rate-limit header. It returns 0 when v is empty, not a number, or not
// above zero, and at most a day.
func ParseSeconds(v string) time.Duration {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || f <= 0 {
		return 0
	}
	if f >= maxWait.Seconds() {
		return maxWait
	}
	return time.Duration(math.Ceil(f * float64(time.Second)))
}

// maxSaid bounds what a destination's own error text adds to an error.
const maxSaid = 300

// Explain returns err, an *alert.DeliveryError of an answer, with its
// message replaced by what the destination said (its error text, scrubbed
// of the Poster's secrets and cut short) and advice, and the wait it asked
// for; the class is kept. When err is of another type, or said is empty,
// err is returned as it is.
func (p *Poster) Explain(err error, vendor string, status int, said, advice string) error {
	var de *alert.DeliveryError
	if said == "" || !errors.As(err, &de) {
		return err
	}
	msg := fmt.Sprintf("%s answered %d: %s", vendor, status, p.Scrub(Truncate(said, maxSaid)))
	if advice != "" {
		msg += advice
	}
	if de.RetryAfter > 0 {
		msg += "; retry after " + de.RetryAfter.String()
	}
	out := *de
	out.Err = errors.New(msg)
	return &out
}
