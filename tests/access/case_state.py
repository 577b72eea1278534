"""Everything a refused write must leave as it was: the case row, its team, its timeline and the processing log."""

from __future__ import annotations

from typing import Any

from regie.cases.models import Case, CaseMember, TimelineEvent
from regie.processing_log.models import ProcessingLogEntry

# Reads and token use are logged on every request, refused or not; a refused write adds nothing else.
READS = ("viewed", "listed")


def case_state(case: Case) -> dict[str, Any]:
    """A snapshot of one case and everything a change of its team or coordinator could touch."""
    row = Case.objects.values("coordinator_id", "version", "title", "status", "priority").get(pk=case.pk)
    team = sorted(
        (str(m["user_id"]), str(m["organisation_id"]), m["case_role"], sorted(m["categories"]), m["can_edit"])
        for m in CaseMember.objects.filter(case=case).values(
            "user_id", "organisation_id", "case_role", "categories", "can_edit"
        )
    )
    timeline = list(TimelineEvent.objects.filter(case=case).order_by("at").values_list("kind", "summary"))
    writes = ProcessingLogEntry.objects.exclude(action__startswith="token.")
    for suffix in READS:
        writes = writes.exclude(action__endswith=suffix)
    return {
        "case": row,
        "team": team,
        "timeline": timeline,
        "log": list(writes.values_list("seq", flat=True)),
    }
