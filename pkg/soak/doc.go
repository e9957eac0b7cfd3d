// Package soak runs lpwatch for simulated weeks on a fast clock: many fake
// nodes, rounds driven through the simulated chain, and random faults
// (node outages, late and missed rewards) from a seeded schedule. It
// checks the exact counts of rounds, rewards and alerts the schedule
// implies, that every notification arrives once and in order, and that
// goroutines and heap stay flat: least-squares lines through hourly
// samples from day 2 on, against time and against the alert transitions
// so far (a goroutine left behind per alert fails it; TestSoakCatchesALeak
// plants one to prove it). Besides the tests, it exports the
// loopback HTTP server (Server) and the polling helper (PollUntil) that the
// fault matrix in test/faults shares with it. Run the soak with:
//
//	go test ./pkg/soak/                                   # 5 days, 10 nodes, twice
//	LPWATCH_SOAK=full go test -run Soak -timeout 2h ./pkg/soak/   # 30 days, 100 nodes
package soak
