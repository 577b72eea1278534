"""Writes of the person-centred approach: each `<noun>_<verb>(*, actor, ...)` in one transaction with its log entry."""
