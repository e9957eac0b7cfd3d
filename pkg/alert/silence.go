package alert

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// Silence is a maintenance window: while active, notifications of matching
// alerts are suppressed (the alerts are still evaluated).
type Silence struct {
	ID string `json:"id"`
	// Alert and Target match exactly; an empty matcher matches anything.
	Alert  string `json:"alert,omitempty"`
	Target string `json:"target,omitempty"`
	// All must be set for a silence with neither Alert nor Target, which
	// matches every alert: that is never the result of a missing field.
	All       bool      `json:"all,omitempty"`
	Comment   string    `json:"comment"`
	CreatedBy string    `json:"created_by,omitempty"`
	StartsAt  time.Time `json:"starts_at"`
	EndsAt    time.Time `json:"ends_at"`
}

// Active reports whether the silence applies at now.
func (s Silence) Active(now time.Time) bool {
	return !now.Before(s.StartsAt) && now.Before(s.EndsAt)
}

// Matches reports whether the silence covers (alert, target).
func (s Silence) Matches(alert, target string) bool {
	return (s.Alert == "" || s.Alert == alert) && (s.Target == "" || s.Target == target)
}

// Silences is the persisted set of silences.
type Silences struct {
	mu   sync.Mutex
	path string
	// catalog holds the alert names a silence may match.
	catalog Catalog
	list    []Silence
}

// OpenSilences loads the silences persisted in dir; new ones may match
// the alerts of catalog. A corrupt file is moved aside and reported; the
// set then starts empty. A file in a newer format is refused
// (statefile.ErrNewer, and no set) and left as it is.
func OpenSilences(dir string, now time.Time, catalog Catalog) (*Silences, error) {
	s := &Silences{path: filepath.Join(dir, silencesFile), catalog: catalog}
	var f silencesState
	if _, err := statefile.ReadVersioned(s.path, SilencesFormat(), &f, now); err != nil {
		if errors.Is(err, statefile.ErrNewer) {
			return nil, fmt.Errorf("load silences: %w", err)
		}
		return s, fmt.Errorf("load silences: %w", err)
	}
	s.list = f.Silences
	return s, nil
}

// Add validates, stores and persists a new silence, which must end within
// maxDuration of now. The returned silence carries its ID.
func (s *Silences) Add(sil Silence, now time.Time, maxDuration time.Duration) (Silence, error) {
	var problems []string
	if strings.TrimSpace(sil.Comment) == "" {
		problems = append(problems, "a comment is required")
	}
	if sil.StartsAt.IsZero() {
		sil.StartsAt = now
	}
	switch {
	case !sil.EndsAt.After(now) || !sil.EndsAt.After(sil.StartsAt):
		problems = append(problems, "the end time must be in the future and after the start")
	case sil.EndsAt.Sub(now) > maxDuration:
		problems = append(problems, fmt.Sprintf("a silence must end within %s of now (alert.silence_max_duration)", maxDuration))
	}
	switch {
	case sil.All && (sil.Alert != "" || sil.Target != ""):
		problems = append(problems, `"all" matches every alert: give it without an alert or a target`)
	case !sil.All && sil.Alert == "" && sil.Target == "":
		problems = append(problems, `give an alert, a target or both; a silence of every alert needs "all": true`)
	}
	if sil.Alert != "" {
		if !s.catalog.Has(sil.Alert) {
			problems = append(problems, fmt.Sprintf("unknown alert name %q", sil.Alert))
		}
	}
	if len(problems) > 0 {
		return Silence{}, errors.New(strings.Join(problems, "; "))
	}
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return Silence{}, fmt.Errorf("silence id: %w", err)
	}
	sil.ID = hex.EncodeToString(id[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	next := append(append([]Silence{}, s.list...), sil)
	if err := s.save(next); err != nil {
		return Silence{}, fmt.Errorf("persist silence: %w", err)
	}
	s.list = next
	return sil, nil
}

// Expire ends a silence now.
func (s *Silences) Expire(id string, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := append([]Silence{}, s.list...)
	for i := range next {
		if next[i].ID == id {
			if !next[i].EndsAt.After(now) {
				return fmt.Errorf("silence %s has already ended", id)
			}
			next[i].EndsAt = now
			if err := s.save(next); err != nil {
				return fmt.Errorf("persist silence: %w", err)
			}
			s.list = next
			return nil
		}
	}
	return fmt.Errorf("no silence with id %q", id)
}

// List returns the silences that are active or not yet started, and those
// that ended within the last day, newest end first.
func (s *Silences) List(now time.Time) []Silence {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Silence
	for _, sil := range s.list {
		if sil.EndsAt.After(now.Add(-24 * time.Hour)) {
			out = append(out, sil)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].EndsAt.After(out[j].EndsAt) })
	return out
}

// Match returns the active silence covering (alert, target), if any.
func (s *Silences) Match(alert, target string, now time.Time) (Silence, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sil := range s.list {
		if sil.Active(now) && sil.Matches(alert, target) {
			return sil, true
		}
	}
	return Silence{}, false
}
