package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// series is one sample of a Prometheus text exposition.
type series struct {
	name   string
	labels string // as written, without braces
	value  float64
}

// exposition is one scrape of lpwatch's own /metrics.
type exposition []series

// scrape reads http://listen/metrics.
func scrape(ctx context.Context, listen string) (exposition, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+listen+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("scrape lpwatch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("scrape lpwatch: %s", resp.Status)
	}
	return parseExposition(resp.Body)
}

// parseExposition reads the text format's samples (comments skipped).
func parseExposition(r io.Reader) (exposition, error) {
	var out exposition
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || l[0] == '#' {
			continue
		}
		var s series
		rest := l
		if i := strings.IndexByte(l, '{'); i >= 0 {
			j := strings.LastIndexByte(l, '}')
			if j < i {
				return nil, fmt.Errorf("bad sample %q", l)
			}
			s.name, s.labels, rest = l[:i], l[i+1:j], strings.TrimSpace(l[j+1:])
		} else {
			f := strings.Fields(l)
			s.name, rest = f[0], strings.Join(f[1:], " ")
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return nil, fmt.Errorf("bad sample %q", l)
		}
		v, err := strconv.ParseFloat(f[0], 64)
		if err != nil {
			return nil, fmt.Errorf("bad sample %q: %w", l, err)
		}
		s.value = v
		out = append(out, s)
	}
	return out, sc.Err()
}

// sum adds the samples of name whose labels contain every one of match
// (e.g. `probe="chain"`); ok is false when there is none.
func (e exposition) sum(name string, match ...string) (total float64, ok bool) {
	for _, s := range e {
		if s.name != name || !hasAll(s.labels, match) {
			continue
		}
		total += s.value
		ok = true
	}
	return total, ok
}

func hasAll(labels string, match []string) bool {
	for _, m := range match {
		if !strings.Contains(labels, m) {
			return false
		}
	}
	return true
}

// names returns the sorted distinct metric names with prefix.
func (e exposition) names(prefix string) []string {
	seen := map[string]bool{}
	for _, s := range e {
		if strings.HasPrefix(s.name, prefix) {
			seen[s.name] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// firing lists the alerts lpwatch_alerts_firing counts, as name(n).
func (e exposition) firing() string {
	counts := map[string]float64{}
	for _, s := range e {
		if s.name == "lpwatch_alerts_firing" && s.value > 0 {
			counts[label(s.labels, "alert")] += s.value
		}
	}
	if len(counts) == 0 {
		return "none"
	}
	var parts []string
	for n, c := range counts {
		parts = append(parts, fmt.Sprintf("%s(%.0f)", n, c))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// label returns the value of one label in a rendered label set.
func label(labels, name string) string {
	key := name + `="`
	for _, part := range strings.Split(labels, `",`) {
		if strings.HasPrefix(part, key) {
			return strings.TrimSuffix(strings.TrimPrefix(part, key), `"`)
		}
	}
	return ""
}
