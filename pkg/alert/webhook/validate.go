package webhook

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// ValidateURL checks that raw is an absolute http or https URL with a
// host. The error never contains the URL, which may be a secret.
func ValidateURL(raw string) error {
	if raw == "" {
		return errors.New("url is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New("url does not parse")
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return errors.New("url scheme must be http or https")
	}
	if u.Host == "" {
		return errors.New("url has no host")
	}
	if u.Fragment != "" {
		return errors.New("url must not have a fragment")
	}
	return nil
}

// ValidateNotification checks what every sink relies on: a notification
// with an alert name, a known status and a known severity.
func ValidateNotification(n *alert.Notification) error {
	if n == nil {
		return errors.New("notification is nil")
	}
	if n.Alert == "" {
		return errors.New("notification has no alert name")
	}
	if n.Status != alert.StatusFiring && n.Status != alert.StatusResolved {
		return fmt.Errorf("notification %s has unknown status %q", n.Alert, n.Status)
	}
	switch n.Severity {
	case alert.SeverityInfo, alert.SeverityWarning, alert.SeverityCritical:
	default:
		return fmt.Errorf("notification %s has unknown severity %d", n.Alert, int(n.Severity))
	}
	return nil
}

// InvalidNotification wraps a validation failure as a permanent
// delivery error: retrying a malformed notification cannot help.
func InvalidNotification(err error) error {
	return &alert.DeliveryError{Reason: "invalid_notification", Err: err}
}
