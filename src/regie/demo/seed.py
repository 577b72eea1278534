"""`regie seed-demo`: each app contributes its fictional demo data, in dependency order."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction


def seed_demo() -> list[str]:
    """Load the demo municipality; idempotent."""
    from regie.accounts.demo import seed_accounts
    from regie.cases.demo import seed_cases

    report: list[str] = []
    with transaction.atomic():
        report += seed_accounts()
    with transaction.atomic():
        report += seed_cases()
    from regie.procedures.demo import seed_procedures

    with transaction.atomic():
        report += seed_procedures()
    from regie.intake.demo import seed_signals

    with transaction.atomic():
        report += seed_signals()
    from regie.park.demo import seed_park

    report += seed_park()
    if not settings.DEMO_MODE:
        report.append("Let op: REGIE_DEMO staat uit; demo-accounts kunnen pas inloggen na een tweede factor.")
    return report
