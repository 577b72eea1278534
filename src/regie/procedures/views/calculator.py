"""The deadline calculator page for lawyers, inspectors and project leaders."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access.policy import requires
from regie.core.terms import format_date
from regie.procedures.calculator import calculate

COMMON_PERIODS = [
    ("2 weken", "zienswijze"),
    ("6 weken", "bezwaar, beroep, beslissen op bezwaar"),
    ("8 weken", "beslissen op een aanvraag, Awb 4:13"),
    ("12 weken", "beslissen op bezwaar met adviescommissie"),
    ("3 maanden", "begunstigingstermijn"),
    ("1 jaar", "verjaring invordering dwangsom"),
]


@requires("deadlines.calculate")
def calculator_page(request: HttpRequest) -> HttpResponse:
    asked = "van" in request.GET
    params = {
        "van": request.GET.get("van", "")[:30],
        "period": request.GET.get("duur", "")[:30],
        "statutory": "true" if request.GET.get("wettelijk") else "false",
    }
    calc = calculate(params, from_key="van", dutch=True) if asked else None
    errors = {("duur" if k == "period" else k): v for k, v in (calc.errors if calc else {}).items()}
    result = calc.result if calc else None
    return render(
        request,
        "procedures/calculator.html",
        {
            "asked": asked,
            "values": {
                "van": params["van"],
                "duur": params["period"],
                "wettelijk": bool(request.GET.get("wettelijk")),
            },
            "errors": errors,
            "result": result,
            "end_text": format_date(result.end_date) if result else "",
            "plain_text": format_date(result.plain_end_date) if result else "",
            "periods": COMMON_PERIODS,
            "breadcrumbs": [{"label": "Termijncalculator"}],
        },
        status=400 if errors else 200,
    )
