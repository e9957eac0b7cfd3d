package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// ScanResult is what one Scan found in a block range.
type ScanResult struct {
	// Slashes are the TranscoderSlashed logs of the transcoders, Unbonds
	// the Unbond logs of their delegators.
	Slashes []SlashEvent
	Unbonds []UnbondEvent
	// RewardCallers are the transcoders' RewardCallerSet logs.
	RewardCallers []RewardCallerSetEvent
	// Rewards are the Reward logs of the reward transcoders, each with
	// its transaction and receipt (see RewardTxs).
	Rewards []RewardTx
	// Calls is the number of RPC calls the scan made, RoundTrips the
	// requests they went in (batches and single calls), and Bytes the
	// JSON size of their parameters and results; set on failure too.
	Calls, RoundTrips, Bytes uint64
}

// Scan reads the logs of blocks [from, to] that a probe cycle follows:
// the TranscoderSlashed, Unbond and RewardCallerSet logs of transcoders,
// and the Reward logs of rewardTranscoders with their transactions and
// receipts (an empty list means every transcoder, as for StakeEvents
// and RewardTxs).
//
// Every log query of the range, each chunk of at most MaxLogRange
// blocks of each filter, goes out in one batch: one round trip up to the
// endpoint's batch size. The event kinds that filter on the same
// transcoders share one query. Only when there are Reward logs does one
// more batch read their transactions and receipts.
//
// A failed log query fails the scan, with no events: the caller scans
// the same blocks again. A reward transaction that cannot be read leaves
// its entry's Err set, as in RewardTxs.
func (p *Prober) Scan(ctx context.Context, from, to uint64, transcoders, rewardTranscoders []common.Address) (out ScanResult, err error) {
	var n cycleCounter
	ctx = withCounter(ctx, &n)
	defer func() {
		out.Calls, out.RoundTrips, out.Bytes = uint64(n.calls.Load()), uint64(n.trips.Load()), uint64(n.bytes.Load())
	}()
	var (
		stake   StakeEvents
		callers []RewardCallerSetEvent
		rewards []RewardEvent
	)
	err = p.scanLogs(ctx, from, to, func(s *logScan, cs Contracts) {
		p.queueStake(s, cs, transcoders, &stake)
		p.queueRewardCallers(s, cs, transcoders, &callers)
		p.queueRewards(s, cs, rewardTranscoders, &rewards)
	})
	if err != nil {
		return out, err
	}
	out.Slashes, out.Unbonds, out.RewardCallers = stake.Slashes, stake.Unbonds, callers
	out.Rewards = p.attribute(ctx, rewards)
	return out, nil
}

// scanLogs runs, through the pool, the log queries that queue adds to a
// scan of blocks [from, to] in one batch, and hands their logs to the
// queries' handlers. After a failover queue is called again, for the
// next endpoint.
func (p *Prober) scanLogs(ctx context.Context, from, to uint64, queue func(s *logScan, cs Contracts)) error {
	if _, err := newLogScan(from, to, p.cfg.MaxLogRange); err != nil {
		return err
	}
	cs, err := p.Contracts(ctx)
	if err != nil {
		return err
	}
	return p.pool.Do(ctx, func(ctx context.Context, e *Endpoint) error {
		s, err := newLogScan(from, to, p.cfg.MaxLogRange)
		if err != nil {
			return err
		}
		queue(s, cs)
		s.send(ctx, e)
		return s.decode()
	})
}

// scanOne is scanLogs of one queue, returning what it decoded into its destination.
func scanOne[T any](ctx context.Context, p *Prober, from, to uint64, queue func(s *logScan, cs Contracts, dst *T)) (T, error) {
	var out T
	if err := p.scanLogs(ctx, from, to, func(s *logScan, cs Contracts) { queue(s, cs, &out) }); err != nil {
		var zero T
		return zero, err
	}
	return out, nil
}

// logScan is the eth_getLogs queries of one block range, each split in
// chunks of at most maxRange blocks, all sent together (see
// Endpoint.send): one round trip up to the endpoint's batch size.
type logScan struct {
	from, to, maxRange uint64
	queries            []*logQuery
	// byFilter finds the event query of a contract and topic1 set.
	byFilter map[string]*logQuery
}

// logQuery is one filter of a logScan and its chunks. An event query
// (see logScan.on) hands each log to the handler of its event type.
type logQuery struct {
	q        ethereum.FilterQuery
	chunks   []logChunk
	handlers map[common.Hash]func(*types.Log) error
}

// logChunk is the eth_getLogs call of blocks [from, to] of a query.
type logChunk struct {
	from, to uint64
	req      *request
	logs     []types.Log
}

// newLogScan returns an empty scan of blocks [from, to].
func newLogScan(from, to, maxRange uint64) (*logScan, error) {
	if from > to {
		return nil, fmt.Errorf("log range %d-%d: from is after to", from, to)
	}
	if maxRange == 0 {
		return nil, fmt.Errorf("log range %d-%d: max range per call is 0", from, to)
	}
	return &logScan{from: from, to: to, maxRange: maxRange, byFilter: make(map[string]*logQuery)}, nil
}

// filter adds the query q (its block fields are ignored).
func (s *logScan) filter(q ethereum.FilterQuery) *logQuery {
	lq := &logQuery{q: q}
	s.queries = append(s.queries, lq)
	return lq
}

// on adds the logs of event type id of contract addr and of the given
// transcoders (topic1; all when none are given), each handed to each in
// block order once sent. Event types of the same contract and
// transcoders share one query.
func (s *logScan) on(addr common.Address, id common.Hash, transcoders []common.Address, each func(*types.Log) error) {
	topic1 := addressTopics(transcoders)
	var key strings.Builder
	key.Write(addr.Bytes())
	for _, t := range topic1 {
		key.Write(t.Bytes())
	}
	lq := s.byFilter[key.String()]
	if lq == nil {
		q := ethereum.FilterQuery{Addresses: []common.Address{addr}, Topics: [][]common.Hash{nil}}
		if len(topic1) > 0 {
			q.Topics = append(q.Topics, topic1)
		}
		lq = s.filter(q)
		lq.handlers = make(map[common.Hash]func(*types.Log) error)
		s.byFilter[key.String()] = lq
	}
	if _, dup := lq.handlers[id]; !dup {
		lq.q.Topics[0] = append(lq.q.Topics[0], id)
	}
	lq.handlers[id] = each
}

// send makes every chunk of every query on e, in as few round trips as
// its batch size allows.
func (s *logScan) send(ctx context.Context, e *Endpoint) {
	var reqs []*request
	for _, lq := range s.queries {
		lq.chunks = lq.chunks[:0]
		for start := s.from; ; start += s.maxRange {
			end := s.to
			if s.to-start >= s.maxRange {
				end = start + s.maxRange - 1
			}
			lq.chunks = append(lq.chunks, logChunk{from: start, to: end})
			if end == s.to {
				break
			}
		}
		for i := range lq.chunks {
			c := &lq.chunks[i]
			q := lq.q
			q.BlockHash = nil
			q.FromBlock, q.ToBlock = new(big.Int).SetUint64(c.from), new(big.Int).SetUint64(c.to)
			c.req = logsRequest(q, &c.logs)
			reqs = append(reqs, c.req)
		}
	}
	e.send(ctx, reqs, false)
}

// logs returns the query's logs in block order once sent or, when a
// chunk failed, those of the chunks before it and the error naming the
// chunk's blocks.
func (lq *logQuery) logs() ([]types.Log, error) {
	var all []types.Log
	for _, c := range lq.chunks {
		if c.req.err != nil {
			return all, fmt.Errorf("logs of blocks %d-%d: %w", c.from, c.to, c.req.err)
		}
		all = append(all, c.logs...)
	}
	return all, nil
}

// decode hands the logs of every event query, in block order, to the
// handler of its event type. It fails on the first failed chunk or log
// that does not decode.
func (s *logScan) decode() error {
	for _, lq := range s.queries {
		if lq.handlers == nil {
			continue
		}
		logs, err := lq.logs()
		if err != nil {
			return err
		}
		for i := range logs {
			l := &logs[i]
			var each func(*types.Log) error
			if len(l.Topics) > 0 {
				each = lq.handlers[l.Topics[0]]
			}
			if each == nil {
				err = errors.New("event type not asked for")
			} else {
				err = each(l)
			}
			if err != nil {
				return &DecodeError{What: fmt.Sprintf("log %s#%d", l.TxHash, l.Index), Err: err}
			}
		}
	}
	return nil
}

// appendTo returns a log handler that decodes a log with decode and
// appends it to *dst, which it sets empty.
func appendTo[T any](dst *[]T, decode func(*types.Log) (T, error)) func(*types.Log) error {
	*dst = []T{}
	return func(l *types.Log) error {
		v, err := decode(l)
		if err != nil {
			return err
		}
		*dst = append(*dst, v)
		return nil
	}
}
