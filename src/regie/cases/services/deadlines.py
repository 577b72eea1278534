"""A case's next deadline, on its own so that the case, task and team services can all import it at the top."""

from __future__ import annotations

from django.db.models import Min

from regie.cases.models import Case


def case_refresh_next_deadline(case: Case) -> None:
    """Keep `next_deadline` (what "mijn casussen" sorts on) equal to the earliest open task due date."""
    earliest = case.tasks.filter(done_at__isnull=True).aggregate(d=Min("due_date"))["d"]
    Case.objects.filter(pk=case.pk).update(next_deadline=earliest)
    case.next_deadline = earliest
