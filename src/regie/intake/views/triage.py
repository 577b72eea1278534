"""Triage actions on one signal (POST only): claim, release, decide, correct, confirm, first action, reprocess.

Each action fetches the signal through the door, checks the user may triage it, calls one service and redirects;
a Dutch validation error re-renders the page with status 400, a claim conflict with status 409.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from regie.access.case_access import cases_visible_to, get_case_for
from regie.access.policy import request_user, requires
from regie.access.signal_access import get_signal_by_reference_for, get_signal_for, may_triage
from regie.access.subject_access import persons_visible_to
from regie.accounts.models import User
from regie.cases.selectors import coordinators_for
from regie.core.html.form_view import handle_form
from regie.core.ids import uuid_or_404
from regie.intake import selectors
from regie.intake.forms.triage import (
    NONE_OF_THEM,
    AddToCaseForm,
    CategoryForm,
    CloseForm,
    FirstActionForm,
    MergeForm,
    ReferForm,
    StartCaseForm,
    SubjectConfirmForm,
)
from regie.intake.models import Decision, Signal
from regie.intake.services import claim, corrections, decisions, process
from regie.intake.views.queue import render_signal


def _load(request: HttpRequest, signal_id: str) -> tuple[User, Signal]:
    user = request_user(request)
    signal = get_signal_for(user, signal_id, action="signal.viewed", request=request, log=False)
    if not may_triage(user, signal):
        raise PermissionDenied
    return user, signal


def _url(signal: Signal) -> str:
    return f"/signalen/{signal.pk}"


def _run(
    request: HttpRequest,
    signal: Signal,
    action: Callable[[], Any],
    *,
    success: str,
    form: Form | None = None,
    bound_key: str = "",
    aliases: dict[str, str] | None = None,
    success_url: str | Callable[[Any], str] = "",
) -> HttpResponse:
    """The signal page's form view: a refusal on its form (400), otherwise (a conflict, or a button without a
    form) the message above the signal."""
    shown = form or Form(request.POST)  # a button: a form without fields

    def page(status: int) -> HttpResponse:
        if status == 400 and form is not None:
            return render_signal(request, signal, status=status, bound={bound_key: form})
        return render_signal(
            request, signal, status=status, error=" ".join(map(str, shown.non_field_errors()))
        )

    return handle_form(
        request,
        shown,
        action=lambda _: action(),
        render=page,
        success_url=success_url or _url(signal),
        success_message=success,
        aliases=aliases,
    )


@requires("signals.triage")
@require_POST
def signal_claim(request: HttpRequest, signal_id: str) -> HttpResponse:
    user, signal = _load(request, signal_id)
    return _run(
        request,
        signal,
        lambda: claim.signal_claim(actor=user, signal=signal, request=request),
        success=f"U heeft signaal {signal.reference} opgepakt.",
    )


@requires("signals.triage")
@require_POST
def signal_release(request: HttpRequest, signal_id: str) -> HttpResponse:
    user, signal = _load(request, signal_id)
    return _run(
        request,
        signal,
        lambda: claim.signal_release(actor=user, signal=signal, request=request),
        success=f"Signaal {signal.reference} staat weer in de wachtrij.",
    )


def _decide(request: HttpRequest, user: User, signal: Signal, decision: str) -> HttpResponse:
    post = request.POST
    if decision == Decision.NEW_CASE:
        form: Form = StartCaseForm(post, coordinators=coordinators_for(user))
    elif decision == Decision.ADD_TO_CASE:
        form = AddToCaseForm(post)
    elif decision == Decision.REFER:
        form = ReferForm(post, partners=selectors.partners_for(signal))
    elif decision == Decision.MERGE:
        form = MergeForm(post)
    else:
        form = CloseForm(post)
    if not form.is_valid():
        return render_signal(request, signal, status=400, bound={decision: form})
    data = form.cleaned_data
    success = f"Besluit vastgelegd voor {signal.reference}: {Decision(decision).label.lower()}."

    def act() -> Any:
        if decision == Decision.NEW_CASE:
            return decisions.signal_start_case(actor=user, signal=signal, request=request, **data)
        if decision == Decision.ADD_TO_CASE:
            case = cases_visible_to(user).filter(number=data["case_number"]).only("id").first()
            if case is None:
                raise ValidationError({"case_number": "Er is geen casus met dit nummer die u mag zien."})
            access = get_case_for(user, case.pk, request=request)
            return decisions.signal_add_to_case(actor=user, signal=signal, access=access, request=request)
        if decision == Decision.REFER:
            return decisions.signal_refer(actor=user, signal=signal, request=request, **data)
        if decision == Decision.MERGE:
            target = get_signal_by_reference_for(user, data["duplicate_of"])
            if target is None:
                raise ValidationError(
                    {"duplicate_of": "Er is geen signaal met deze referentie dat u mag zien."}
                )
            return decisions.signal_merge(actor=user, signal=signal, target=target, request=request)
        return decisions.signal_close(actor=user, signal=signal, reason=data["reason"], request=request)

    def where_the_work_continues(result: Any) -> str:
        """After a decision: the case it went into, or the next signal waiting in the queue."""
        if decision in (Decision.NEW_CASE, Decision.ADD_TO_CASE) and result is not None:
            return f"/casussen/{result.pk}"
        following = selectors.next_in_queue(user, after=signal)
        return _url(following) if following is not None else "/signalen"

    return _run(
        request,
        signal,
        act,
        success=success,
        form=form,
        bound_key=decision,
        aliases={"case": "case_number"},
        success_url=where_the_work_continues,
    )


@requires("signals.triage")
@require_POST
def signal_decide(request: HttpRequest, signal_id: str) -> HttpResponse:
    user, signal = _load(request, signal_id)
    decision = request.POST.get("decision", "")
    if decision not in Decision.values:
        return render_signal(request, signal, status=400, error="Kies een besluit.")
    return _decide(request, user, signal, decision)


@requires("signals.triage")
@require_POST
def signal_category(request: HttpRequest, signal_id: str) -> HttpResponse:
    user, signal = _load(request, signal_id)
    form = CategoryForm(request.POST)
    if not form.is_valid():
        return render_signal(request, signal, status=400, bound={"category": form})
    category = form.cleaned_data["category"]
    return _run(
        request,
        signal,
        lambda: corrections.signal_category_correct(
            actor=user, signal=signal, category=category, request=request
        ),
        success=f"De categorie is nu {category.label}. De correctie wordt gebruikt om de classificatie te verbeteren.",
        form=form,
        bound_key="category",
    )


@requires("signals.triage")
@require_POST
def signal_first_action(request: HttpRequest, signal_id: str) -> HttpResponse:
    user, signal = _load(request, signal_id)
    form = FirstActionForm(request.POST)
    if not form.is_valid():
        return render_signal(request, signal, status=400, bound={"first_action": form})
    note = form.cleaned_data["note"]
    return _run(
        request,
        signal,
        lambda: corrections.signal_first_action_record(actor=user, signal=signal, note=note, request=request),
        success="De eerste actie is vastgelegd.",
        form=form,
        bound_key="first_action",
    )


@requires("signals.triage")
@require_POST
def subject_confirm(request: HttpRequest, signal_id: str, subject_id: str) -> HttpResponse:
    user, signal = _load(request, signal_id)
    subject = signal.subjects.filter(pk=uuid_or_404(subject_id)).first()
    if subject is None:
        raise Http404
    shown, _ = selectors.person_suggestions(user, subject)
    choices = [(str(s.person.pk), str(s.person)) for s in shown]
    form = SubjectConfirmForm(request.POST, choices=choices, prefix=f"s{subject.pk.hex[:8]}")
    if not form.is_valid():
        return render_signal(request, signal, status=400, bound={"subjects": {str(subject.pk): form}})
    chosen = form.cleaned_data["person"]
    person = None if chosen == NONE_OF_THEM else persons_visible_to(user).filter(pk=chosen).first()
    return _run(
        request,
        signal,
        lambda: corrections.signal_subject_confirm(
            actor=user, signal=signal, subject=subject, person=person, request=request
        ),
        success="De betrokkene is bevestigd.",
    )


@requires("signals.triage")
@require_POST
def signal_reprocess(request: HttpRequest, signal_id: str) -> HttpResponse:
    user, signal = _load(request, signal_id)
    return _run(
        request,
        signal,
        lambda: process.signal_reprocess(actor=user, signal=signal),
        success="Het signaal wordt opnieuw verwerkt.",
    )
