package checks

import (
	"fmt"
	"strconv"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/hostinfo"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// ClockTarget is the target of ClockUnsynchronized: the host lpwatch runs on.
const ClockTarget = "localhost"

// notProbed is the reason of a host check before the first host probe.
const notProbed = "the host has not been probed yet"

// fdChecks is FileDescriptorsHigh for each node's process.
func fdChecks(cfg *config.Config, h *observe.Host) []Result {
	out := make([]Result, 0, len(cfg.Nodes))
	for _, n := range cfg.Nodes {
		out = append(out, fdCheck(n.Name, findProcess(h, n.Name), cfg.Checks.FDHighFraction))
	}
	return out
}

// diskChecks is DiskSpaceLow for each data path.
func diskChecks(cfg *config.Config, h *observe.Host) []Result {
	out := make([]Result, 0, len(cfg.Host.DataPaths))
	for _, p := range cfg.Host.DataPaths {
		out = append(out, diskCheck(p, findDisk(h, p), cfg.Checks))
	}
	return out
}

// clockChecks is ClockUnsynchronized for the host.
func clockChecks(_ *config.Config, h *observe.Host) []Result {
	var c *observe.HostClock
	if h != nil {
		c = h.Clock
	}
	return []Result{clockCheck(c)}
}

func findProcess(h *observe.Host, node string) *observe.HostProcess {
	if h == nil {
		return nil
	}
	return firstOf(h.Processes, func(p observe.HostProcess) bool { return p.Node == node })
}

func findDisk(h *observe.Host, path string) *observe.HostDisk {
	if h == nil {
		return nil
	}
	return firstOf(h.Disks, func(d observe.HostDisk) bool { return d.Path == path })
}

// firstOf returns the first item that matches, or nil.
func firstOf[T any](items []T, match func(T) bool) *T {
	for i := range items {
		if match(items[i]) {
			return &items[i]
		}
	}
	return nil
}

// fdCheck is FileDescriptorsHigh for one node's process.
func fdCheck(node string, p *observe.HostProcess, limit float64) Result {
	check := alert.FileDescriptorsHigh
	switch {
	case p == nil:
		return unknown(check, node, notProbed)
	case p.Err != nil:
		return unknown(check, node, "the open files of the livepeer process cannot be read: "+p.Err.Error())
	}
	who := fmt.Sprintf("process %d (%s)", p.PID, p.Source)
	details := map[string]string{"pid": strconv.Itoa(p.PID), "source": p.Source,
		"open_fds": strconv.Itoa(p.FDs.Open), "fd_limit": "unlimited"}
	if p.FDs.SoftLimit == 0 {
		return Result{Check: check, Target: node, State: OK, Details: details,
			Reason: fmt.Sprintf("%s has %d open files and no open-file limit", who, p.FDs.Open)}
	}
	details["fd_limit"] = strconv.FormatUint(p.FDs.SoftLimit, 10)
	frac := p.FDs.Fraction()
	usage := fmt.Sprintf("%s has %d open files, %s of its soft limit %d", who, p.FDs.Open, percent(frac), p.FDs.SoftLimit)
	if frac > limit {
		return failing(check, node, Warning, fmt.Sprintf("%s (over %s): raise LimitNOFILE= or look for a leak", usage, percent(limit)), details)
	}
	return Result{Check: check, Target: node, State: OK, Reason: usage, Details: details}
}

// diskCheck is DiskSpaceLow for one data path.
func diskCheck(path string, d *observe.HostDisk, c config.Checks) Result {
	check := alert.DiskSpaceLow
	switch {
	case d == nil:
		return unknown(check, path, notProbed)
	case d.Err != nil:
		return unknown(check, path, "free space cannot be read: "+d.Err.Error())
	}
	u := d.Usage
	frac := u.FreeFraction()
	usage := fmt.Sprintf("%s has %s free (%s of %s)", path, percent(frac), formatBytes(u.Avail), formatBytes(u.Total))
	details := map[string]string{"path": path, "free_bytes": strconv.FormatUint(u.Avail, 10),
		"size_bytes": strconv.FormatUint(u.Total, 10), "free_ratio": strconv.FormatFloat(frac, 'f', 4, 64)}
	switch {
	case frac < c.DiskCriticalFree:
		return failing(check, path, Critical, fmt.Sprintf("%s, under %s", usage, percent(c.DiskCriticalFree)), details)
	case frac < c.DiskWarnFree:
		return failing(check, path, Warning, fmt.Sprintf("%s, under %s", usage, percent(c.DiskWarnFree)), details)
	}
	return Result{Check: check, Target: path, State: OK, Reason: usage, Details: details}
}

// clockCheck is ClockUnsynchronized from the kernel's clock status.
func clockCheck(c *observe.HostClock) Result {
	check := alert.ClockUnsynchronized
	switch {
	case c == nil:
		return unknown(check, ClockTarget, notProbed)
	case c.Err != nil:
		return unknown(check, ClockTarget, "the clock status cannot be read: "+c.Err.Error())
	}
	s := c.Status
	details := map[string]string{"state": hostinfo.StateName(s.State),
		"estimated_error": s.EstError.String(), "max_error": s.MaxError.String()}
	if !s.Synchronized {
		return failing(check, ClockTarget, Warning,
			"the kernel reports the clock "+s.String()+": check the time daemon (chrony, systemd-timesyncd, ntpd)", details)
	}
	return Result{Check: check, Target: ClockTarget, State: OK, Reason: "clock " + s.String(), Details: details}
}

// percent renders a fraction as a percentage with one decimal, e.g. "8.5%".
func percent(f float64) string {
	return strconv.FormatFloat(f*100, 'f', 1, 64) + "%"
}

// formatBytes renders a byte count in binary units, e.g. "1.5 GiB".
func formatBytes(b uint64) string {
	const unit = 1024
	if b < unit {
		return strconv.FormatUint(b, 10) + " B"
	}
	div, exp := uint64(unit), 0
	for n := b / unit; n >= unit && exp < 5; n /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(b)/float64(div), "KMGTPE"[exp])
}
