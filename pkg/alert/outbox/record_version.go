package outbox

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// recordVersion is the format version of the record files written: the
// digit of magic.
const recordVersion = 1

// RecordFormat is the format of the outbox's record files
// (state.dir/outbox/*.rec).
func RecordFormat() statefile.Format { return statefile.Format{Name: "outbox", Version: recordVersion} }

// maxHeaderLine bounds what is read of a record to find its format.
const maxHeaderLine = 128

// checkNewer refuses an outbox that holds a record written in a newer
// format, before anything in it is removed or moved aside: a newer lpwatch
// can still deliver it. It returns a *statefile.NewerError naming the
// first such record.
func (s *store) checkNewer() error {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil // load reports it
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), recSuffix) || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(s.dir, e.Name())
		if v := headerVersion(path); v > recordVersion {
			return &statefile.NewerError{Path: path, Version: v, Known: recordVersion}
		}
	}
	return nil
}

// headerVersion is the format version in a record file's header line, or 0
// when it has none that can be read (decodeRecord then judges the file).
func headerVersion(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	line, _ := bufio.NewReaderSize(f, maxHeaderLine).Peek(maxHeaderLine)
	line, _, _ = bytes.Cut(line, []byte("\n"))
	fields := strings.Fields(string(line))
	name, _, _ := strings.Cut(magic, " ")
	if len(fields) < 2 || fields[0] != name {
		return 0
	}
	v, err := strconv.Atoi(fields[1])
	if err != nil {
		return 0
	}
	return v
}
