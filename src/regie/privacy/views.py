"""The privacy officer's processing-log page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access.policy import requires
from regie.privacy.forms import LogFilterForm
from regie.processing_log import selectors
from regie.processing_log.services import log_processing


@requires("processing_log.view")
def processing_log_page(request: HttpRequest) -> HttpResponse:
    form = LogFilterForm(request.GET or None)
    entries = None
    status = 200
    if not request.GET or form.is_valid():
        data = form.cleaned_data if request.GET else {}
        filters = selectors.LogFilter(
            person=data.get("person"),
            user=data.get("user", ""),
            action=data.get("action", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
        paginator = Paginator(selectors.processing_log(filters), 50)
        entries = paginator.get_page(request.GET.get("pagina"))
        # Consulting the log is itself a processing of personal data (who looked at whom).
        log_processing(
            action="processing_log.viewed",
            actor=request.user,
            request=request,
            persons=[filters.person] if filters.person else [],
            details={"filters": {k: str(v) for k, v in data.items() if v}},
        )
    else:
        status = 400
    return render(
        request,
        "privacy/processing_log.html",
        {
            "form": form,
            "entries": entries,
            "checkpoint": selectors.latest_checkpoint(),
            "breadcrumbs": [{"label": "Verwerkingslog"}],
        },
        status=status,
    )
