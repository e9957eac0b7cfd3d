package status

import (
	"fmt"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Summary is what the systemd STATUS= line says. It holds the three values
// of a Report the line reads (Healthy, the number of Nodes, Alerts), so the
// daemon can give them after every evaluation without building a whole
// Report: at 1,000 nodes that costs as much as the evaluation itself.
type Summary struct {
	Healthy bool
	Nodes   int
	// Alerts are the alert views, most severe first (alert.Engine.Alerts).
	Alerts []alert.View
}

// Line is the one-line summary sent to systemd as STATUS= (shown by
// systemctl status): health, nodes watched, and how many alerts fire with
// the most severe one.
func (s Summary) Line() string {
	firing, worst := 0, ""
	for _, a := range s.Alerts {
		// LpwatchHeartbeat always fires while all is well: it is no problem.
		if a.Phase != alert.PhaseFiring || a.Alert == alert.LpwatchHeartbeat {
			continue
		}
		if firing == 0 {
			worst = a.Alert + " " + a.Target
		}
		firing++
	}
	switch {
	case !s.Healthy:
		return fmt.Sprintf("UNHEALTHY; %d node(s) watched; %d alert(s) firing, first %s", s.Nodes, firing, worst)
	case firing > 0:
		return fmt.Sprintf("healthy; %d node(s) watched; %d alert(s) firing, first %s", s.Nodes, firing, worst)
	}
	return fmt.Sprintf("healthy; %d node(s) watched; no alert firing", s.Nodes)
}
