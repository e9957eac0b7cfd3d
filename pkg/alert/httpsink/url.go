package httpsink

import (
	"errors"
	"net/url"
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
