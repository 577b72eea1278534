"""`regie seed-demo`: each app contributes its fictional demo data, in dependency order."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from regie.demo.accounts import seed_accounts
from regie.demo.cases import seed_cases
from regie.demo.digital import seed_digital
from regie.demo.intake import seed_signals
from regie.demo.meetings import seed_meetings
from regie.demo.monitoring import seed_monitoring, seed_monitoring_history
from regie.demo.ondermijning import seed_ondermijning
from regie.demo.park import seed_park
from regie.demo.pga import seed_pga
from regie.demo.privacy import seed_privacy
from regie.demo.procedures import seed_procedures


def seed_demo(*, full: bool = False) -> list[str]:
    """Load the demo municipality; idempotent. `full` (the `seed-demo` and `demo` commands) adds two years of
    history behind the dashboards, computes the monitoring figures and makes the council reports of the last
    four quarters; the test suite's demo leaves them out to stay fast."""
    report: list[str] = []
    with transaction.atomic():
        report += seed_accounts()
    with transaction.atomic():
        report += seed_cases()
    with transaction.atomic():
        report += seed_procedures()
    with transaction.atomic():
        report += seed_signals()
    report += seed_park()
    report += seed_privacy()
    report += seed_ondermijning()
    report += seed_pga()
    report += seed_digital()
    report += seed_meetings()
    if full:
        with transaction.atomic():
            report += seed_monitoring_history()
        report += seed_monitoring()
    if not settings.DEMO_MODE:
        report.append("Let op: REGIE_DEMO staat uit; demo-accounts kunnen pas inloggen na een tweede factor.")
    return report
