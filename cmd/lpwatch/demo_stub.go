//go:build nodemo

package main

import (
	"fmt"
	"io"
)

func demoCmd(_ []string, _, stderr io.Writer) int {
	fmt.Fprintln(stderr, "lpwatch demo: this binary was built without the demo (-tags nodemo)")
	return exitFailure
}
