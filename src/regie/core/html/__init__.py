"""HTML conventions every app keeps to: one way to write a form view, Dutch form errors, shared widgets."""
