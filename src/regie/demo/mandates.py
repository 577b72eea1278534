"""The demo municipality's mandate register: who signs letters for the college and the mayor.

A migrated database already holds these example rows (procedures 0003); a database that was emptied (a test flush,
a restored backup without policy tables) gets them again here, through the service, so every demo letter has a
signatory.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module

from regie.procedures.models import Mandate
from regie.procedures.services.mandates import mandate_create

# The migration's module name starts with a digit, so it is loaded by name; its rows are the one list.
DEMO_ROWS = import_module("regie.procedures.migrations.0003_mandate").DEMO_ROWS


def seed_mandates() -> list[str]:
    if Mandate.objects.exists():
        return []
    for authority, letter_code, name, function, reference in DEMO_ROWS:
        mandate_create(
            actor=None, authority=authority, letter_code=letter_code, signatory_name=name,
            signatory_function=function, mandate_reference=reference, valid_from=date(2000, 1, 1),
        )  # fmt: skip
    return [f"Mandaatregister: {len(DEMO_ROWS)} voorbeeldregels"]
