// Package statefiletest gives tests real filesystem faults under a state
// directory: a small tmpfs that can be filled until writes fail with
// ENOSPC, and files that cannot be removed (EBUSY), so that the error is
// the kernel's answer and not a fake's. Both need root.
package statefiletest
