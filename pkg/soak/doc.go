// Package soak runs lpwatch for simulated weeks on a fast clock: many fake
// nodes, rounds driven through the simulated chain, and random faults
// (node outages, late and missed rewards) from a seeded schedule. It
// checks the exact counts of rounds, rewards and alerts the schedule
// implies, that every notification arrives once and in order, and that
// goroutines and heap stay flat. Besides the tests, it exports the
// loopback HTTP server (Server) and the polling helper (PollUntil) that the
// fault matrix in test/faults shares with it. Run the soak with:
//
//	go test ./pkg/soak/                                   # 3 days, 20 nodes
//	LPWATCH_SOAK=full go test -run Soak -timeout 2h ./pkg/soak/   # 30 days, 100 nodes
package soak
