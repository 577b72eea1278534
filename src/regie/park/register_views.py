"""Keeping the park register: the list of parks, registering and changing a park, ending an occupancy of a lot.

Thin edges, as in views.py: parse, fetch through the park door, call one service, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from regie.access import park_access
from regie.accounts.models import Role, User
from regie.core.ids import uuid_or_404
from regie.core.terms import format_date
from regie.park.forms import OccupancyEndForm, ParkForm
from regie.park.models import Park
from regie.park.services import lots, parks
from regie.park.views import _crumbs, _user, signed_in
from regie.web.forms import apply_errors

PARKS_CRUMB = {"label": "Vakantieparken", "url": "/vakantiepark/parken"}
# Service error keys that have another name in the form.
FORM_FIELDS = {"management": "management_kvk"}


def _leaders(user: User, park: Park | None = None) -> QuerySet[User]:
    """Active project leaders of the user's municipality (and the park's current one, so it is not lost)."""
    if user.organisation is None:
        return User.objects.none()
    leaders = User.objects.filter(
        is_active=True,
        role=Role.PROJECT_LEADER,
        organisation__municipality_id=user.organisation.municipality_id,
    )
    if park is not None and park.project_leader_id is not None:
        leaders = leaders | User.objects.filter(pk=park.project_leader_id)
    return leaders.order_by("last_name", "first_name")


@signed_in
def park_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not park_access.may_use_park(user):
        raise PermissionDenied
    return render(
        request,
        "park/parks.html",
        {
            "parks": park_access.parks_visible_to(user).order_by("name"),
            "can_manage": park_access.may_manage_parks(user),
            "breadcrumbs": [{"label": "Vakantieparken"}],
        },
    )


@signed_in
def park_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not park_access.may_manage_parks(user) or user.organisation is None:
        raise PermissionDenied
    if request.method == "POST":
        form = ParkForm(request.POST, leaders=_leaders(user))
        if form.is_valid():
            data = form.cleaned_data
            try:
                park = parks.park_create(
                    actor=user,
                    municipality=user.organisation.municipality,
                    name=data["name"],
                    planning_status=data["planning_status"],
                    management=data["management_kvk"],
                    contact=data["contact"],
                    project_leader=data["project_leader"],
                    request=request,
                )
            except ValidationError as exc:
                apply_errors(form, exc, FORM_FIELDS)
            else:
                messages.success(request, f"{park.name} is geregistreerd. Voeg nu de kavels toe.")
                return redirect(f"/vakantiepark/{park.pk}")
    else:
        form = ParkForm(leaders=_leaders(user), initial={"project_leader": user.pk})
    return render(
        request,
        "park/park_form.html",
        {
            "form": form,
            "park": None,
            "breadcrumbs": [PARKS_CRUMB, {"label": "Nieuw park"}],
        },
    )


@signed_in
def park_edit(request: HttpRequest, park_id: str) -> HttpResponse:
    user = _user(request)
    if not park_access.may_manage_parks(user):
        raise PermissionDenied
    park = park_access.get_park_for(user, park_id)
    if request.method == "POST":
        form = ParkForm(request.POST, leaders=_leaders(user, park))
        if form.is_valid():
            data = form.cleaned_data
            try:
                parks.park_update(
                    actor=user,
                    park=park,
                    name=data["name"],
                    planning_status=data["planning_status"],
                    management=data["management_kvk"],
                    contact=data["contact"],
                    project_leader=data["project_leader"],
                    request=request,
                )
            except ValidationError as exc:
                apply_errors(form, exc, FORM_FIELDS)
            else:
                messages.success(request, "De parkgegevens zijn opgeslagen.")
                return redirect(f"/vakantiepark/{park.pk}")
    else:
        form = ParkForm(
            leaders=_leaders(user, park),
            initial={
                "name": park.name,
                "planning_status": park.planning_status,
                "management_kvk": park.management.kvk_number if park.management else "",
                "contact": park.contact,
                "project_leader": park.project_leader_id,
            },
        )
    return render(
        request,
        "park/park_form.html",
        {"form": form, "park": park, "breadcrumbs": _crumbs(park, {"label": "Parkgegevens wijzigen"})},
    )


@signed_in
def occupancy_end(request: HttpRequest, lot_id: str, occupancy_id: str) -> HttpResponse:
    """End an occupancy of a lot (project leader and inspectors, as for adding one); the record stays."""
    user = _user(request)
    if not park_access.may_use_park(user):
        raise PermissionDenied
    lot, occupancy_visible = park_access.get_lot_for(
        user, lot_id, request=request, action="park_lot.viewed_for_change"
    )
    if not (park_access.may_set_status(user) and occupancy_visible):
        raise PermissionDenied
    occupancy = lot.occupancies.select_related("person").filter(pk=uuid_or_404(occupancy_id)).first()
    if occupancy is None:
        raise Http404
    lot_url = f"/vakantiepark/kavels/{lot.pk}"
    if request.method == "POST":
        form = OccupancyEndForm(request.POST)
        if form.is_valid():
            try:
                ended = lots.occupancy_end(
                    actor=user, occupancy=occupancy, to_date=form.cleaned_data["to_date"], request=request
                )
            except ValidationError as exc:
                apply_errors(form, exc, FORM_FIELDS)
            else:
                assert ended.to_date is not None
                messages.success(
                    request,
                    f"De bewoning door {occupancy.person} is beëindigd per "
                    f"{format_date(ended.to_date, weekday=False)}.",
                )
                return redirect(lot_url)
    elif occupancy.to_date is not None:
        messages.info(
            request,
            f"Deze bewoning is al beëindigd per {format_date(occupancy.to_date, weekday=False)}.",
        )
        return redirect(lot_url)
    else:
        form = OccupancyEndForm(initial={"to_date": timezone.localdate()})
    return render(
        request,
        "park/occupancy_end.html",
        {
            "form": form,
            "lot": lot,
            "park": lot.park,
            "occupancy": occupancy,
            "breadcrumbs": _crumbs(
                lot.park,
                {"label": f"Kavel {lot.number}", "url": lot_url},
                {"label": "Bewoning beëindigen"},
            ),
        },
    )
