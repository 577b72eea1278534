"""The procedure definitions Regie ships, one module per procedure type (architecture.md: procedures are data).

A definition is registered in the database under its code and version the first time it is used; a running
procedure keeps the version it started with, so changing a definition means adding a new version here.
"""

from __future__ import annotations

from regie.procedures.definitions import brp_address, opiumwet_13b, permanent_residence
from regie.procedures.definitions.schema import Definition

SHIPPED: dict[str, Definition] = {
    d.code: d for d in (permanent_residence.DEFINITION, opiumwet_13b.DEFINITION, brp_address.DEFINITION)
}
