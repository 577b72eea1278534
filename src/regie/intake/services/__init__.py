"""Writes on signals, split by noun: receipt, processing, claim, decisions, corrections, routing, clock, mail."""
