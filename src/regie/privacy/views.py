"""The privacy officer's processing-log page: labels, names and activities instead of codes and ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access import privacy_access
from regie.access.policy import request_user, requires
from regie.privacy.forms import LogFilterForm
from regie.privacy.models import ProcessingActivity
from regie.privacy.selectors import activities_by_name, activity_name_for
from regie.processing_log import selectors
from regie.processing_log.actions import all_actions
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import log_processing


@dataclass(frozen=True)
class LogRow:
    entry: ProcessingLogEntry
    activity: ProcessingActivity | None
    activity_name: str
    object_name: str
    person_names: list[str]


def log_rows(user: Any, entries: list[ProcessingLogEntry]) -> list[LogRow]:
    """The entries of one page with their activity, the persons' names and the object's name (a case number)."""
    register = activities_by_name()
    names = privacy_access.person_names(user, {p for e in entries for p in e.person_ids})
    numbers = privacy_access.case_numbers(user, {e.object_id for e in entries if e.object_type == "case"})
    rows = []
    for entry in entries:
        activity_name = activity_name_for(entry.action)
        if entry.object_type == "case":
            object_name = numbers.get(entry.object_id, "")
        elif entry.object_type == "person" and entry.object_id:
            object_name = names.get(UUID(entry.object_id), "") if len(entry.object_id) == 36 else ""
        else:
            object_name = ""
        rows.append(
            LogRow(
                entry=entry,
                activity=register.get(activity_name),
                activity_name=activity_name,
                object_name=object_name,
                person_names=[names.get(p, "onbekende persoon") for p in entry.person_ids],
            )
        )
    return rows


@requires("processing_log.view")
def processing_log_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = LogFilterForm(request.GET or None)
    page = None
    rows: list[LogRow] = []
    status = 200
    if not request.GET or form.is_valid():
        data = form.cleaned_data if request.GET else {}
        person_text = data.get("person") or ""
        persons = tuple(privacy_access.persons_for_log_filter(user, person_text)) if person_text else None
        filters = selectors.LogFilter(
            persons=persons,
            user=data.get("user", ""),
            action=data.get("action", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
        paginator = Paginator(selectors.processing_log(filters), 50)
        page = paginator.get_page(request.GET.get("pagina"))
        rows = log_rows(user, list(page.object_list))
        # Consulting the log is itself a processing of personal data (who looked at whom).
        log_processing(
            action="processing_log.viewed",
            actor=user,
            request=request,
            persons=list(persons or ()),
            details={
                "filters": {k: str(v) for k, v in data.items() if v and k != "person"},
                "byPerson": bool(persons),
            },
        )
    else:
        status = 400
    return render(
        request,
        "privacy/processing_log.html",
        {
            "form": form,
            "entries": page,
            "rows": rows,
            "checkpoint": selectors.latest_checkpoint(),
            "breadcrumbs": [{"label": "Verwerkingslog"}],
        },
        status=status,
    )


@requires("privacy_register.view")
def register_page(request: HttpRequest) -> HttpResponse:
    """The register of processing activities (AVG art. 30), with the log actions that point to each."""
    actions: dict[str, list[str]] = {}
    for action in all_actions():
        actions.setdefault(action.activity, []).append(action.label)
    activities = [
        (activity, sorted(actions.get(activity.name, []))) for activity in ProcessingActivity.objects.all()
    ]
    return render(
        request,
        "privacy/register.html",
        {
            "activities": activities,
            "breadcrumbs": [{"label": "Register van verwerkingsactiviteiten"}],
        },
    )
