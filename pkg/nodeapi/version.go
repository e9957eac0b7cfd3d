package nodeapi

import (
	"strconv"
	"strings"
)

// generationOfVersion tells the generation of a node that serves
// /orchestratorInfo from the version its /status reports. go-livepeer
// writes "x.y.z" for a release and "x.y.z-<commit>" for any other build
// (print_version.sh); a build without version information says
// "undefined".
//
// /currentRound answered raw bytes from v0.5.0 (commit 50330d9ef, October
// 2019) until v0.7.0 (#2859, September 2023), and decimal text before and
// after. A release therefore tells: 0.5.x and 0.6.x are V05, anything else
// Current (0.4.x, the Streamflow development line, wrote text). A
// development build of 0.4.x or 0.6.x may sit on either side of the change,
// and a version that does not parse tells nothing: ok is false for those.
func generationOfVersion(v string) (gen Generation, ok bool) {
	release, build, dev := strings.Cut(v, "-")
	parts := strings.Split(release, ".")
	if len(parts) != 3 || (dev && build == "") {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || x < 0 || !allDigits(p) {
			return "", false
		}
		n[i] = x
	}
	major, minor := n[0], n[1]
	switch {
	case major == 0 && (minor == 4 || minor == 6) && dev:
		return "", false
	case major == 0 && (minor == 5 || minor == 6):
		return V05, true
	default:
		return Current, true
	}
}
