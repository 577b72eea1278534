"""The deadline overview: everything due in the next 30 days and everything overdue, by procedure and step."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from regie.access.policy import request_user, requires
from regie.access.subject_access import log_read
from regie.core.terms import format_date, term_end
from regie.procedures import selectors
from regie.procedures.charts import overview_columns
from regie.procedures.services.context import step_label
from regie.procedures.services.default import default_states
from regie.procedures.services.definitions import definition_of


@requires("procedures.oversight")
def deadline_overview(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    today = timezone.localdate()
    mine = request.GET.get("mijn") == "1"
    deadlines = list(selectors.open_deadlines_for(user, today=today, mine=mine)[:500])
    log_read(
        user,
        action="deadline.listed",
        request=request,
        object_type="deadline",
        case_ids=[d.procedure.case_id for d in deadlines],
        person_ids=[d.addressee.person_id for d in deadlines if d.addressee and d.addressee.person_id],
        details={"cases": sorted({d.procedure.case.number for d in deadlines})},
    )
    defaults = default_states(
        deadlines, selectors.default_notices(sorted({d.procedure_id for d in deadlines})), today
    )
    groups: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
    for deadline in sorted(deadlines, key=lambda d: (d.procedure.definition.label, d.step_code, d.due_date)):
        definition = definition_of(deadline.procedure)
        key = (definition.label, deadline.step_code)
        group = groups.setdefault(
            key,
            {"procedure": definition.label, "step": step_label(definition, deadline.step_code), "rows": []},
        )
        group["rows"].append(
            {"deadline": deadline, "overdue": deadline.due_date < today, "default": defaults.get(deadline.pk)}
        )
    # Weeks of the overview window, as periods counted with the terms module (not legal dates, but one way).
    weeks = []
    start = today
    for index in range(5):
        end = term_end(start, "P6D", statutory=False).end_date
        label = "Deze week" if index == 0 else f"Week {index + 1}"
        weeks.append((label, start, end))
        start = term_end(end, "P1D", statutory=False).end_date
    columns = overview_columns(deadlines, today, weeks)
    return render(
        request,
        "procedures/overview.html",
        {
            "groups": list(groups.values()),
            "overdue": sum(1 for d in deadlines if d.due_date < today),
            "in_default": len(defaults),
            "upcoming": sum(1 for d in deadlines if d.due_date >= today),
            "columns": columns,
            "weeks": weeks,
            "mine": mine,
            "today": today,
            "today_text": format_date(today),
            "breadcrumbs": [{"label": "Termijnen"}],
        },
    )
