package chain

import (
	"bytes"
	"testing"
)

// FuzzDecodeTranscoder feeds arbitrary eth_call answers to the
// getTranscoder decoder (today's 10 words, 2018's 7): it returns a record or
// an error, never panics, and accepts only the two real layouts.
func FuzzDecodeTranscoder(f *testing.F) {
	word := func(b byte) []byte { w := make([]byte, wordSize); w[wordSize-1] = b; return w }
	f.Add(bytes.Repeat(word(1), 10))
	f.Add(bytes.Repeat(word(7), 7))
	f.Add(append(bytes.Repeat([]byte{0xff}, wordSize), bytes.Repeat(word(0), 9)...))
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := DecodeTranscoder(data)
		if err != nil {
			if tr != nil {
				t.Fatal("a record and an error")
			}
			return
		}
		if tr == nil {
			t.Fatal("neither a record nor an error")
		}
		if len(data) != 7*wordSize && len(data) < 10*wordSize {
			t.Fatalf("a %d-byte answer was accepted as a transcoder record", len(data))
		}
	})
}
