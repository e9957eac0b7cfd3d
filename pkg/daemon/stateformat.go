package daemon

import (
	"fmt"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/remediation"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// StateFormats lists what lpwatch keeps in state.dir, each with the format
// version this build writes, which is also the newest it reads. Older
// versions are read (and rewritten in the current one as they change).
func StateFormats() []statefile.Format {
	return []statefile.Format{
		alert.StateFormat(), alert.SilencesFormat(), outbox.RecordFormat(), outbox.ReceiptsFormat(),
		remediation.LedgerFormat(), checks.ChainStateFormat(), DigestFormat(), checks.RewardHistoryFormat(),
	}
}

// checkStateFormats refuses a state directory that holds a file written by
// a newer lpwatch, before anything in it is opened: this build would
// otherwise overwrite what it cannot read. Nothing is changed. The outbox
// checks its records itself when it opens.
func checkStateFormats(dir string) error {
	if err := statefile.CheckFormats(dir, StateFormats()); err != nil {
		return fmt.Errorf("state directory %s: %w", dir, err)
	}
	return nil
}
