"""Inspection rounds, the inspection form and its follow-ups (split from views.py by noun)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from regie.access import park_access
from regie.access.case_access import documents_for, get_case_for
from regie.access.subject_access import residents_of
from regie.accounts.models import PartnerType, Role, User
from regie.core.html.form_view import Done, handle_form
from regie.core.ids import uuid_or_404
from regie.core.terms import format_date
from regie.park import selectors
from regie.park.forms import (
    InspectionForm,
    NoteForm,
    RoundForm,
)
from regie.park.indicator_selectors import indicator_labels
from regie.park.models import (
    FollowUpKind,
    Inspection,
    ParkLot,
    ResidenceStatus,
    RoundLot,
)
from regie.park.services import follow_ups, inspections, rounds
from regie.park.services.inspections import Photo
from regie.park.views import _crumbs, _errors, _park_or_403, _user, signed_in
from regie.processing_log.services import log_processing

RECOGNISED = "Deze kavel was in deze ronde al geïnspecteerd; de tweede inzending is herkend en niet opnieuw opgeslagen."


def _inspector_choices(user: User) -> Any:
    if user.organisation is None:
        return User.objects.none()
    municipality_id = user.organisation.municipality_id
    return User.objects.filter(is_active=True, organisation__municipality_id=municipality_id).filter(
        role__in=[Role.INSPECTOR, Role.PROJECT_LEADER]
    ) | User.objects.filter(
        is_active=True,
        role=Role.PARTNER,
        organisation__partner_type=PartnerType.PROVINCE,
        organisation__municipality_id=municipality_id,
    )


@signed_in
def round_list(request: HttpRequest, park_id: str) -> HttpResponse:
    user = _user(request)
    park = _park_or_403(user, park_id)
    can_plan = park_access.may_plan_rounds(user)
    if not can_plan:
        if request.method == "POST":
            raise PermissionDenied
        return _rounds_page(request, user, park, None)
    form = RoundForm(request.POST if request.method == "POST" else None, inspectors=_inspector_choices(user))

    def plan(data: dict[str, Any]) -> Any:
        today = timezone.localdate()
        try:
            return rounds.inspection_round_plan(
                actor=user,
                park=park,
                planned_on=data["planned_on"],
                inspectors=list(data["inspectors"]),
                sample_size=data["sample_size"],
                risk_since=today.replace(year=today.year - 1),
                note=data["note"],
                request=request,
            )
        except ValidationError as exc:  # this page shows the service's refusal above the form, all of it
            raise ValidationError(_errors(exc)) from exc

    return handle_form(
        request,
        form,
        action=plan,
        render=lambda _status: _rounds_page(request, user, park, form),  # refused: 200, as always
        success_url=lambda planned: f"/vakantiepark/rondes/{planned.pk}",
        success_message=lambda planned: f"De ronde is gepland met {planned.round_lots.count()} kavels.",
    )


def _rounds_page(request: HttpRequest, user: User, park: Any, form: RoundForm | None) -> HttpResponse:
    visible = (
        park_access.rounds_visible_to(user)
        .filter(park=park)
        .prefetch_related("inspectors")
        .order_by("-planned_on")
    )
    return render(
        request,
        "park/rounds.html",
        {
            "park": park,
            "rounds": visible,
            "form": form,
            "breadcrumbs": _crumbs(park, {"label": "Inspectierondes"}),
        },
    )


@signed_in
def round_detail(request: HttpRequest, round_id: str) -> HttpResponse:
    user = _user(request)
    if not park_access.may_use_park(user):
        raise PermissionDenied
    inspection_round = park_access.get_round_for(user, round_id)
    done = {i.lot_id: i for i in inspection_round.inspections.all()}
    cancelled = inspection_round.is_cancelled
    lots = [
        {"round_lot": rl, "inspection": done.get(rl.lot_id)}
        for rl in RoundLot.objects.filter(round=inspection_round).select_related(
            "lot", "lot__location__address"
        )
    ]
    log_processing(
        action="park_round.viewed",
        actor=user,
        request=request,
        object_type="park_round",
        object_id=inspection_round.pk,
    )
    return render(
        request,
        "park/round.html",
        {
            "round": inspection_round,
            "park": inspection_round.park,
            "lots": lots,
            "may_inspect": park_access.may_inspect(user, inspection_round) and not cancelled,
            "may_change": park_access.may_plan_rounds(user) and not (cancelled or done),
            "inspectors": inspection_round.inspectors.select_related("organisation"),
            "breadcrumbs": _crumbs(
                inspection_round.park,
                {"label": "Inspectierondes", "url": f"/vakantiepark/{inspection_round.park_id}/rondes"},
                {"label": f"Ronde {format_date(inspection_round.planned_on, weekday=False)}"},
            ),
        },
    )


def _round_lot(user: User, round_id: str, lot_id: str) -> tuple[Any, ParkLot]:
    if not park_access.may_use_park(user):
        raise PermissionDenied
    inspection_round = park_access.get_round_for(user, round_id)
    round_lot = (
        RoundLot.objects.filter(round=inspection_round, lot_id=uuid_or_404(lot_id))
        .select_related("lot", "lot__park", "lot__location", "lot__location__address")
        .first()
    )
    if round_lot is None:
        raise Http404
    return inspection_round, round_lot.lot


@signed_in
def inspection_form(request: HttpRequest, round_id: str, lot_id: str) -> HttpResponse:
    user = _user(request)
    inspection_round, lot = _round_lot(user, round_id, lot_id)
    existing = selectors.inspection_of(inspection_round, lot)
    if existing is not None and request.method != "POST":
        return redirect(f"/vakantiepark/inspecties/{existing.pk}")
    if not park_access.may_inspect(user, inspection_round):
        raise PermissionDenied
    if inspection_round.is_cancelled and request.method != "POST":  # a POST is refused by the service
        messages.error(request, inspections.ROUND_CANCELLED)
        return redirect(f"/vakantiepark/rondes/{inspection_round.pk}")
    form = InspectionForm(*((request.POST, request.FILES) if request.method == "POST" else ()))

    def submit(data: dict[str, Any]) -> Done:
        photos = [Photo(f.name or "", f.read()) for f in request.FILES.getlist("photos")]
        result = inspections.inspection_submit(
            actor=user,
            inspection_round=inspection_round,
            lot=lot,
            indicators=data["indicators"],
            entry_consent=data["entry_consent"],
            findings=data["findings"],
            outcome=data["outcome"],
            photos=photos,
            request=request,
        )
        url = f"/vakantiepark/inspecties/{result.inspection.pk}"
        if result.created:
            return Done(url, "De inspectie is opgeslagen; het rapport van bevindingen staat bij de casus.")
        return Done(url, RECOGNISED, messages.INFO)

    return handle_form(
        request,
        form,
        action=submit,
        render=lambda _status: render(  # a refused form: 200, as the park pages always answered
            request,
            "park/inspection_form.html",
            {
                "round": inspection_round,
                "lot": lot,
                "form": form,
                "context": _lot_context(request, user, lot),
                "breadcrumbs": _crumbs(
                    lot.park,
                    {
                        "label": f"Ronde {format_date(inspection_round.planned_on, weekday=False)}",
                        "url": f"/vakantiepark/rondes/{inspection_round.pk}",
                    },
                    {"label": f"Inspectie kavel {lot.number}"},
                ),
            },
        ),
    )


def _lot_context(request: HttpRequest, user: User, lot: ParkLot) -> dict[str, Any]:
    """What an inspector needs to know before inspecting: the lot's current occupants (through the park door,
    which logs the read of the persons on the lot) and its residence status and history."""
    door_lot, occupancy = park_access.get_lot_for(user, lot.pk, request=request)
    today = timezone.localdate()
    occupants = (
        [
            o
            for o in door_lot.occupancies.select_related("person").order_by("from_date")
            if o.to_date is None or o.to_date >= today
        ]
        if occupancy
        else []
    )
    return {
        "occupancy": occupancy,
        "occupants": occupants,
        "status": ResidenceStatus(selectors.current_status(door_lot)),
        "history": list(door_lot.status_changes.all()[:3]),
        "earlier": list(
            park_access.inspections_visible_to(user)
            .filter(lot=door_lot)
            .select_related("round")
            .order_by("-inspected_on")[:3]
        ),
    }


def _photos(user: User, inspection: Inspection) -> list[Any]:
    """The photos saved with this inspection, as documents of its case, for those who may see that case."""
    if inspection.case_id is None or inspection.report is None:
        return []
    try:
        access = get_case_for(user, inspection.case_id, log=False)  # the page's own entry logs the read
    except Http404:
        return []
    started = inspection.report.created_at
    return list(
        documents_for(access)
        .filter(
            document_type="foto",
            created_at__gte=started,
            created_at__lte=started + timedelta(minutes=5),  # saved in the same transaction as the report
        )
        .order_by("created_at")
    )


def _inspection(user: User, inspection_id: str) -> Inspection:
    if not park_access.may_use_park(user):
        raise PermissionDenied
    found = (
        park_access.inspections_visible_to(user)
        .select_related("round", "lot", "lot__park", "lot__location", "inspector", "case", "report")
        .filter(pk=uuid_or_404(inspection_id))
        .first()
    )
    if found is None:
        raise Http404
    return found


@signed_in
def inspection_detail(request: HttpRequest, inspection_id: str) -> HttpResponse:
    user = _user(request)
    inspection = _inspection(user, inspection_id)
    log_processing(
        action="park_inspection.viewed",
        actor=user,
        request=request,
        object_type="park_inspection",
        object_id=inspection.pk,
        persons=residents_of(location_ids=[inspection.lot.location_id]),  # the findings are about them
    )
    done = {f.kind: f for f in inspection.follow_ups.all()}
    involved = park_access.may_inspect(user, inspection.round) or park_access.may_set_status(user)
    return render(
        request,
        "park/inspection.html",
        {
            "inspection": inspection,
            "lot": inspection.lot,
            "indicators": indicator_labels(inspection),
            "done": done,
            "may_start_procedure": park_access.may_set_status(user) and FollowUpKind.PROCEDURE not in done,
            "may_refer": involved,
            "note_form": NoteForm(),
            "photos": _photos(user, inspection),
            "breadcrumbs": _crumbs(
                inspection.lot.park,
                {
                    "label": f"Ronde {format_date(inspection.round.planned_on, weekday=False)}",
                    "url": f"/vakantiepark/rondes/{inspection.round_id}",
                },
                {"label": f"Inspectie kavel {inspection.lot.number}"},
            ),
        },
    )


@signed_in
@require_POST
def follow_up(request: HttpRequest, inspection_id: str, kind: str) -> HttpResponse:
    user = _user(request)
    inspection = _inspection(user, inspection_id)
    note = request.POST.get("note", "")
    try:
        if kind == "procedure":
            follow_ups.follow_up_start_procedure(actor=user, inspection=inspection, request=request)
            messages.success(request, "De handhavingsprocedure permanente bewoning is gestart.")
        elif kind == "brp":
            follow_ups.follow_up_refer_brp(actor=user, inspection=inspection, note=note, request=request)
            messages.success(request, "Doorverwezen naar burgerzaken voor een adresonderzoek.")
        elif kind == "zorg":
            done = follow_ups.follow_up_refer_care(
                actor=user, inspection=inspection, note=note, request=request
            )
            messages.success(request, f"Signaal {done.reference} staat bij de procesregisseur in de triage.")
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    return redirect(f"/vakantiepark/inspecties/{inspection.pk}")


@signed_in
@require_POST
def brp_take_up(request: HttpRequest, follow_up_id: str) -> HttpResponse:
    user = _user(request)
    if user.role != Role.BRP or not park_access.may_use_park(user):
        raise PermissionDenied
    found = selectors.brp_follow_up_for(user, uuid_or_404(follow_up_id))
    if found is None:
        raise Http404
    try:
        case = follow_ups.brp_referral_take_up(actor=user, follow_up=found, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
        return redirect(f"/vakantiepark/kavels/{found.inspection.lot_id}")
    messages.success(request, f"Adresonderzoek gestart in casus {case.number}.")
    return redirect(f"/casussen/{case.pk}")
