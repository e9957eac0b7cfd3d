package hostinfo

import (
	"context"
	"errors"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestClockStatusInjected(t *testing.T) {
	const (
		staPLL     = 0x0001
		staPPSFreq = 0x0002
		staPPSTime = 0x0004
	)
	tests := []struct {
		name       string
		tx         Timex
		err        error
		want       Clock
		wantString string
		wantErr    string
		wantIs     error
	}{
		{name: "synchronized", tx: Timex{State: TimeOK, Status: staPLL, MaxErrorMicros: 12000, EstErrorMicros: 500},
			want:       Clock{Synchronized: true, MaxError: 12 * time.Millisecond, EstError: 500 * time.Microsecond, State: TimeOK, Status: staPLL},
			wantString: "synchronized (state TIME_OK, maxerror 12ms, esterror 500µs)"},
		{name: "leap second pending, synchronized", tx: Timex{State: TimeIns, Status: staPLL | 0x0010, MaxErrorMicros: 1000},
			want: Clock{Synchronized: true, MaxError: time.Millisecond, State: TimeIns, Status: staPLL | 0x0010}},
		{name: "never synchronized since boot", tx: Timex{State: TimeError, Status: StaUnsync, MaxErrorMicros: 16000000, EstErrorMicros: 16000000},
			want:       Clock{Synchronized: false, MaxError: 16 * time.Second, EstError: 16 * time.Second, State: TimeError, Status: StaUnsync},
			wantString: "unsynchronized, STA_UNSYNC set (state TIME_ERROR, maxerror 16s, esterror 16s)"},
		{name: "STA_UNSYNC with small maxerror (chrony without rtcsync)", tx: Timex{State: TimeError, Status: StaUnsync | staPLL, MaxErrorMicros: 3000},
			want: Clock{Synchronized: false, MaxError: 3 * time.Millisecond, State: TimeError, Status: StaUnsync | staPLL}},
		{name: "maxerror reached the limit", tx: Timex{State: TimeOK, Status: staPLL, MaxErrorMicros: 16000000},
			want:       Clock{Synchronized: false, MaxError: MaxErrorLimit, State: TimeOK, Status: staPLL},
			wantString: "unsynchronized (state TIME_OK, maxerror 16s, esterror 0s)"},
		{name: "just under the limit", tx: Timex{State: TimeOK, Status: staPLL, MaxErrorMicros: 15999999},
			want: Clock{Synchronized: true, MaxError: MaxErrorLimit - time.Microsecond, State: TimeOK, Status: staPLL}},
		{name: "PPS discipline without signal", tx: Timex{State: TimeError, Status: staPPSFreq | staPPSTime, MaxErrorMicros: 100},
			want: Clock{Synchronized: false, MaxError: 100 * time.Microsecond, State: TimeError, Status: staPPSFreq | staPPSTime}},
		{name: "adjtimex fails", err: syscall.EPERM, wantErr: "clock status: adjtimex", wantIs: syscall.EPERM},
		{name: "unknown state", tx: Timex{State: 9}, wantErr: "unknown state 9"},
		{name: "negative state", tx: Timex{State: -1}, wantErr: "unknown state -1"},
		{name: "negative maxerror", tx: Timex{MaxErrorMicros: -1}, wantErr: "maxerror -1 µs, out of range"},
		{name: "huge esterror", tx: Timex{EstErrorMicros: 1 << 62}, wantErr: "esterror"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newTestHost(t, nil, func() (Timex, error) { return tc.tx, tc.err })
			got, err := h.ClockStatus(context.Background())
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
					t.Fatalf("err = %v, want errors.Is %v", err, tc.wantIs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			if tc.wantString != "" && got.String() != tc.wantString {
				t.Fatalf("String() = %q, want %q", got.String(), tc.wantString)
			}
		})
	}
}

func TestClockStatusCancelled(t *testing.T) {
	called := false
	h := newTestHost(t, nil, func() (Timex, error) { called = true; return Timex{}, nil })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.ClockStatus(ctx); !errors.Is(err, context.Canceled) || called {
		t.Fatalf("err = %v, adjtimex called = %v; want context.Canceled and no call", err, called)
	}
}

func TestStateName(t *testing.T) {
	for state, want := range map[int]string{
		TimeOK: "TIME_OK", TimeIns: "TIME_INS", TimeDel: "TIME_DEL", TimeOOP: "TIME_OOP",
		TimeWait: "TIME_WAIT", TimeError: "TIME_ERROR", 6: "unknown state 6", -2: "unknown state -2",
	} {
		if got := StateName(state); got != want {
			t.Errorf("StateName(%d) = %q, want %q", state, got, want)
		}
	}
}
