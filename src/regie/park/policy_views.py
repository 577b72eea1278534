"""The functional administrator's page for the indicators of main residence (a versioned policy table)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.park.forms import IndicatorPolicyForm
from regie.park.indicator_selectors import indicator_policies, latest_indicators
from regie.park.models import IndicatorPolicy
from regie.park.services.indicators import IndicatorInput, residence_indicators_set

URL = "/beheer/indicatoren-hoofdverblijf"
ADMIN = {"label": "Beheer", "url": "/beheer"}


# The policy tables of the functional administrator are held by "accounts.manage" (access/policy.py: "users,
# organisations, policy tables — never case contents").
@requires("accounts.manage")
@require_http_methods(["GET", "POST"])
def indicator_policy_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    in_force, current = latest_indicators()
    form = IndicatorPolicyForm(request.POST or None, current=current, initial={"version": in_force})

    def save(data: dict[str, Any]) -> IndicatorPolicy:
        return residence_indicators_set(
            actor=user,
            indicators=[IndicatorInput(**row) for row in form.indicators()],
            based_on=data.get("version"),
            note=data.get("note") or "",
            request=request,
        )

    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: render(
            request,
            "park/indicator_policy.html",
            {
                "form": form,
                "rows": form.rows(),
                "in_force": in_force,
                "versions": indicator_policies(),
                "breadcrumbs": [ADMIN, {"label": "Indicatoren voor hoofdverblijf"}],
            },
            status=status,
        ),
        success_url=URL,
        success_message=lambda policy: (
            f"Versie {policy.version} van de indicatoren is vastgesteld en in gebruik."
        ),
    )
