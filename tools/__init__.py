"""Checks of the house's rules that run in `make lint` (not shipped with the application)."""
