package daemon

import (
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/probes"
)

// extraJobs returns the probe jobs beyond the nodes: the chain and the host.
func (d *Daemon) extraJobs(cfg *config.Config) ([]probes.Job, error) {
	jobs, err := d.chainJobs(cfg)
	if err != nil {
		return nil, err
	}
	host, err := d.hostJobs(cfg)
	if err != nil {
		return nil, err
	}
	jobs = append(jobs, host...)
	return jobs, nil
}

// extraStatus returns /status sections of the chain probe and of
// self-healing (the remediation ledger).
func (d *Daemon) extraStatus() map[string]any {
	out := map[string]any{}
	if c := d.chainStatus(); c != nil {
		out["chain"] = c
	}
	if r := d.Remediation(); r != nil {
		st := r.Status()
		out["remediation"] = &st
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
