"""Writes of the procedures app, split by noun: the engine, deadlines, letters, the Damocles policy."""
