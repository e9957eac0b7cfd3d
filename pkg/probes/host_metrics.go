package probes

import (
	"math"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/observe"
)

// hostCollector exports the latest host observation at scrape time, so a
// node or path dropped by a reload, or a fact that could not be read, has
// no stale series: an absent series means unknown.
type hostCollector struct {
	store   *observe.Store
	enabled func() bool

	openFDs, fdLimit       *prometheus.Desc
	freeRatio, freeBytes   *prometheus.Desc
	sizeBytes              *prometheus.Desc
	synced, estErr, maxErr *prometheus.Desc
}

func newHostCollector(store *observe.Store, enabled func() bool) *hostCollector {
	return &hostCollector{
		store: store, enabled: enabled,
		openFDs: prometheus.NewDesc("lpwatch_host_open_fds",
			"Open file descriptors of the node's livepeer process.", []string{"node"}, nil),
		fdLimit: prometheus.NewDesc("lpwatch_host_fd_limit",
			"Soft open-file limit (RLIMIT_NOFILE) of the node's livepeer process; +Inf when unlimited.", []string{"node"}, nil),
		freeRatio: prometheus.NewDesc("lpwatch_disk_free_ratio",
			"Share of a data path's file system still available to unprivileged users (0 to 1).", []string{"path"}, nil),
		freeBytes: prometheus.NewDesc("lpwatch_disk_free_bytes",
			"Bytes of a data path's file system still available to unprivileged users.", []string{"path"}, nil),
		sizeBytes: prometheus.NewDesc("lpwatch_disk_size_bytes",
			"Size of a data path's file system in bytes.", []string{"path"}, nil),
		synced: prometheus.NewDesc("lpwatch_clock_synchronized",
			"Whether the kernel reports the system clock synchronized (1) or not (0), from adjtimex.", nil, nil),
		estErr: prometheus.NewDesc("lpwatch_clock_estimated_error_seconds",
			"The kernel's estimated error of the system clock, from adjtimex.", nil, nil),
		maxErr: prometheus.NewDesc("lpwatch_clock_max_error_seconds",
			"The kernel's maximum error bound of the system clock, from adjtimex.", nil, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *hostCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.openFDs, c.fdLimit, c.freeRatio, c.freeBytes, c.sizeBytes, c.synced, c.estErr, c.maxErr} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *hostCollector) Collect(ch chan<- prometheus.Metric) {
	h := c.store.Snapshot().Host
	if h == nil || !c.enabled() {
		return
	}
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	for _, p := range h.Processes {
		if p.Err != nil {
			continue
		}
		gauge(c.openFDs, float64(p.FDs.Open), p.Node)
		limit := math.Inf(1)
		if p.FDs.SoftLimit > 0 {
			limit = float64(p.FDs.SoftLimit)
		}
		gauge(c.fdLimit, limit, p.Node)
	}
	for _, d := range h.Disks {
		if d.Err != nil {
			continue
		}
		gauge(c.freeRatio, d.Usage.FreeFraction(), d.Path)
		gauge(c.freeBytes, float64(d.Usage.Avail), d.Path)
		gauge(c.sizeBytes, float64(d.Usage.Total), d.Path)
	}
	if k := h.Clock; k != nil && k.Err == nil {
		v := 0.0
		if k.Status.Synchronized {
			v = 1
		}
		gauge(c.synced, v)
		gauge(c.estErr, k.Status.EstError.Seconds())
		gauge(c.maxErr, k.Status.MaxError.Seconds())
	}
}
