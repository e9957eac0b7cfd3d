package hostinfo

import (
	"context"
	"fmt"
	"math"
	"time"
)

// Kernel clock discipline constants, from the kernel's
// include/uapi/linux/timex.h and kernel/time/ntp.c, documented in
// adjtimex(2): https://man7.org/linux/man-pages/man2/adjtimex.2.html
const (
	// StaUnsync is the STA_UNSYNC bit of the timex status: "clock
	// unsynchronized". A time daemon clears it once it has synchronized the
	// clock; the kernel sets it again by itself when the maximum error
	// reaches MaxErrorLimit (second_overflow in kernel/time/ntp.c).
	StaUnsync = 0x0040

	// TimeOK ... TimeError are the clock states adjtimex(2) returns. The
	// kernel returns TimeError whenever the status is an error status:
	// STA_UNSYNC set, or a PPS discipline without a usable PPS signal
	// (is_error_status in kernel/time/ntp.c).
	TimeOK    = 0 // TIME_OK: clock synchronized, no leap second pending
	TimeIns   = 1 // TIME_INS: insert a leap second at midnight
	TimeDel   = 2 // TIME_DEL: delete a leap second at midnight
	TimeOOP   = 3 // TIME_OOP: leap second in progress
	TimeWait  = 4 // TIME_WAIT: leap second has occurred
	TimeError = 5 // TIME_ERROR (TIME_BAD): clock not synchronized

	// MaxErrorLimit is NTP_PHASE_LIMIT: the kernel grows the maximum error
	// by 500 µs every second and, when it reaches 16 s, caps it there and
	// sets STA_UNSYNC. systemd's timedatectl reports "System clock
	// synchronized: no" when maxerror >= 16 s (ntp_synced in systemd's
	// src/basic/time-util.c).
	MaxErrorLimit = 16 * time.Second
)

// Timex is the part of the kernel's struct timex that lpwatch reads, as
// adjtimex(2) returns it with modes 0 (read only).
type Timex struct {
	// State is adjtimex's return value, TimeOK ... TimeError.
	State int
	// Status holds the STA_* bits.
	Status int
	// MaxErrorMicros is the maximum error, in microseconds.
	MaxErrorMicros int64
	// EstErrorMicros is the estimated error, in microseconds.
	EstErrorMicros int64
}

// AdjtimexFunc reads the kernel's clock discipline without changing it.
type AdjtimexFunc func() (Timex, error)

// Clock is the kernel's view of the system clock's synchronization.
type Clock struct {
	// Synchronized holds when STA_UNSYNC is clear, State is not TimeError
	// and MaxError is below MaxErrorLimit. Note: chrony on Linux keeps
	// STA_UNSYNC set unless its "rtcsync" directive is on (it uses the bit
	// to keep the kernel off the RTC), so such a host reads as
	// unsynchronized even with a small MaxError; systemd's timedatectl
	// ignores the bit for that reason and looks at MaxError alone.
	Synchronized bool
	// MaxError is the kernel's maximum error bound of the clock.
	MaxError time.Duration
	// EstError is the kernel's estimated error of the clock.
	EstError time.Duration
	// State is the clock state, TimeOK ... TimeError.
	State int
	// Status holds the raw STA_* bits.
	Status int
}

// String describes the clock in one line, e.g. "synchronized (state
// TIME_OK, maxerror 12ms, esterror 1ms)".
func (c Clock) String() string {
	word := "synchronized"
	if !c.Synchronized {
		word = "unsynchronized"
		if c.Status&StaUnsync != 0 {
			word += ", STA_UNSYNC set"
		}
	}
	return fmt.Sprintf("%s (state %s, maxerror %s, esterror %s)", word, StateName(c.State), c.MaxError, c.EstError)
}

// StateName returns the kernel's name of a clock state, e.g. "TIME_ERROR".
func StateName(state int) string {
	names := [...]string{"TIME_OK", "TIME_INS", "TIME_DEL", "TIME_OOP", "TIME_WAIT", "TIME_ERROR"}
	if state < 0 || state >= len(names) {
		return fmt.Sprintf("unknown state %d", state)
	}
	return names[state]
}

// ClockStatus reads the kernel's clock synchronization status through
// adjtimex with modes 0, which changes nothing and needs no privilege (the
// lpwatch unit allows the adjtimex system call for this).
func (h *Host) ClockStatus(ctx context.Context) (Clock, error) {
	if err := ctx.Err(); err != nil {
		return Clock{}, fmt.Errorf("clock status: %w", err)
	}
	tx, err := h.adjtimex()
	if err != nil {
		return Clock{}, fmt.Errorf("clock status: adjtimex: %w", err)
	}
	return clockFromTimex(tx)
}

// clockFromTimex checks the kernel's answer and derives Synchronized.
func clockFromTimex(tx Timex) (Clock, error) {
	if tx.State < TimeOK || tx.State > TimeError {
		return Clock{}, fmt.Errorf("clock status: adjtimex returned unknown state %d", tx.State)
	}
	maxErr, err := micros("maxerror", tx.MaxErrorMicros)
	if err != nil {
		return Clock{}, err
	}
	estErr, err := micros("esterror", tx.EstErrorMicros)
	if err != nil {
		return Clock{}, err
	}
	return Clock{
		Synchronized: tx.Status&StaUnsync == 0 && tx.State != TimeError && maxErr < MaxErrorLimit,
		MaxError:     maxErr,
		EstError:     estErr,
		State:        tx.State,
		Status:       tx.Status,
	}, nil
}

// micros converts a non-negative microsecond count to a Duration.
func micros(name string, us int64) (time.Duration, error) {
	if us < 0 || us > math.MaxInt64/int64(time.Microsecond) {
		return 0, fmt.Errorf("clock status: adjtimex returned %s %d µs, out of range", name, us)
	}
	return time.Duration(us) * time.Microsecond, nil
}
