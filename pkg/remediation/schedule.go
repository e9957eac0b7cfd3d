package remediation

import (
	"fmt"
	"strconv"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// schedule is the timer of the daily chain restart. It is used from Run's
// goroutine only.
type schedule struct {
	spec  string // "HH:MM", "" when off
	hour  int
	min   int
	timer clock.Timer
	at    time.Time
}

// parseTimeOfDay parses "HH:MM" (24-hour clock).
func parseTimeOfDay(s string) (hour, min int, err error) {
	if len(s) != 5 || s[2] != ':' {
		return 0, 0, fmt.Errorf("time of day %q is not HH:MM", s)
	}
	hour, herr := strconv.Atoi(s[:2])
	min, merr := strconv.Atoi(s[3:])
	if herr != nil || merr != nil || hour < 0 || hour > 23 || min < 0 || min > 59 {
		return 0, 0, fmt.Errorf("time of day %q is not HH:MM between 00:00 and 23:59", s)
	}
	return hour, min, nil
}

// nextDaily returns the first hour:min in loc strictly after now. On a day
// when the clock skips that time (spring forward) it is the moment the
// skipped time stood for, e.g. 03:30 for a skipped 02:30.
func nextDaily(now time.Time, hour, min int, loc *time.Location) time.Time {
	t := now.In(loc)
	for day := 0; ; day++ {
		at := time.Date(t.Year(), t.Month(), t.Day()+day, hour, min, 0, 0, loc)
		if got := at.Hour()*60 + at.Minute(); got != hour*60+min {
			at = at.Add(time.Duration(hour*60+min-got) * time.Minute)
		}
		if at.After(t) {
			return at
		}
	}
}

// refire is how far after a run the next one is looked for, so that a
// time the clock passes twice (fall back) runs once.
const refire = 2 * time.Hour

// set follows the configuration: the daily restart runs only when
// remediation is enabled and scheduled_chain_restart is set. It reports
// whether the schedule changed; a value that is not HH:MM turns it off and
// is returned as an error.
func (s *schedule) set(clk clock.Clock, rem config.Remediation, loc *time.Location) (bool, error) {
	spec := rem.ScheduledChainRestart
	if !rem.Enabled {
		spec = ""
	}
	if spec == s.spec {
		return false, nil
	}
	s.stop()
	s.spec, s.at = spec, time.Time{}
	if spec == "" {
		return true, nil
	}
	hour, min, err := parseTimeOfDay(spec)
	if err != nil {
		return true, fmt.Errorf("scheduled_chain_restart: %w; no scheduled restart", err)
	}
	s.hour, s.min = hour, min
	now := clk.Now()
	s.at = nextDaily(now, hour, min, loc)
	s.timer = clk.NewTimer(s.at.Sub(now))
	return true, nil
}

// advance moves the schedule to the next day after it fired.
func (s *schedule) advance(clk clock.Clock, loc *time.Location) {
	if s.timer == nil {
		return
	}
	now := clk.Now()
	s.at = nextDaily(now.Add(refire), s.hour, s.min, loc)
	s.timer.Reset(s.at.Sub(now))
}

// c returns the timer's channel, nil (never ready) when off.
func (s *schedule) c() <-chan time.Time {
	if s.timer == nil {
		return nil
	}
	return s.timer.C()
}

func (s *schedule) stop() {
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
}
