"""Forms of the case pages, split by noun; they translate input, services decide."""
