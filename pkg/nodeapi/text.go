package nodeapi

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// maxUint256Digits is the number of decimal digits of 2^256-1.
const maxUint256Digits = 78

// maxUint256Bytes is the byte length of a big-endian uint256.
const maxUint256Bytes = 32

// parseUint256 parses a plain decimal integer in [0, 2^256-1]. Signs,
// fractions, exponents and leading zeros are rejected: go-livepeer writes
// on-chain uint256 values exactly this way, in JSON and in text bodies.
func parseUint256(s string) (*big.Int, error) {
	if s == "" {
		return nil, errors.New("empty number")
	}
	if !allDigits(s) {
		return nil, fmt.Errorf("%q is not an unsigned decimal integer", abbreviate(s))
	}
	if len(s) > 1 && s[0] == '0' {
		return nil, fmt.Errorf("%q has a leading zero", abbreviate(s))
	}
	if len(s) > maxUint256Digits {
		return nil, fmt.Errorf("%q is out of uint256 range", abbreviate(s))
	}
	n, ok := new(big.Int).SetString(s, 10)
	if !ok || n.BitLen() > 256 {
		return nil, fmt.Errorf("%q is out of uint256 range", abbreviate(s))
	}
	return n, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseDecimalBody parses a text body holding one decimal integer, such as
// /ethBalance or /maxGasPrice. Surrounding whitespace is ignored.
func parseDecimalBody(body []byte) (*big.Int, error) {
	return parseUint256(string(bytes.TrimSpace(body)))
}

// parseRoundText parses /currentRound as decimal text, the form of 0.2.x,
// v0.3.x and v0.7.0 and later: currentRound.String() and nothing else.
// Nothing is trimmed: the raw bytes a v0.5.0-v0.6.x node sends may look
// like whitespace (round 2613 is "\n5"), and trimming would read them as
// another number. Such a body is an error naming the v0.5 generation.
func parseRoundText(body []byte) (*big.Int, error) {
	if len(body) == 0 {
		return nil, errors.New("empty round")
	}
	if !allDigits(string(body)) {
		return nil, fmt.Errorf("%s is not a decimal round (go-livepeer v0.5.0 through v0.6.x send raw big-endian bytes: api %q)",
			describeBody(body), V05)
	}
	return parseUint256(string(body))
}

// parseRoundBytes parses /currentRound as go-livepeer v0.5.0 through
// v0.6.x write it: the round's big.Int.Bytes(), big-endian, at most 32
// bytes and without a leading zero byte, and no bytes at all for round 0.
// Every byte is part of the number, whatever it looks like.
func parseRoundBytes(body []byte) (*big.Int, error) {
	if len(body) > maxUint256Bytes {
		return nil, fmt.Errorf("%d bytes is longer than a big-endian uint256", len(body))
	}
	if len(body) > 0 && body[0] == 0 {
		return nil, fmt.Errorf("big-endian round %s has a leading zero byte", describeBody(body))
	}
	return new(big.Int).SetBytes(body), nil
}

// describeBody names a short body for an error: quoted when it is
// printable ASCII, in hex otherwise.
func describeBody(body []byte) string {
	short := body
	if len(short) > maxQuoted {
		short = short[:maxQuoted]
	}
	for _, b := range short {
		if b < 0x20 || b > 0x7e {
			return fmt.Sprintf("%d bytes 0x%x", len(body), short)
		}
	}
	return strconv.Quote(abbreviate(string(body)))
}

// parseBoolBody parses /roundInitialized: "true" or "false".
func parseBoolBody(body []byte) (bool, error) {
	switch s := string(bytes.TrimSpace(body)); s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	default:
		return false, fmt.Errorf("%q is not true or false", abbreviate(s))
	}
}

// parseAddress checks that s is a 0x-prefixed 20-byte hex address and
// returns it unchanged.
func parseAddress(s string) (string, error) {
	if !isHexAddress(s) {
		return "", fmt.Errorf("%q is not a 0x-prefixed 20-byte hex address", abbreviate(s))
	}
	return s, nil
}

func isHexAddress(s string) bool {
	if len(s) != 42 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') {
		return false
	}
	for i := 2; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// SameAddress reports whether a and b are the same Ethereum address. The
// node writes lowercase addresses in JSON and an EIP-55 checksummed one on
// /ethAddr, so the comparison ignores case. Anything that is not a
// 0x-prefixed 40-digit hex string compares false.
func SameAddress(a, b string) bool {
	return isHexAddress(a) && isHexAddress(b) && strings.EqualFold(a[2:], b[2:])
}

// parseNodeID checks a 2018 node ID: the hex encoding of a libp2p peer ID.
func parseNodeID(s string) (string, error) {
	if len(s) < 2 || len(s)%2 != 0 {
		return "", fmt.Errorf("node id %q is not an even-length hex string", abbreviate(s))
	}
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return "", fmt.Errorf("node id %q is not an even-length hex string", abbreviate(s))
		}
	}
	return s, nil
}

// parseRat parses a price as big.Rat.MarshalText writes it: "1200",
// "1/3", or "1200/1" from older Go. Nothing else is accepted, which also
// keeps hostile input such as "1e999999999" away from big.Rat.SetString.
func parseRat(s string) (*big.Rat, error) {
	num, den, hasDen := strings.Cut(s, "/")
	if !allDigits(num) || num == "" || (hasDen && (den == "" || !allDigits(den))) {
		return nil, fmt.Errorf("%q is not a rational number like \"1200\" or \"1/3\"", abbreviate(s))
	}
	if len(num) > maxUint256Digits*2 || len(den) > maxUint256Digits*2 {
		return nil, fmt.Errorf("%q is too long for a price", abbreviate(s))
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, fmt.Errorf("%q is not a valid rational number", abbreviate(s))
	}
	return r, nil
}

// maxQuoted is how much of a value an error message quotes.
const maxQuoted = 80

// abbreviate shortens s for an error message.
func abbreviate(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	return s[:maxQuoted] + "..."
}
