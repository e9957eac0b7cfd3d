package remediation

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// runLadder carries out p: the chain first (when p.chain), then the nodes.
func (c *Controller) runLadder(ctx context.Context, p plan, cfg *config.Config) {
	defer c.setActivity(ladderKey, "")
	log := c.log.WithFields(logrus.Fields{"why": p.why, "nodes": strings.Join(p.nodes, ",")})
	chainDry := false
	if p.chain {
		s := step{unit: cfg.Chain.SystemdUnit, target: alert.ChainTarget, why: p.why, scheduled: p.scheduled}
		result := c.restart(ctx, cfg, s, func(ctx context.Context, since time.Time) (bool, string) {
			what := fmt.Sprintf("waiting for the chain to be healthy after restarting %s", s.unit)
			f, err := c.await(ctx, ladderKey, what, cfg.Remediation.ChainHealthyTimeout, func(f Feed) bool {
				ok, _ := chainHealth(f, since)
				return ok
			})
			_, why := chainHealth(f, since)
			if err != nil {
				return false, fmt.Sprintf("the chain is not healthy %s after the restart: %s", cfg.Remediation.ChainHealthyTimeout, why)
			}
			return true, fmt.Sprintf("the chain is healthy again after %s: %s", c.clock.Now().Sub(since).Round(time.Second), why)
		})
		switch result {
		case ResultSuccess:
		case ResultDryRun:
			chainDry = true
		case ResultFailed, ResultTimeout:
			for _, g := range groupNodes(cfg, p.nodes) {
				c.skip(step{unit: g.unit, target: strings.Join(g.names, ","), why: p.why}, ResultSkippedChainUnhealthy,
					"the chain restart did not bring the chain back")
			}
			log.WithField("result", result).Warn("restart ladder stopped at the chain")
			return
		default: // skipped by the guard rails, or lpwatch is stopping
			return
		}
	}
	c.restartNodes(ctx, p, cfg, chainDry)
}

// nodeGroup is the nodes served by one systemd unit.
type nodeGroup struct {
	unit  string
	names []string
}

// groupNodes groups the named nodes by unit, in unit order. Nodes without a
// unit are left out.
func groupNodes(cfg *config.Config, names []string) []nodeGroup {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	byUnit := map[string][]string{}
	for _, n := range cfg.Nodes {
		if want[n.Name] && n.SystemdUnit != "" {
			byUnit[n.SystemdUnit] = append(byUnit[n.SystemdUnit], n.Name)
		}
	}
	out := make([]nodeGroup, 0, len(byUnit))
	for u, ns := range byUnit {
		sort.Strings(ns)
		out = append(out, nodeGroup{unit: u, names: ns})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].unit < out[j].unit })
	return out
}

// restartNodes restarts each affected node's unit and verifies the nodes.
// After a scheduled chain restart, a node is restarted only when its view
// does not agree with the chain within node_verify_timeout by itself.
// chainDry says the chain step was a dry run: the chain's health then says
// nothing about what a real ladder would meet, so it is not checked.
func (c *Controller) restartNodes(ctx context.Context, p plan, cfg *config.Config, chainDry bool) {
	groups := groupNodes(cfg, p.nodes)
	for _, n := range cfg.Nodes {
		if n.SystemdUnit == "" && slices.Contains(p.nodes, n.Name) {
			c.log.WithField("node", n.Name).Warn("node has no systemd_unit: it cannot be restarted")
		}
	}
	if p.scheduled && !cfg.Remediation.DryRun {
		groups = c.stillDisagreeing(ctx, cfg, groups)
	}
	for _, g := range groups {
		s := step{unit: g.unit, target: strings.Join(g.names, ","), nodes: g.names, why: p.why, scheduled: p.scheduled}
		if !chainDry && len(cfg.Chain.URLs) > 0 {
			f, _, _ := c.mail.get()
			if ok, why := chainHealth(f, time.Time{}); !ok {
				c.skip(s, ResultSkippedChainUnhealthy, "the chain is unhealthy: "+why)
				continue
			}
		}
		c.restart(ctx, cfg, s, func(ctx context.Context, since time.Time) (bool, string) {
			what := fmt.Sprintf("waiting for %s to answer and agree with the chain after restarting %s", s.target, s.unit)
			return c.awaitNodes(ctx, cfg, g.names, since, what)
		})
		if ctx.Err() != nil {
			return
		}
	}
}

// awaitNodes waits until every node answers and agrees with the chain in
// an observation taken at or after since.
func (c *Controller) awaitNodes(ctx context.Context, cfg *config.Config, names []string, since time.Time, what string) (bool, string) {
	check := func(f Feed) (bool, string) {
		var whys []string
		for _, n := range names {
			ok, why := nodeAgrees(f, n, since)
			if !ok {
				return false, n + ": " + why
			}
			whys = append(whys, n+": "+why)
		}
		return true, strings.Join(whys, "; ")
	}
	f, err := c.await(ctx, ladderKey, what, cfg.Remediation.NodeVerifyTimeout, func(f Feed) bool {
		ok, _ := check(f)
		return ok
	})
	_, why := check(f)
	if err != nil {
		return false, fmt.Sprintf("not verified %s after the restart: %s", cfg.Remediation.NodeVerifyTimeout, why)
	}
	return true, why
}

// stillDisagreeing waits, after a scheduled chain restart, for the nodes
// to agree with the chain by themselves and returns the groups that do not.
func (c *Controller) stillDisagreeing(ctx context.Context, cfg *config.Config, groups []nodeGroup) []nodeGroup {
	since := c.clock.Now()
	var all []string
	for _, g := range groups {
		all = append(all, g.names...)
	}
	if ok, _ := c.awaitNodes(ctx, cfg, all, since, "waiting for the nodes to follow the restarted chain"); ok || ctx.Err() != nil {
		return nil
	}
	f, _, _ := c.mail.get()
	var out []nodeGroup
	for _, g := range groups {
		for _, n := range g.names {
			if ok, why := nodeAgrees(f, n, since); !ok {
				c.log.WithFields(logrus.Fields{"node": n, "unit": g.unit, "why": why}).Info("node did not follow the restarted chain")
				out = append(out, g)
				break
			}
		}
	}
	return out
}
