from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand

from regie.accounts.oidc.checks import check_oidc
from regie.integrations import bag, brp
from regie.integrations.connections import ConnectionState
from regie.integrations.documenten import check_documenten
from regie.integrations.mail_check import mail_connection_state
from regie.integrations.zaken import check_zaken

# Each connection's own check, in the order docs/operations.md describes them. A check never raises: a
# connection that is down is a state, not an error.
CHECKS: list[Callable[[], ConnectionState]] = [
    check_oidc,
    brp.check,
    bag.check,
    mail_connection_state,
    check_zaken,
    check_documenten,
]


class Command(BaseCommand):
    help = (
        "Controleert elke koppeling (eenmalige aanmelding, BRP, BAG, e-mail, Zaken API) en drukt per koppeling "
        "de toestand af. Exit 1 als een ingestelde koppeling niet werkt."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        failing = 0
        for check in CHECKS:
            state = check()
            self.stdout.write(f"{state.label}: {state.status_label} — {state.detail}")
            if state.configured and not state.ok:
                failing += 1
        if failing:
            self.stderr.write(f"{failing} koppeling(en) werken niet.")
            raise SystemExit(1)
