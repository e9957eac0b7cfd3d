package httpsink

import (
	"net/url"
	"unicode/utf8"
)

// Truncate shortens s to at most max runes (max > 0), ending with "…"
// when cut: the rule for the text limits vendors set.
func Truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// WebURL returns raw when it is an absolute http or https URL, else "":
// the rule for a link a sink puts in a message.
func WebURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return raw
}
