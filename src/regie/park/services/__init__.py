"""Writes of the park approach, one module per noun (architecture rule 2)."""
