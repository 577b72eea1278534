"""Registering the shipped definitions in the database and reading a procedure's own definition version."""

from __future__ import annotations

import hashlib
import json

from django.db import IntegrityError, transaction

from regie.accounts.models import Role
from regie.procedures.definitions import SHIPPED
from regie.procedures.definitions.schema import Definition, from_data, to_data
from regie.procedures.models import Procedure, ProcedureDefinition

KNOWN_ROLES = set(Role.values)
_parsed: dict[object, Definition] = {}


class DefinitionChanged(RuntimeError):
    """A shipped definition differs from the stored one with the same version: bump its version."""


def _checksum(data: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def definition_register(code: str) -> ProcedureDefinition:
    """The stored row of the shipped definition `code`, created on first use; a changed version is refused."""
    shipped = SHIPPED[code]
    data = to_data(shipped)
    checksum = _checksum(data)
    row = ProcedureDefinition.objects.filter(code=code, version=shipped.version).first()
    if row is None:
        try:
            with transaction.atomic():
                row = ProcedureDefinition.objects.create(
                    code=code, version=shipped.version, label=shipped.label, spec=data, checksum=checksum
                )
        except IntegrityError:  # registered concurrently by another process
            row = ProcedureDefinition.objects.get(code=code, version=shipped.version)
    if row.checksum != checksum:
        raise DefinitionChanged(
            f"Proceduredefinitie {code} versie {shipped.version} is gewijzigd zonder nieuw versienummer."
        )
    return row


def definition_of(procedure: Procedure) -> Definition:
    """The definition version this procedure runs under (parsed once per process; stored rows never change)."""
    key = procedure.definition_id
    if key not in _parsed:
        _parsed[key] = from_data(procedure.definition.spec)
    return _parsed[key]


def shipped_definitions() -> list[Definition]:
    """Every procedure type Regie ships, in a stable order."""
    return list(SHIPPED.values())


def types_worked_in(role: str) -> list[Definition]:
    """The shipped procedure types in which this role takes at least one step (a BRP officer: only the BRP
    address investigation; BRP and enforcement stay separate procedures, domain.md)."""
    return [d for d in SHIPPED.values() if any(role in step.roles for step in d.steps)]


def types_startable_by(role: str) -> list[Definition]:
    """The shipped procedure types whose first step this role may take: what a start page or API offers."""
    startable = []
    for definition in SHIPPED.values():
        first = definition.step(definition.start_step)
        if first is not None and role in first.roles:
            startable.append(definition)
    return startable
