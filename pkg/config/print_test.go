package config_test

import "fmt"

func sprintAll(v any) string { return fmt.Sprintf("%v %+v %#v", v, v, v) }
