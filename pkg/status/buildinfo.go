package status

import (
	"runtime"

	"github.com/prometheus/client_golang/prometheus"
)

// RegisterBuildInfo registers lpwatch_build_info, the version and commit
// of this lpwatch (also shown by /status) with the Go version.
func RegisterBuildInfo(reg prometheus.Registerer, version, commit string) {
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "lpwatch_build_info", Help: "A metric with constant value 1 labelled by lpwatch's version, commit and Go version.",
	}, []string{"version", "revision", "goversion"})
	build.WithLabelValues(version, commit, runtime.Version()).Set(1)
	reg.MustRegister(build)
}
