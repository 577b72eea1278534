"""Writes on cases, split by noun: case, team, tasks, notes, documents, emergency access."""
