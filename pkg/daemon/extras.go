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
