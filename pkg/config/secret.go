package config

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Secret is a string that never prints: logs, errors, /status and JSON see
// "<secret>" instead of its value.
type Secret string

const redacted = "<secret>"

// String implements fmt.Stringer.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString implements fmt.GoStringer so %#v does not leak either.
func (s Secret) GoString() string { return s.String() }

// MarshalText implements encoding.TextMarshaler.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Reveal returns the secret's value, for the one place that sends it.
func (s Secret) Reveal() string { return string(s) }

// maxSecretSize bounds a secret file.
const maxSecretSize = 64 << 10

// ReadSecretFile reads a secret from a regular file of at most
// maxSecretSize bytes, trimming surrounding white space. Devices, FIFOs
// and directories are refused (reading /dev/zero or a FIFO would hang).
func ReadSecretFile(path string) (Secret, error) {
	// Stat before opening: opening a FIFO would block.
	pre, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("read secret file: %w", err)
	}
	if !pre.Mode().IsRegular() {
		return "", fmt.Errorf("secret file %s is not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("read secret file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("read secret file: %w", err)
	}
	if st.Size() > maxSecretSize {
		return "", fmt.Errorf("secret file %s is larger than %d bytes", path, maxSecretSize)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxSecretSize+1))
	if err != nil {
		return "", fmt.Errorf("read secret file: %w", err)
	}
	v := strings.TrimSpace(string(b))
	if v == "" {
		return "", fmt.Errorf("secret file %s is empty", path)
	}
	return Secret(v), nil
}
