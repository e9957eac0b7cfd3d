package watchdog

import (
	"testing"

	"github.com/lpwatch/lpwatch/pkg/watchdog/notifytest"
)

// listenNotify points NOTIFY_SOCKET at a stand-in socket (notifytest).
func listenNotify(t *testing.T) *notifytest.Socket { return notifytest.Listen(t) }
