"""Break-the-glass: a process director opens a case by number with a reason; the privacy officer reviews it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from regie.access.case_access import (
    case_for_break_the_glass,
    cases_visible_to,
    emergency_accesses_awaiting_review,
    emergency_accesses_of,
    emergency_accesses_reviewed,
    get_emergency_access_for_review,
)
from regie.access.policy import request_user, requires
from regie.access.subject_access import log_read
from regie.cases.forms.admin import EmergencyReviewForm, EmergencyStartForm
from regie.cases.models import BreakTheGlass
from regie.cases.services.emergency import break_the_glass_review, break_the_glass_start
from regie.cases.views.common import case_url
from regie.core.html.form_view import Done, handle_form

NOT_FOUND = "Er is geen casus met dit nummer in uw gemeente."
ALREADY_VISIBLE = "U heeft al toegang tot deze casus; noodtoegang is niet nodig."
REVIEW_CRUMBS = [{"label": "Noodtoegang beoordelen"}]


@requires("break_the_glass.start")
@require_http_methods(["GET", "POST"])
def emergency_start(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = EmergencyStartForm(request.POST or None)

    def start(data: dict[str, Any]) -> Done:
        case = case_for_break_the_glass(user, data["number"])
        if case is None:
            raise ValidationError({"number": NOT_FOUND})
        if cases_visible_to(user).filter(pk=case.pk).exists():
            return Done(case_url(case), ALREADY_VISIBLE, messages.INFO)
        access = break_the_glass_start(actor=user, case_id=case.pk, reason=data["reason"], request=request)
        until = timezone.localtime(access.expires_at)
        message = f"Noodtoegang tot {until:%H:%M}. De privacyfunctionaris beoordeelt deze toegang."
        return Done(case_url(case), message, messages.WARNING)

    return handle_form(
        request,
        form,
        action=start,
        render=lambda status: _start_page(request, form, status),
    )


def _start_page(request: HttpRequest, form: EmergencyStartForm, status: int) -> HttpResponse:
    user = request_user(request)
    accesses = emergency_accesses_of(user)
    log_read(  # the director's own emergency accesses: case numbers, each a read of that case
        user,
        action="break_the_glass.list_viewed",
        request=request,
        object_type="case",
        case_ids=[a.case_id for a in accesses],
        details={"cases": [a.case.number for a in accesses]},
    )
    return render(
        request,
        "cases/emergency_start.html",
        {
            "form": form,
            "accesses": accesses,
            "hours": settings.REGIE_BREAK_THE_GLASS_HOURS,
            "now": timezone.now(),
            "breadcrumbs": [{"label": "Noodtoegang"}],
        },
        status=status,
    )


def _review_page(
    request: HttpRequest,
    *,
    failed: tuple[BreakTheGlass, EmergencyReviewForm] | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    user = request_user(request)
    awaiting = list(emergency_accesses_awaiting_review(user))
    pending = []
    for access in awaiting:
        if failed and failed[0].pk == access.pk:
            form = failed[1]
        else:
            form = EmergencyReviewForm(prefix=f"b{access.pk.hex[:12]}")
        pending.append({"access": access, "form": form})
    reviewed = emergency_accesses_reviewed(user)
    # Who opened which case, and why, is itself personal data: reading this list is logged too, with the persons
    # of the cases on it.
    shown = awaiting + reviewed
    log_read(
        user,
        action="break_the_glass.list_viewed",
        request=request,
        case_ids=[a.case_id for a in shown],
        details={"cases": [a.case.number for a in shown]},
    )
    return render(
        request,
        "cases/emergency_review.html",
        {
            "pending": pending,
            "reviewed": reviewed,
            "now": timezone.now(),
            "error": error,
            "breadcrumbs": REVIEW_CRUMBS,
        },
        status=status,
    )


@requires("break_the_glass.review")
def emergency_review_list(request: HttpRequest) -> HttpResponse:
    return _review_page(request)


@requires("break_the_glass.review")
@require_POST
def emergency_review(request: HttpRequest, access_id: str) -> HttpResponse:
    user = request_user(request)
    access = get_emergency_access_for_review(user, access_id)
    if access.reviewed_at is not None:
        return _review_page(request, error="Deze noodtoegang is al beoordeeld.", status=400)
    form = EmergencyReviewForm(request.POST, prefix=f"b{access.pk.hex[:12]}")

    def review(data: dict[str, Any]) -> str:
        approved = data["decision"] == "terecht"
        break_the_glass_review(
            actor=user, access=access, approved=approved, note=data["note"], request=request
        )
        return "terecht" if approved else "niet terecht (de toegang is beëindigd)"

    return handle_form(
        request,
        form,
        action=review,
        render=lambda status: _review_page(request, failed=(access, form), status=status),
        success_url="/privacy/noodtoegang",
        success_message=lambda verdict: f"Noodtoegang tot {access.case.number} beoordeeld als {verdict}.",
        aliases={"review": "decision"},
    )
