package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/daemon"
)

// versionCmd prints what this binary is and the state format it writes
// (state.dir files are read in that version or older; a newer one is
// refused).
func versionCmd(_ []string, stdout, _ io.Writer) int {
	var formats []string
	for _, f := range daemon.StateFormats() {
		formats = append(formats, f.String())
	}
	fmt.Fprintf(stdout, "lpwatch %s\n", version)
	fmt.Fprintf(stdout, "  commit        %s\n", commit)
	fmt.Fprintf(stdout, "  built         %s\n", date)
	fmt.Fprintf(stdout, "  go            %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(stdout, "  state format  %s\n", strings.Join(formats, ", "))
	return exitOK
}
