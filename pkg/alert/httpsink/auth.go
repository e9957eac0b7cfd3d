package httpsink

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
)

// Auth is the optional authentication of an HTTP sink: basic auth or a
// bearer token, never both. Its fields are secrets: they never appear in
// an error, a log line or String.
type Auth struct {
	// Username for basic auth.
	Username string
	// Password for basic auth (already read from password_file).
	Password string
	// BearerToken is sent as "Authorization: Bearer ..." (already read
	// from bearer_token_file).
	BearerToken string
}

// Validate reports an inconsistent combination. It never echoes a value.
func (a Auth) Validate() error {
	return errors.Join(a.checkBasic(), a.checkOne(), a.checkToken())
}

func (a Auth) checkBasic() error {
	if a.Password != "" && a.Username == "" {
		return errors.New("password is set but username is empty")
	}
	return nil
}

func (a Auth) checkOne() error {
	if a.BearerToken != "" && (a.Username != "" || a.Password != "") {
		return errors.New("basic auth (username/password) and bearer_token are mutually exclusive")
	}
	return nil
}

func (a Auth) checkToken() error {
	if strings.ContainsAny(a.BearerToken, " \t\r\n") {
		return errors.New("bearer_token contains white space")
	}
	return nil
}

// Header returns the Authorization header for a, or nil when a is empty.
func (a Auth) Header() http.Header {
	h := http.Header{}
	switch {
	case a.BearerToken != "":
		h.Set("Authorization", "Bearer "+a.BearerToken)
	case a.Username != "":
		h.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(a.Username+":"+a.Password)))
	default:
		return nil
	}
	return h
}

// Secrets lists the non-empty secret values of a, for scrubbing.
func (a Auth) Secrets() []string {
	var out []string
	for _, s := range []string{a.Password, a.BearerToken} {
		if s != "" {
			out = append(out, s)
		}
	}
	if h := a.Header(); h != nil {
		out = append(out, strings.TrimPrefix(strings.TrimPrefix(h.Get("Authorization"), "Basic "), "Bearer "))
	}
	return out
}

// Describe says which kind of auth is set, without any value.
func (a Auth) Describe() string {
	switch {
	case a.BearerToken != "":
		return "bearer"
	case a.Username != "":
		return "basic"
	}
	return "none"
}
