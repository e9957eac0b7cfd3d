package outbox

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// File name suffixes in the outbox directory.
const (
	recSuffix     = ".rec"
	tmpSuffix     = ".tmp"
	corruptSuffix = ".corrupt"
	lockName      = ".lock"
	probeName     = ".probe" + tmpSuffix
	idDigits      = 20
)

// store is the outbox directory: durable writes, loading and removal.
type store struct {
	dir  string
	lock *os.File
	log  logrus.FieldLogger
}

// openStore creates dir if needed and takes its lock.
func openStore(dir string, log logrus.FieldLogger) (*store, error) {
	if dir == "" {
		return nil, errors.New("outbox directory is empty")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create outbox directory: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open outbox lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("outbox directory %s is in use by another process: %w", dir, err)
	}
	return &store{dir: dir, lock: f, log: log}, nil
}

// close releases the directory lock.
func (s *store) close() error { return s.lock.Close() }

func (s *store) path(id string) string { return filepath.Join(s.dir, id+recSuffix) }

// formatID renders a sequence number as a record ID.
func formatID(seq uint64) string { return fmt.Sprintf("%0*d", idDigits, seq) }

// parseID reads the sequence number of a record ID.
func parseID(id string) (uint64, bool) {
	if len(id) != idDigits {
		return 0, false
	}
	n, err := strconv.ParseUint(id, 10, 64)
	return n, err == nil
}

// writeAll makes the records durable: for each a temp file, written,
// fsynced and renamed into place, then one fsync of the directory. On
// failure nothing of this call is left behind.
func (s *store) writeAll(ids []string, datas [][]byte) error {
	var written []string
	fail := func(err error) error {
		for _, p := range written {
			_ = os.Remove(p)
		}
		_ = s.sync()
		return err
	}
	for i, id := range ids {
		final := s.path(id)
		tmp := final + tmpSuffix
		_ = os.Remove(tmp) // left by an earlier attempt of the same record
		if err := writeFileSync(tmp, datas[i]); err != nil {
			_ = os.Remove(tmp)
			return fail(err)
		}
		if err := os.Rename(tmp, final); err != nil {
			_ = os.Remove(tmp)
			return fail(fmt.Errorf("rename record into place: %w", err))
		}
		written = append(written, final)
	}
	if err := s.sync(); err != nil {
		return fail(err)
	}
	return nil
}

func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create record: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return fmt.Errorf("write record: %w", err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return fmt.Errorf("sync record: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close record: %w", err)
	}
	return nil
}

// sync makes the directory's entries (renames, removals) durable.
func (s *store) sync() error { return statefile.SyncDir(s.dir) }

// unlink deletes the file of a delivered or dropped record (a file that
// is already gone is no error). The caller makes it durable with sync.
func (s *store) unlink(id string) error {
	if err := os.Remove(s.path(id)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove record %s: %w", id, err)
	}
	return nil
}

// probe checks that the directory takes a durable write again: it
// writes, fsyncs and removes a small file.
func (s *store) probe() error {
	path := filepath.Join(s.dir, probeName)
	_ = os.Remove(path)
	err := writeFileSync(path, []byte("lpwatch outbox write probe\n"))
	if rerr := os.Remove(path); err == nil && rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
		err = fmt.Errorf("remove write probe: %w", rerr)
	}
	if err != nil {
		return fmt.Errorf("outbox directory does not take writes: %w", err)
	}
	return nil
}

// loaded is a record read back from disk.
type loaded struct {
	id  string
	seq uint64
	rec diskRecord
}

// load reads every record, removes temp files left by an interrupted
// Enqueue, moves damaged records aside as "*.corrupt", and returns the
// valid ones in ID order with the highest sequence number seen.
func (s *store) load() ([]loaded, uint64, error) {
	if err := s.checkNewer(); err != nil {
		return nil, 0, err
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, 0, fmt.Errorf("read outbox directory: %w", err)
	}
	var out []loaded
	var maxSeq uint64
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(name, tmpSuffix):
			s.log.WithField("file", name).Warn("removing a record an interrupted enqueue left unfinished")
			_ = os.Remove(filepath.Join(s.dir, name))
		case strings.HasSuffix(name, recSuffix+corruptSuffix):
			if seq, ok := parseID(strings.TrimSuffix(name, recSuffix+corruptSuffix)); ok && seq > maxSeq {
				maxSeq = seq
			}
		case strings.HasSuffix(name, recSuffix):
			id := strings.TrimSuffix(name, recSuffix)
			seq, ok := parseID(id)
			if ok && seq > maxSeq {
				maxSeq = seq
			}
			rec, err := s.read(name, ok)
			if err != nil {
				s.quarantine(name, err)
				continue
			}
			out = append(out, loaded{id: id, seq: seq, rec: rec})
		}
	}
	return out, maxSeq, nil
}

func (s *store) read(name string, nameOK bool) (diskRecord, error) {
	if !nameOK {
		return diskRecord{}, errors.New("file name is not a record id")
	}
	f, err := os.Open(filepath.Join(s.dir, name))
	if err != nil {
		return diskRecord{}, fmt.Errorf("open record: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxRecordSize+1))
	if err != nil {
		return diskRecord{}, fmt.Errorf("read record: %w", err)
	}
	return decodeRecord(data)
}

// quarantine renames a damaged record to "*.corrupt" so that it is kept
// for inspection and never read again.
func (s *store) quarantine(name string, cause error) {
	log := s.log.WithError(cause).WithField("file", name)
	if err := os.Rename(filepath.Join(s.dir, name), filepath.Join(s.dir, name+corruptSuffix)); err != nil {
		log.WithField("rename_error", err.Error()).Error("corrupt outbox record could not be moved aside; skipping it")
		return
	}
	log.Error("corrupt outbox record moved aside as " + name + corruptSuffix)
}
