package hostinfo

import (
	"strings"
	"testing"
)

func TestNewRejectsRelativeProcRoot(t *testing.T) {
	for _, root := range []string{"proc", "./proc", "../x"} {
		if _, err := New(Options{ProcRoot: root}); err == nil || !strings.Contains(err.Error(), "not an absolute path") {
			t.Errorf("New(ProcRoot %q): err = %v, want not an absolute path", root, err)
		}
	}
}

func TestHostOpenFilesUsesProcRoot(t *testing.T) {
	root := t.TempDir()
	fakeProc(t, root, 321, 4, kernelLimits("100", "200"))
	noStatfs := func(string) (FSStats, error) { return FSStats{}, nil }
	noAdj := func() (Timex, error) { return Timex{}, nil }
	h, err := New(Options{ProcRoot: root + "/", Statfs: noStatfs, Adjtimex: noAdj})
	if err != nil {
		t.Fatal(err)
	}
	got, err := h.OpenFiles(t.Context(), 321)
	if err != nil || got != (FDUsage{Open: 4, SoftLimit: 100}) {
		t.Fatalf("got %+v, %v; want 4 open of 100", got, err)
	}
}
