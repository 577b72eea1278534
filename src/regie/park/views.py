"""The park pages (thin edges: parse, fetch through the park door, call one service, render)."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from regie.access import park_access
from regie.access.subject_access import may_see_bsn
from regie.accounts.models import Role, User
from regie.core.html.form_view import handle_form
from regie.core.middleware import CSP
from regie.integrations.brp import configured as brp_configured
from regie.park import selectors
from regie.park.charts import month_label, trend
from regie.park.forms import (
    OccupantForm,
    OverviewFilter,
    PermitForm,
    StatusForm,
    ToleranceForm,
)
from regie.park.models import (
    FollowUpKind,
    Park,
    ParkLot,
    ResidenceStatus,
)
from regie.park.services import lots, status
from regie.park.services.brp import lot_brp_current, may_refresh_lot
from regie.processing_log.services import log_processing

SORT_KEYS: dict[str, Callable[[selectors.LotRow], Any]] = {
    "kavel": lambda r: r.lot.number,
    "status": lambda r: (selectors.STATUS_ORDER.index(r.status), r.lot.number),
    "inspectie": lambda r: (
        r.last_inspection is None,
        -(r.last_inspection.toordinal() if r.last_inspection else 0),
    ),
    "termijn": lambda r: (r.next_deadline is None, r.next_deadline.toordinal() if r.next_deadline else 0),
}


def signed_in(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in required; what the user may see is then decided by the park door (403/404)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _posted(request: HttpRequest) -> Any:
    """The form data on a POST (even when empty: an empty POST is a refused form), None on a GET."""
    return request.POST if request.method == "POST" else None


def _errors(exc: ValidationError) -> list[str]:
    if hasattr(exc, "message_dict"):
        return [m for messages_ in exc.message_dict.values() for m in messages_]
    return list(exc.messages)


def _park_or_403(user: User, park_id: object, *, counts_only: bool = False) -> Park:
    if not (park_access.may_see_counts(user) if counts_only else park_access.may_use_park(user)):
        raise PermissionDenied
    return park_access.get_park_for(user, park_id, counts_only=counts_only)


def _crumbs(park: Park, *extra: dict[str, str]) -> list[dict[str, str]]:
    return [{"label": park.name, "url": f"/vakantiepark/{park.pk}"}, *extra]


@signed_in
def park_home(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if park_access.may_use_park(user):
        park = park_access.parks_visible_to(user).order_by("name").first()
        if park is not None:
            return redirect(f"/vakantiepark/{park.pk}")
    elif park_access.may_see_counts(user):
        park = park_access.park_counts_visible_to(user).order_by("name").first()
        if park is not None:
            return redirect(f"/vakantiepark/{park.pk}/voortgang")
    else:
        raise PermissionDenied
    context = {"breadcrumbs": [{"label": "Vakantiepark"}], "can_manage": park_access.may_manage_parks(user)}
    return render(request, "park/none.html", context)


@signed_in
def park_overview(request: HttpRequest, park_id: str) -> HttpResponse:
    user = _user(request)
    park = _park_or_403(user, park_id)
    today = timezone.localdate()
    rows = selectors.lot_rows(user, park, today=today)
    totals = Counter(r.status for r in rows)
    form = OverviewFilter(request.GET or None)
    chosen: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    if chosen.get("status"):
        rows = [r for r in rows if r.status == chosen["status"]]
    if chosen.get("procedure") == "ja":
        rows = [r for r in rows if r.procedures]
    elif chosen.get("procedure") == "nee":
        rows = [r for r in rows if not r.procedures]
    rows.sort(key=SORT_KEYS.get(chosen.get("sorteer") or "kavel", SORT_KEYS["kavel"]))
    log_processing(
        action="park.overview_viewed",
        actor=user,
        request=request,
        object_type="park",
        object_id=park.pk,
        persons=[pk for r in rows for pk in r.occupant_ids],
        details={"lots": len(rows), "occupancy_lots": sum(1 for r in rows if r.occupancy_visible)},
    )
    leader = park.project_leader
    return render(
        request,
        "park/overview.html",
        {
            "park": park,
            "rows": rows,
            "form": form,
            "totals": [
                {"status": s.value, "label": s.label, "count": totals.get(s.value, 0)}
                for s in ResidenceStatus
            ],
            "leader": leader,
            "can_plan": park_access.may_plan_rounds(user),
            "can_manage": park_access.may_manage_parks(user),
            "referrals": selectors.open_brp_referrals(park)
            if user.role in (Role.BRP, Role.PROJECT_LEADER)
            else [],
            "is_brp": user.role == Role.BRP,
            "breadcrumbs": [{"label": park.name}],
        },
    )


def _tile_attribution() -> str:
    """The source line under the tiles: as configured, else Kadaster's for PDOK's BRT-achtergrondkaart."""
    configured = getattr(settings, "REGIE_MAP_TILE_ATTRIBUTION", "")
    return configured or ("Kaartgegevens © Kadaster" if "pdok.nl" in settings.REGIE_MAP_TILE_URL else "")


@signed_in
def park_map(request: HttpRequest, park_id: str) -> HttpResponse:
    user = _user(request)
    park = _park_or_403(user, park_id)
    rows = selectors.lot_rows(user, park, today=timezone.localdate())
    log_processing(
        action="park.map_viewed",
        actor=user,
        request=request,
        object_type="park",
        object_id=park.pk,
        persons=[pk for r in rows for pk in r.occupant_ids],
    )
    legend = [
        {"status": s.value, "label": s.label, "colour": selectors.STATUS_COLOURS[s], "count": 0}
        for s in ResidenceStatus
    ]
    counts = Counter(r.status for r in rows)
    for item in legend:
        item["count"] = counts.get(str(item["status"]), 0)
    response = render(
        request,
        "park/map.html",
        {
            "park": park,
            "rows": rows,
            "legend": legend,
            "tile_url": settings.REGIE_MAP_TILE_URL,
            "tile_attribution": _tile_attribution(),
            "has_base_map": bool(park.base_map.get("features")),
            "breadcrumbs": _crumbs(park, {"label": "Kaart"}),
        },
    )
    tiles = urlsplit(settings.REGIE_MAP_TILE_URL)
    if tiles.scheme in ("http", "https") and tiles.netloc:
        # A configured tile server: its images only, on this page only (the policy stays strict elsewhere).
        origin = f"{tiles.scheme}://{tiles.netloc.replace('{s}', '*')}"
        response["Content-Security-Policy"] = CSP.replace(
            "img-src 'self' data:", f"img-src 'self' data: {origin}"
        )
    return response


@signed_in
def park_map_geojson(request: HttpRequest, park_id: str) -> JsonResponse:
    user = _user(request)
    park = _park_or_403(user, park_id)
    rows = selectors.lot_rows(user, park, today=timezone.localdate())
    features = [
        {
            "type": "Feature",
            "geometry": r.lot.location.geometry,
            "properties": {
                "number": r.lot.number,
                "status": r.status,
                "statusLabel": r.status_label,
                "colour": r.colour,
                "url": f"/vakantiepark/kavels/{r.lot.pk}",
            },
        }
        for r in rows
        if r.lot.location.geometry
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


@signed_in
def park_base_map_geojson(request: HttpRequest, park_id: str) -> JsonResponse:
    """The park's own background (outline, water, paths): no personal data, for whoever may open the map."""
    park = _park_or_403(_user(request), park_id)
    return JsonResponse(park.base_map or {"type": "FeatureCollection", "features": []})


@signed_in
def lot_detail(request: HttpRequest, lot_id: str) -> HttpResponse:
    user = _user(request)
    if not park_access.may_use_park(user):
        raise PermissionDenied
    lot, occupancy = park_access.get_lot_for(user, lot_id, request=request)
    if request.method == "POST" and not park_access.may_set_status(user):
        raise PermissionDenied
    form = StatusForm(_posted(request), initial={"on_date": timezone.localdate()})
    return handle_form(
        request,
        form,
        action=lambda data: status.residence_status_set(actor=user, lot=lot, request=request, **data),
        render=lambda _status: _lot_page(request, user, lot, occupancy, form),  # refused: 200, as always
        success_url=f"/vakantiepark/kavels/{lot.pk}",
        success_message="De bewoningsstatus is vastgelegd.",
    )


def _lot_page(
    request: HttpRequest, user: User, lot: ParkLot, occupancy: bool, form: StatusForm
) -> HttpResponse:
    today = timezone.localdate()
    visible_inspections = park_access.inspections_visible_to(user).filter(lot=lot).select_related("inspector")
    brp_referrals = selectors.brp_referrals_of(lot)
    return render(
        request,
        "park/lot.html",
        {
            "lot": lot,
            "park": lot.park,
            "occupancy": occupancy,
            "status": ResidenceStatus(selectors.current_status(lot)),
            "history": lot.status_changes.select_related("set_by"),
            "occupants": lot.occupancies.select_related("person") if occupancy else [],
            "registrations": list(selectors.brp_registrations(lot)) if occupancy else [],
            "brp_current": lot_brp_current(lot) if occupancy else None,
            "brp_configured": brp_configured(),
            "may_refresh_brp": may_refresh_lot(user, occupancy),
            "show_bsn": may_see_bsn(user),
            "permits": selectors.permits_for(lot) if occupancy else [],
            "tolerances": lot.tolerances.all() if occupancy else [],
            "inspections": visible_inspections,
            "brp_referrals": brp_referrals if user.role in (Role.BRP, Role.PROJECT_LEADER) else [],
            "is_brp": user.role == Role.BRP,
            "form": form if park_access.may_set_status(user) else None,
            "register_forms": {
                "bewoner": OccupantForm(prefix="bewoner"),
                "beschikking": PermitForm(prefix="beschikking", holders=_holders(lot)),
                "gedoogbesluit": ToleranceForm(prefix="gedoogbesluit"),
            }
            if park_access.may_set_status(user) and occupancy
            else None,
            "today": today,
            "breadcrumbs": _crumbs(lot.park, {"label": f"Kavel {lot.number}"}),
        },
    )


@signed_in
def progress(request: HttpRequest, park_id: str) -> HttpResponse:
    user = _user(request)
    park = _park_or_403(user, park_id, counts_only=True)
    series = selectors.monthly_counts(park, until=timezone.localdate())
    log_processing(
        action="park.progress_viewed", actor=user, request=request, object_type="park", object_id=park.pk
    )
    table = [
        {"month": month_label(day), "counts": [counts.get(s.value, 0) for s in ResidenceStatus]}
        for day, counts in series
    ]
    ended = selectors.follow_up_kinds(park)
    return render(
        request,
        "park/progress.html",
        {
            "park": park,
            "chart": trend(series),
            "statuses": list(ResidenceStatus),
            "table": table,
            "follow_ups": [{"label": k.label, "count": ended.get(k.value, 0)} for k in FollowUpKind],
            "ended": _ended(park),
            "figures": selectors.procedure_figures(park),
            "breadcrumbs": _crumbs(park, {"label": "Voortgang"})
            if park_access.may_use_park(user)
            else [{"label": f"{park.name}: voortgang"}],
        },
    )


def _ended(park: Park) -> list[tuple[str, int]]:
    counts = selectors.ended_permanent_residences(park)
    return [(label, counts.get(label, 0)) for label in selectors.ENDED_WAYS]


@signed_in
def progress_csv(request: HttpRequest, park_id: str) -> HttpResponse:
    user = _user(request)
    park = _park_or_403(user, park_id, counts_only=True)
    series = selectors.monthly_counts(park, until=timezone.localdate())
    log_processing(
        action="park.progress_exported", actor=user, request=request, object_type="park", object_id=park.pk
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="voortgang-vakantiepark.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["maand", *[s.value for s in ResidenceStatus], "totaal"])
    for day, counts in series:
        values = [counts.get(s.value, 0) for s in ResidenceStatus]
        writer.writerow([day.strftime("%Y-%m"), *values, sum(values)])
    return response


def _holders(lot: ParkLot) -> Any:
    return selectors.lot_holders(lot)


@signed_in
@require_POST
def lot_register(request: HttpRequest, lot_id: str, what: str) -> HttpResponse:
    """Add an occupant, a personal permit or a tolerance decision to a lot (project leader and inspectors)."""
    user = _user(request)
    if not park_access.may_use_park(user):
        raise PermissionDenied
    lot, occupancy = park_access.get_lot_for(
        user, lot_id, request=request, action="park_lot.viewed_for_change"
    )
    if not (park_access.may_set_status(user) and occupancy):
        raise PermissionDenied
    form: forms.Form
    if what == "bewoner":
        form = OccupantForm(request.POST, prefix=what)
    elif what == "beschikking":
        form = PermitForm(request.POST, prefix=what, holders=_holders(lot))
    elif what == "gedoogbesluit":
        form = ToleranceForm(request.POST, prefix=what)
    else:
        raise Http404
    if form.is_valid():
        data = form.cleaned_data
        try:
            if what == "bewoner":
                data["prefix"] = data.pop("name_prefix")
                lots.lot_occupant_register(actor=user, lot=lot, request=request, **data)
            elif what == "beschikking":
                lots.personal_permit_add(actor=user, lot=lot, request=request, **data)
            else:
                lots.tolerance_decision_add(actor=user, lot=lot, request=request, **data)
        except ValidationError as exc:
            messages.error(request, " ".join(_errors(exc)))
        else:
            messages.success(request, "Opgeslagen.")
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(f"/vakantiepark/kavels/{lot.pk}")
