package httpsink

import (
	"errors"
	"fmt"
	"time"
)

// CheckConfig joins the problems of one sink's config with the rules
// every sink config shares (a name, a timeout that is not negative) into
// one error naming the sink, or nil. No error contains a secret.
func CheckConfig(kind, name string, timeout time.Duration, problems ...error) error {
	var errs []error
	if name == "" {
		errs = append(errs, errors.New("name is empty"))
	}
	errs = append(errs, problems...)
	if timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %s is negative", timeout))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("%s sink %q: %w", kind, name, err)
	}
	return nil
}
