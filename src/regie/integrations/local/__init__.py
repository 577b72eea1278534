"""Local counterparts of the municipality's registers, for the demo and the tests.

Each is a small WSGI app that answers the published request and response shapes (validated both ways with
openapi-core against `regie/integrations/specs/`), seeded with fictional persons and addresses, served from a thread
on 127.0.0.1 (`LocalServer`).
"""
