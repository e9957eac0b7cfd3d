package faults

func chainRows() []row     { return nil }
func dbusRows() []row      { return nil }
func (e *env) startChain() {}
