package outbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"strconv"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// magic starts every record file; the digit is the format version
// (recordVersion).
const magic = "lpwatch-outbox 1"

// maxRecordSize bounds a record file; a larger one is corrupt.
const maxRecordSize = 1 << 20

// castagnoli is the CRC-32C table (the one with hardware support).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Record is one notification waiting for one sink.
type Record struct {
	// ID names the record's file: its 20-digit enqueue sequence.
	ID string `json:"id"`
	// Sink is the name of the sink it waits for.
	Sink string `json:"sink"`
	// EnqueuedAt is when Enqueue made it durable.
	EnqueuedAt time.Time `json:"enqueued_at"`
	// Notification is what will be delivered.
	Notification *alert.Notification `json:"notification"`
	// Attempts counts failed retryable attempts since Open (not persisted).
	Attempts int `json:"attempts"`
	// NextAttempt is the earliest time of the next attempt, zero when due
	// (not persisted).
	NextAttempt time.Time `json:"next_attempt,omitzero"`
	// LastError is the reason of the last failed attempt (not persisted).
	LastError string `json:"last_error,omitempty"`
}

// diskRecord is what a record file holds after its header line.
type diskRecord struct {
	Sink         string              `json:"sink"`
	EnqueuedAt   time.Time           `json:"enqueued_at"`
	Notification *alert.Notification `json:"notification"`
}

// encodeRecord renders a record file: a header line with the magic,
// the CRC-32C and the length of the body, then the JSON body.
func encodeRecord(r diskRecord) ([]byte, error) {
	body, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return append([]byte(recordHeader(body)), body...), nil
}

// recordHeader is the header line of a record file with this body.
func recordHeader(body []byte) string {
	return fmt.Sprintf("%s %08x %d\n", magic, crc32.Checksum(body, castagnoli), len(body))
}

// decodeRecord parses and checks a record file. Any damage (torn write,
// bit rot, foreign file) is an error; it never panics.
func decodeRecord(data []byte) (diskRecord, error) {
	var r diskRecord
	if len(data) > maxRecordSize {
		return r, fmt.Errorf("record is %d bytes, over the %d-byte limit", len(data), maxRecordSize)
	}
	head, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return r, errors.New("record has no header line")
	}
	fields := bytes.Fields(head)
	if len(fields) != 4 || string(fields[0])+" "+string(fields[1]) != magic {
		return r, errors.New("record header is not " + strconv.Quote(magic+" CRC LEN"))
	}
	sum, err := strconv.ParseUint(string(fields[2]), 16, 32)
	if err != nil || len(fields[2]) != 8 {
		return r, errors.New("record header has a malformed checksum")
	}
	n, err := strconv.Atoi(string(fields[3]))
	if err != nil || n != len(body) {
		return r, fmt.Errorf("record body is %d bytes, header says %s (torn write?)", len(body), fields[3])
	}
	if got := crc32.Checksum(body, castagnoli); got != uint32(sum) {
		return r, fmt.Errorf("record checksum %08x does not match %08x", got, sum)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return r, fmt.Errorf("decode record body: %w", err)
	}
	if dec.More() {
		return r, errors.New("record body has trailing data")
	}
	if err := r.validate(); err != nil {
		return r, err
	}
	return r, nil
}

// validate checks what delivery relies on.
func (r diskRecord) validate() error {
	if r.Sink == "" {
		return errors.New("record has no sink")
	}
	if r.EnqueuedAt.IsZero() {
		return errors.New("record has no enqueue time")
	}
	return validateNotification(r.Notification)
}

// validateNotification checks a notification the outbox will keep.
func validateNotification(n *alert.Notification) error {
	if err := alert.ValidateNotification(n); err != nil {
		return err
	}
	if n.ID == "" {
		return fmt.Errorf("notification %s has no id", n.Key())
	}
	return nil
}
