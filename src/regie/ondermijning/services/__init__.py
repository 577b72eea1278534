"""Writes of the ondermijning app: `<noun>_<verb>(*, actor, ...)`, one transaction, one processing-log entry."""
