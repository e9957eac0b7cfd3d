package alert

import (
	"errors"
	"fmt"
)

// ValidateNotification checks what every sink and the outbox rely on: a
// notification with an alert name, a known status and a known severity.
func ValidateNotification(n *Notification) error {
	if n == nil {
		return errors.New("notification is nil")
	}
	if n.Alert == "" {
		return errors.New("notification has no alert name")
	}
	if n.Status != StatusFiring && n.Status != StatusResolved {
		return fmt.Errorf("notification %s has unknown status %q", n.Alert, n.Status)
	}
	switch n.Severity {
	case SeverityInfo, SeverityWarning, SeverityCritical:
	default:
		return fmt.Errorf("notification %s has unknown severity %d", n.Alert, int(n.Severity))
	}
	return nil
}

// InvalidNotification wraps a validation failure as a permanent
// delivery error: retrying a malformed notification cannot help.
func InvalidNotification(err error) error {
	return &DeliveryError{Reason: "invalid_notification", Err: err}
}
