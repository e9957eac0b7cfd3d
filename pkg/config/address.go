package config

import "github.com/ethereum/go-ethereum/common"

// Address is an Ethereum address as the configuration gives it: parsed
// once, when the file is read, and written back as it was given (in the
// case it was given in). An Address that is not a 0x-prefixed 20-byte hex
// address is not Valid; a loaded configuration holds only valid ones.
type Address struct {
	text  string
	addr  common.Address
	valid bool
}

// ParseAddress reads an address. It never fails: text that is not an
// address gives an Address that is not Valid, which validation reports
// with the text.
func ParseAddress(text string) Address {
	a := Address{text: text}
	if addressRe.MatchString(text) {
		a.addr, a.valid = common.HexToAddress(text), true
	}
	return a
}

// AddressOf is addr as an Address, written in its EIP-55 form.
func AddressOf(addr common.Address) Address {
	return Address{text: addr.Hex(), addr: addr, valid: true}
}

// Valid reports whether the text is a 0x-prefixed 20-byte hex address.
func (a Address) Valid() bool { return a.valid }

// Addr returns the address (zero when it is not Valid).
func (a Address) Addr() common.Address { return a.addr }

// String returns the address as it was given.
func (a Address) String() string { return a.text }

// MarshalText writes the address as it was given.
func (a Address) MarshalText() ([]byte, error) { return []byte(a.text), nil }

// UnmarshalText reads an address as ParseAddress does; it never fails.
func (a *Address) UnmarshalText(b []byte) error {
	*a = ParseAddress(string(b))
	return nil
}
