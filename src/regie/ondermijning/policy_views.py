"""The risk weighting (a versioned policy table): everyone of the team reads it; the project leader sets a new
version, whose weights must sum to the total declared with it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access import ondermijning_access as door
from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.ondermijning.models import RiskPolicy
from regie.ondermijning.services import risks
from regie.ondermijning.views import HOME, crumbs, posted

URL = f"{HOME}/risicoweging"


class WeightingForm(forms.Form):
    declared_total = forms.IntegerField(label="Som van de gewichten", min_value=1, max_value=10000)
    note = forms.CharField(label="Toelichting", required=False, max_length=300)

    def __init__(self, *args: Any, policy: RiskPolicy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.codes = []
        for weight in policy.weights.all():
            name = f"w_{weight.code}"
            self.codes.append((name, weight.code))
            self.fields[name] = forms.IntegerField(
                label=weight.label, min_value=0, max_value=100, initial=weight.weight
            )
        self.fields["declared_total"].initial = policy.declared_total
        self.order_fields([name for name, _ in self.codes] + ["declared_total", "note"])

    def weights(self) -> list[tuple[str, int]]:
        return [(code, self.cleaned_data[name]) for name, code in self.codes]


@requires("ondermijning.view")
def weighting(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not door.is_team(user):
        raise PermissionDenied
    policy = risks.risk_policy_ensure()
    if request.method == "POST" and not door.may_manage(user):
        raise PermissionDenied
    form = WeightingForm(posted(request), policy=policy)
    return handle_form(
        request,
        form,
        action=lambda d: risks.risk_policy_create(
            actor=user,
            weights=form.weights(),
            declared_total=d["declared_total"],
            note=d["note"],
            request=request,
        ),
        render=lambda status: render(
            request,
            "ondermijning/weighting.html",
            {
                "policy": policy,
                "form": form,
                "may_manage": door.may_manage(user),
                "breadcrumbs": crumbs({"label": "Risicoweging"}),
            },
            status=status,
        ),
        success_url=URL,
        success_message=lambda p: (
            f"Versie {p.version} van de risicoweging geldt vanaf nu; de scores volgen bij de volgende berekening."
        ),
    )
