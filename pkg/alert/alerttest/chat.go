package alerttest

import (
	"sync"
	"testing"
)

// Chat is a stand-in for a chat service (Telegram's Bot API, a Discord
// webhook): a Receiver that checks every request against the vendor's
// documented shape, numbers the messages it takes, answers in the
// vendor's words, and lists what it took as events. SetDown makes it
// answer the vendor's 5xx until it is up again. Scripted answers of the
// Receiver come first and are not events.
type Chat struct {
	*Receiver
	dialect Dialect

	mu         sync.Mutex
	down       bool
	next       int
	events     []string
	violations []string
}

// Dialect is how one vendor's service checks and answers requests.
type Dialect struct {
	// Name names the vendor in messages.
	Name string
	// Check returns what is wrong with a request by the vendor's
	// documented shape, or nil.
	Check func(req Request) []string
	// Refuse is the answer to a request that fails Check.
	Refuse func(problems []string) Response
	// Down is the answer while the service is down.
	Down Response
	// Answer is the answer to a valid request; new reports that it posts
	// a message, whose id is id (the first is 1).
	Answer func(req Request, id int) (resp Response, new bool)
	// Event says what a valid request did: "trigger ID" (the first
	// message of a firing alert, ID being its own id), "resolve ID" (a
	// resolve replying to, or editing, message ID), "resolve" (a resolve
	// of its own), "follow-up" (a short note after an edit), "repeat ID"
	// (a firing reminder replying to message ID) or "repeat".
	Event func(req Request, id int) string
}

// NewChat starts a Chat speaking d. It is closed when the test ends.
func NewChat(t testing.TB, d Dialect) *Chat {
	t.Helper()
	c := &Chat{Receiver: NewReceiver(t, Response{}), dialect: d}
	c.SetDecider(c.decide)
	return c
}

// SetDown makes the service fail (true) or work (false).
func (c *Chat) SetDown(down bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.down = down
}

// Events lists what the service took, in order.
func (c *Chat) Events() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.events...)
}

// Violations lists the requests that did not have the vendor's shape.
func (c *Chat) Violations() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.violations...)
}

// AssertValid fails the test if any request did not have the vendor's
// shape.
func (c *Chat) AssertValid(t testing.TB) {
	t.Helper()
	for _, v := range c.Violations() {
		t.Errorf("%s: %s", c.dialect.Name, v)
	}
}

// WaitEvents waits until the service took n events and returns them.
func (c *Chat) WaitEvents(t testing.TB, n int) []string {
	t.Helper()
	for have := 0; ; have++ {
		if ev := c.Events(); len(ev) >= n {
			return ev
		}
		c.WaitRequests(t, have+1)
	}
}

func (c *Chat) decide(req Request) Response {
	c.mu.Lock()
	defer c.mu.Unlock()
	if problems := c.dialect.Check(req); len(problems) > 0 {
		for _, p := range problems {
			c.violations = append(c.violations, req.Method+" "+req.Path+": "+p)
		}
		return c.dialect.Refuse(problems)
	}
	if c.down {
		return c.dialect.Down
	}
	resp, created := c.dialect.Answer(req, c.next+1)
	if created {
		c.next++
	}
	if ev := c.dialect.Event(req, c.next); ev != "" {
		c.events = append(c.events, ev)
	}
	return resp
}
