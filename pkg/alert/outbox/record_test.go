package outbox

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

func goodRecord(t testing.TB) []byte {
	t.Helper()
	data, err := encodeRecord(diskRecord{Sink: "pd", EnqueuedAt: alerttest.T0(), Notification: alerttest.Notification("TxStalled", "tc001", alert.StatusResolved, 2)})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// reframe builds a record file with a correct header around any body.
func reframe(body string) []byte { return []byte(recordHeader([]byte(body)) + body) }

func TestDecodeRecord(t *testing.T) {
	good := goodRecord(t)
	rec, err := decodeRecord(good)
	if err != nil {
		t.Fatalf("decode a good record: %v", err)
	}
	if rec.Sink != "pd" || rec.Notification.Alert != "TxStalled" || rec.Notification.Seq != 2 || !rec.EnqueuedAt.Equal(alerttest.T0()) {
		t.Errorf("decoded %+v", rec)
	}
	_, body, _ := bytes.Cut(good, []byte("\n"))
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "no header"},
		{"no header", body, "no header"},
		{"wrong magic", append([]byte("lpwatch-outbox 2 00000000 1\n"), 'x'), "header is not"},
		{"bad checksum field", []byte("lpwatch-outbox 1 xyz 1\nx"), "malformed checksum"},
		{"torn", good[:len(good)-3], "torn write"},
		{"bit flip", bytes.Replace(good, []byte("TxStalled"), []byte("TxStallee"), 1), "checksum"},
		{"not json", reframe("{not json"), "decode record body"},
		{"unknown field", reframe(`{"sink":"pd","surprise":1}`), "unknown field"},
		{"trailing data", reframe(`{"sink":"pd"} {}`), "trailing data"},
		{"no sink", reframe(`{"enqueued_at":"2026-01-01T00:00:00Z","notification":{}}`), "no sink"},
		{"no time", reframe(`{"sink":"pd","notification":{}}`), "no enqueue time"},
		{"no notification", reframe(`{"sink":"pd","enqueued_at":"2026-01-01T00:00:00Z"}`), "nil"},
		{"bad severity", reframe(`{"sink":"pd","enqueued_at":"2026-01-01T00:00:00Z","notification":{"severity":"loud"}}`), "unknown severity"},
		{"too big", append(good, make([]byte, maxRecordSize)...), "over the"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := decodeRecord(tc.data); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// FuzzRecord checks that decoding never panics and that whatever decodes
// re-encodes to a fixed point that decodes again. Seeds: testdata/fuzz.
func FuzzRecord(f *testing.F) {
	f.Add(goodRecord(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := decodeRecord(data)
		if err != nil {
			return
		}
		enc, err := encodeRecord(rec)
		if err != nil {
			t.Fatalf("re-encode a decoded record: %v", err)
		}
		rec2, err := decodeRecord(enc)
		if err != nil {
			t.Fatalf("decode a re-encoded record: %v", err)
		}
		enc2, err := encodeRecord(rec2)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not stable:\n%s\n%s", enc, enc2)
		}
	})
}
