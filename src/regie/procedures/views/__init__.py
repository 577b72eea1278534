"""Pages of the procedures app, split by noun."""
