//go:build !race

package faults

// raceEnabled says the tests run with the race detector: lpwatch child
// processes are then built with it too.
const raceEnabled = false
