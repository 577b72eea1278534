"""From a figure to the cases behind it, for staff with case access, through the case access door.

The figure stays the rollup's (suppressed as everywhere); the list is the door's: only the cases the user may see
among those behind the figure (access.case_access.cases_visible_to, narrowed by the indicator's own filters in
cases/figures.py). Roles without case access (the analist) get 403 and no links. A list shows case numbers, types,
status and dates only (no titles: they may name a person); opening a case goes through the case's own page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from regie.access.case_access import cases_visible_to, may_see_cases
from regie.access.policy import request_user, requires
from regie.cases.figures import SELECTIONS, TYPE, cases_behind
from regie.core.charts import month_label
from regie.core.html.forms import REQUIRED
from regie.core.suppression import Cell
from regie.monitoring.models import RollupValue
from regie.monitoring.selectors import IndicatorView, cell_for, indicator_by_code
from regie.monitoring.services.rollups import month_start, next_month, parse_month
from regie.processing_log.services import log_processing

LIMIT = 100  # cases listed at most (newest first); the page says when there are more


def may_drill(user: Any) -> bool:
    return may_see_cases(user)


def drillable(code: str) -> bool:
    return code in SELECTIONS


@dataclass(frozen=True)
class Linked(Cell):
    """A shown cell (same value, text and hiding) with the address of the cases behind it."""

    url: str = ""


def _url(code: str, month: date, member: str = "", area: str = "") -> str:
    query = {"indicator": code, "maand": f"{month:%Y-%m}"}
    if member:
        query["onderdeel"] = member
    if area:
        query["gebied"] = area
    return "/monitoring/casussen?" + urlencode(query)


def _link(cell: Cell, url: str) -> Cell:
    return Linked(cell.value, cell.text, cell.hidden, url) if (cell.hidden or cell.value) else cell


def add_links(views: list[IndicatorView], area: str) -> None:
    """Give the cells of case indicators (their totals and per case type) a link to the cases behind them."""
    for view in views:
        code = view.indicator.code
        if not drillable(code):
            continue
        view.totals = [
            _link(c, _url(code, m, area=area)) for m, c in zip(view.months, view.totals, strict=True)
        ]
        for b in view.breakdowns:
            if b.dimension != TYPE:
                continue
            b.cells = [
                [_link(c, _url(code, m, member, area)) for m, c in zip(view.months, cells, strict=True)]
                for member, cells in zip(b.members, b.cells, strict=True)
            ]


class DrillForm(forms.Form):
    indicator = forms.ChoiceField(
        label="Cijfer",
        choices=[],
        error_messages={
            **REQUIRED,
            "invalid_choice": "Achter dit cijfer staan geen casussen die u kunt openen.",
        },
    )
    maand = forms.CharField(
        label="Maand",
        max_length=7,
        error_messages={**REQUIRED, "max_length": "Schrijf de maand als JJJJ-MM."},
    )
    onderdeel = forms.CharField(
        label="Casustype",
        required=False,
        max_length=160,
        error_messages={"max_length": "Het casustype is te lang (hoogstens 160 tekens)."},
    )
    gebied = forms.CharField(
        label="Gebied",
        required=False,
        max_length=120,
        error_messages={"max_length": "Het gebied is te lang (hoogstens 120 tekens)."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["indicator"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(code, code) for code in SELECTIONS]

    def clean_maand(self) -> date:
        text = self.cleaned_data["maand"]
        try:
            month = parse_month(text)
        except ValidationError:
            raise ValidationError(
                f"'{text}' is geen maand; schrijf jaar en maand als JJJJ-MM, bijvoorbeeld 2025-01."
            ) from None
        if month > month_start(timezone.localdate()):
            raise ValidationError("De maand ligt in de toekomst; kies deze maand of eerder.")
        return month


def _figure(code: str, month: date, member: str, area: str) -> Cell:
    """The figure as the dashboard shows it (from the rollup, suppressed)."""
    indicator = indicator_by_code(code)
    assert indicator is not None
    row = (
        RollupValue.objects.filter(
            indicator=code, month=month, area=area, dimension=TYPE if member else "", member=member
        )
        .values_list("value", "base")
        .first()
    )
    return cell_for(indicator, *(row or (None, 0)))


@requires("monitoring.view")
@require_GET
def drilldown(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not may_drill(user):
        raise PermissionDenied
    form = DrillForm(request.GET)
    context: dict[str, Any] = {
        "form": form,
        "breadcrumbs": [
            {"label": "Monitoring", "url": "/monitoring"},
            {"label": "Zorg en veiligheid", "url": "/monitoring/thema/zorg"},
            {"label": "Casussen achter een cijfer"},
        ],
    }
    if not form.is_valid():
        return render(request, "monitoring/drilldown.html", context, status=400)
    data = form.cleaned_data
    code, month, member, area = data["indicator"], data["maand"], data["onderdeel"], data["gebied"]
    indicator = indicator_by_code(code)
    chosen = cases_behind(cases_visible_to(user), code, month, next_month(month), member=member, area=area)
    assert indicator is not None and chosen is not None
    rows = list(chosen.select_related("case_type").order_by("-created_at", "number")[: LIMIT + 1])
    log_processing(
        action="monitoring.drilldown",
        actor=user,
        request=request,
        object_type="indicator",
        object_id=code,
        details={
            "maand": f"{month:%Y-%m}",
            "casustype": member,
            "gebied": area,
            "getoond": len(rows[:LIMIT]),
        },
    )
    context.update(
        {
            "indicator": indicator,
            "month": month_label(month),
            "member": member,
            "area": area,
            "figure": _figure(code, month, member, area),
            "cases": rows[:LIMIT],
            "more": len(rows) > LIMIT,
            "limit": LIMIT,
        }
    )
    return render(request, "monitoring/drilldown.html", context)
