package main

import (
	"fmt"
	"io"
	"runtime"
)

func versionCmd(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintf(stdout, "lpwatch %s (commit %s, %s %s/%s)\n", version, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
