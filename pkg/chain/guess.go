package chain

import "github.com/ethereum/go-ethereum/common"

// guess is what the last cycle learned of an account and this cycle's
// reads assume, so that they can all go out at once: the layout of its
// transcoder record (which form of isActiveTranscoder to call, whether
// it can have a reward caller), the round (the 2018 form's argument) and
// its reward caller (whose balance and nonces to read). A wrong guess
// costs one more round trip in the cycle, not a wrong answer.
type guess struct {
	layout Layout
	round  *uint64
	caller *RewardCaller
}

// guessesOf returns the guesses for accounts, in their order.
func (p *Prober) guessesOf(accounts []AccountInfo) []guess {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]guess, len(accounts))
	for i, a := range accounts {
		g, ok := p.guesses[a.Address]
		if !ok {
			g.layout = LayoutCurrent
		}
		g.round = p.round
		out[i] = g
	}
	return out
}

// remember keeps what o learned for the next cycle's guesses: the
// layouts, the round and the reward callers of the first monitored
// accounts. What o could not read keeps the previous guess; accounts no
// longer observed are forgotten.
func (p *Prober) remember(o *Observation, monitored int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	next := make(map[common.Address]guess, len(o.Accounts))
	for i, a := range o.Accounts {
		g, ok := p.guesses[a.Address]
		if !ok {
			g.layout = LayoutCurrent
		}
		if a.Transcoder != nil {
			g.layout = a.Transcoder.Layout
		}
		if i < monitored && a.RewardCaller != nil {
			g.caller = &RewardCaller{Address: a.RewardCaller.Address}
		}
		next[a.Address] = g
	}
	p.guesses = next
	if o.Round.CurrentRound != nil {
		p.round = ptr(*o.Round.CurrentRound)
	}
}
