package faults

import "testing"

func chainRows() []row  { return nil }

func dbusRows() []row   { return nil }
func stateRows() []row  { return nil }
func configRows() []row { return nil }
func signalRows() []row { return nil }

type children struct{}

func newChildren(t *testing.T) *children { return &children{} }
func (c *children) close()               {}
func (e *env) startChain()               {}
