package alert_test

import (
	"io"
	"os"

	"github.com/sirupsen/logrus"
)

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o600) }

func discard() *logrus.Logger {
	l := logrus.New()
	l.SetOutput(io.Discard)
	return l
}
