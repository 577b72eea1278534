"""Changing and cancelling an inspection round before its first inspection (split from inspection_views by verb).

Who may: those who plan rounds (project leader, inspectors of the municipality); the service checks the state
under a row lock, these pages only answer early when the round can no longer be changed.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from regie.access import park_access
from regie.accounts.models import User
from regie.core.html.form_view import handle_form
from regie.core.terms import format_date
from regie.park.forms import RoundCancelForm, RoundEditForm
from regie.park.inspection_views import _inspector_choices
from regie.park.models import InspectionRound
from regie.park.services import rounds
from regie.park.views import _crumbs, _posted, _user, signed_in


def _round_to_change(user: User, round_id: str) -> InspectionRound:
    if not park_access.may_use_park(user):
        raise PermissionDenied
    inspection_round = park_access.get_round_for(user, round_id)
    if not park_access.may_plan_rounds(user):
        raise PermissionDenied
    return inspection_round


def _refusal(inspection_round: InspectionRound, *, verb: str) -> str:
    """Why this round can no longer be changed or cancelled, or "" when it can."""
    if inspection_round.is_cancelled:
        return f"Deze ronde is geannuleerd en kan niet meer worden {verb}."
    done = inspection_round.inspections.count()
    if done:
        return (
            f"Deze ronde kan niet meer worden {verb}: er zijn al {done} inspectie(s) ingediend. "
            "Die blijven als bewijs bij de kavels en casussen."
        )
    return ""


def _crumbs_for(inspection_round: InspectionRound, label: str) -> list[dict[str, str]]:
    return _crumbs(
        inspection_round.park,
        {"label": "Inspectierondes", "url": f"/vakantiepark/{inspection_round.park_id}/rondes"},
        {
            "label": f"Ronde {format_date(inspection_round.planned_on, weekday=False)}",
            "url": f"/vakantiepark/rondes/{inspection_round.pk}",
        },
        {"label": label},
    )


@signed_in
def round_edit(request: HttpRequest, round_id: str) -> HttpResponse:
    user = _user(request)
    inspection_round = _round_to_change(user, round_id)
    round_url = f"/vakantiepark/rondes/{inspection_round.pk}"
    if request.method != "POST":
        refusal = _refusal(inspection_round, verb="gewijzigd")
        if refusal:
            messages.error(request, refusal)
            return redirect(round_url)
    form = RoundEditForm(
        _posted(request),
        inspectors=_inspector_choices(user),
        initial={
            "planned_on": inspection_round.planned_on,
            "inspectors": list(inspection_round.inspectors.values_list("pk", flat=True)),
            "sample_size": inspection_round.sample_size,
            "note": inspection_round.note,
        },
    )
    return handle_form(
        request,
        form,
        action=lambda data: rounds.inspection_round_update(
            actor=user,
            inspection_round=inspection_round,
            planned_on=data["planned_on"],
            inspectors=list(data["inspectors"]),
            sample_size=data["sample_size"],
            note=data["note"],
            request=request,
        ),
        render=lambda _status: render(  # a refused form: 200, as the park pages always answered
            request,
            "park/round_edit.html",
            {
                "round": inspection_round,
                "park": inspection_round.park,
                "risk_lots": inspection_round.round_lots.exclude(reason=rounds.SAMPLE).count(),
                "form": form,
                "breadcrumbs": _crumbs_for(inspection_round, "Wijzigen"),
            },
        ),
        success_url=round_url,
        success_message=lambda changed: (
            f"De ronde is gewijzigd; er staan {changed.round_lots.count()} kavels in."
        ),
    )


@signed_in
def round_cancel(request: HttpRequest, round_id: str) -> HttpResponse:
    user = _user(request)
    inspection_round = _round_to_change(user, round_id)
    round_url = f"/vakantiepark/rondes/{inspection_round.pk}"
    if request.method != "POST":
        refusal = _refusal(inspection_round, verb="geannuleerd")
        if refusal:
            messages.error(request, refusal)
            return redirect(round_url)
    form = RoundCancelForm(_posted(request))
    return handle_form(
        request,
        form,
        action=lambda data: rounds.inspection_round_cancel(
            actor=user, inspection_round=inspection_round, reason=data["reason"], request=request
        ),
        render=lambda _status: render(  # a refused form: 200, as the park pages always answered
            request,
            "park/round_cancel.html",
            {
                "round": inspection_round,
                "park": inspection_round.park,
                "lot_count": inspection_round.round_lots.count(),
                "form": form,
                "breadcrumbs": _crumbs_for(inspection_round, "Annuleren"),
            },
        ),
        success_url=round_url,
        success_message="De ronde is geannuleerd. Ze blijft bewaard met de reden.",
    )
