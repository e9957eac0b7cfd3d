package faults

func dbusRows() []row { return nil }
