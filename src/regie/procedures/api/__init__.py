"""The procedures API (/api/v1/deadlines, procedure-types, procedures …)."""
