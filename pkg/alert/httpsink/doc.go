// Package httpsink is the HTTP plumbing every HTTP sink shares, the
// counterpart of Alertmanager's notify/util.go: a Poster that sends a
// JSON document under a timeout, bounds and drains the answer and
// classifies it as an *alert.DeliveryError (5xx, 429 with Retry-After,
// timeouts and connection errors retryable; other statuses permanent),
// basic and bearer Auth with its config section, URL validation, the
// redaction of secret URLs and keys from every error, and the Base that
// the pagerduty, slack, alertmanager and webhook Notifiers embed.
//
// It knows no sink: a new HTTP sink (Telegram, Discord, ...) is a package
// of its own that embeds Base and renders its document.
package httpsink
