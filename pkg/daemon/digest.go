package daemon

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/statefile"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// digestFile remembers the day of the last digest, so a restart around the
// digest time neither repeats nor skips it; digestVersion is its format
// version (the first files had no version field: version 1).
const (
	digestFile    = "digest.json"
	digestVersion = 1
)

// DigestFormat is the digest state file's format.
func DigestFormat() statefile.Format {
	return statefile.Format{Name: digestFile, Version: digestVersion}
}

type digestState struct {
	Version int    `json:"version"`
	LastDay string `json:"last_day"` // YYYY-MM-DD in local time
}

// digestDue reports whether the digest of the day of now is due: the
// configured HH:MM has passed and today's digest has not been sent.
func digestDue(now time.Time, hhmm, lastDay string) bool {
	if hhmm == "" {
		return false
	}
	var h, m int
	if _, err := fmt.Sscanf(hhmm, "%d:%d", &h, &m); err != nil {
		return false
	}
	at := time.Date(now.Year(), now.Month(), now.Day(), h, m, 0, 0, now.Location())
	return !now.Before(at) && lastDay != now.Format(time.DateOnly)
}

// loadDigest reads the digest state at path; what cannot be read gives an
// empty state and the error.
func loadDigest(path string, now time.Time) (digestState, error) {
	var st digestState
	_, err := statefile.ReadVersioned(path, DigestFormat(), &st, now)
	if err != nil {
		st = digestState{}
	}
	st.Version = digestVersion
	return st, err
}

// runDigest sends the optional daily digest at alert.digest_time.
func (d *Daemon) runDigest(ctx context.Context) error {
	path := filepath.Join(d.config().State.Dir, digestFile)
	st, err := loadDigest(path, d.clock.Now())
	if errors.Is(err, statefile.ErrNewer) {
		return err
	}
	if err != nil {
		d.log.WithError(err).Error("digest state unreadable; today's digest may be sent again")
	}
	tick := d.clock.NewTicker(30 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C():
		}
		now := d.clock.Now()
		cfg := d.config()
		if !digestDue(now, cfg.Alert.DigestTime, st.LastDay) {
			continue
		}
		if err := d.engine.Emit(ctx, alert.LpwatchDigest, source(cfg), alert.SeverityInfo,
			"daily digest "+now.Format(time.DateOnly), status.Digest(d.Status()), nil); err != nil {
			d.log.WithError(err).Error("cannot queue the daily digest; retried in 30s")
			continue
		}
		st.LastDay = now.Format(time.DateOnly)
		if err := statefile.WriteJSON(path, st); err != nil {
			d.log.WithError(err).Error("cannot record the digest day")
		}
	}
}
