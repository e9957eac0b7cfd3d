package chain

import (
	"context"

	"github.com/ethereum/go-ethereum/common"
)

// AttributeTx reads the transaction hash as RewardTxs does that of a
// Reward event, for tests of transactions that emit none.
func (p *Prober) AttributeTx(ctx context.Context, hash common.Hash) (RewardTx, error) {
	r := RewardTx{RewardEvent: RewardEvent{EventMeta: EventMeta{TxHash: hash}}}
	err := p.pool.Do(ctx, func(ctx context.Context, e *Endpoint) error { return e.attribute(ctx, &r) })
	return r, err
}
