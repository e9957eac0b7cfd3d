package nodeapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
)

// object is a decoded JSON object whose values are still raw, so that each
// field can be checked for presence and type, and numbers of any size can be
// read exactly (go-livepeer writes *big.Int as bare JSON numbers, for example
// 2^256-1, which float64 would round).
type object map[string]json.RawMessage

// decodeObject parses body as one JSON object. Unknown fields are kept and
// ignored by the callers; anything other than an object is an error.
func decodeObject(body []byte) (object, error) {
	var o object
	if err := json.Unmarshal(body, &o); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	if o == nil {
		return nil, errors.New("not a JSON object: got null")
	}
	return o, nil
}

// raw returns the field's raw value; missing or null fields are errors.
func (o object) raw(key string) (json.RawMessage, error) {
	v, ok := o[key]
	if !ok {
		return nil, fmt.Errorf("field %s is missing", key)
	}
	if isNull(v) {
		return nil, fmt.Errorf("field %s is null", key)
	}
	return v, nil
}

func isNull(v json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(v), []byte("null")) }

// object returns a required nested object.
func (o object) object(key string) (object, error) {
	v, err := o.raw(key)
	if err != nil {
		return nil, err
	}
	inner, err := decodeObject(v)
	if err != nil {
		return nil, fmt.Errorf("field %s: %w", key, err)
	}
	return inner, nil
}

// bigInt returns a required unsigned integer field of up to 256 bits.
func (o object) bigInt(key string) (*big.Int, error) {
	v, err := o.raw(key)
	if err != nil {
		return nil, err
	}
	n, err := parseUint256(string(bytes.TrimSpace(v)))
	if err != nil {
		return nil, fmt.Errorf("field %s: %w", key, err)
	}
	return n, nil
}

// optBigInt is bigInt for a field that older nodes do not write: missing or
// null gives nil.
func (o object) optBigInt(key string) (*big.Int, error) {
	if v, ok := o[key]; !ok || isNull(v) {
		return nil, nil
	}
	return o.bigInt(key)
}

// str returns a required string field.
func (o object) str(key string) (string, error) {
	v, err := o.raw(key)
	if err != nil {
		return "", err
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", fmt.Errorf("field %s: not a string", key)
	}
	return s, nil
}

// optStr returns a string field that may be missing or null ("" then).
func (o object) optStr(key string) (string, error) {
	if v, ok := o[key]; !ok || isNull(v) {
		return "", nil
	}
	return o.str(key)
}

// boolean returns a required boolean field.
func (o object) boolean(key string) (bool, error) {
	v, err := o.raw(key)
	if err != nil {
		return false, err
	}
	var b bool
	if err := json.Unmarshal(v, &b); err != nil {
		return false, fmt.Errorf("field %s: not a boolean", key)
	}
	return b, nil
}

// ratOrNil returns a *big.Rat written as a JSON string ("1200", "1/3"). The
// field must be present; null gives nil (the node has no price set).
func (o object) ratOrNil(key string) (*big.Rat, error) {
	v, ok := o[key]
	if !ok {
		return nil, fmt.Errorf("field %s is missing", key)
	}
	if isNull(v) {
		return nil, nil
	}
	s, err := o.str(key)
	if err != nil {
		return nil, err
	}
	r, err := parseRat(s)
	if err != nil {
		return nil, fmt.Errorf("field %s: %w", key, err)
	}
	return r, nil
}
