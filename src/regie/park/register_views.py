"""Keeping the park register: the list of parks, registering and changing a park, ending an occupancy of a lot.

Thin edges, as in views.py: parse, fetch through the park door, call one service, render.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from regie.access import park_access
from regie.accounts.models import Role, User
from regie.core.html.form_view import handle_form
from regie.core.ids import uuid_or_404
from regie.core.terms import format_date
from regie.park.forms import OccupancyEndForm, ParkForm
from regie.park.models import Park
from regie.park.services import lots, parks
from regie.park.views import _crumbs, _posted, _user, signed_in

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


def _park_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The park form's answers as the park services name them."""
    names = ("name", "planning_status", "contact", "project_leader")
    return {key: data[key] for key in names} | {"management": data["management_kvk"]}


@signed_in
def park_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not park_access.may_manage_parks(user) or user.organisation is None:
        raise PermissionDenied
    municipality = user.organisation.municipality
    form = ParkForm(
        _posted(request),
        leaders=_leaders(user),
        find_business=lambda kvk: park_access.park_management_for(user, kvk),
        initial={"project_leader": user.pk},
    )
    return handle_form(
        request,
        form,
        action=lambda data: parks.park_create(
            actor=user, municipality=municipality, request=request, **_park_fields(data)
        ),
        render=lambda _status: render(  # the park pages answer a refused form with 200, as they always have
            request,
            "park/park_form.html",
            {"form": form, "park": None, "breadcrumbs": [PARKS_CRUMB, {"label": "Nieuw park"}]},
        ),
        success_url=lambda park: f"/vakantiepark/{park.pk}",
        success_message=lambda park: f"{park.name} is geregistreerd. Voeg nu de kavels toe.",
        aliases=FORM_FIELDS,
    )


@signed_in
def park_edit(request: HttpRequest, park_id: str) -> HttpResponse:
    user = _user(request)
    if not park_access.may_manage_parks(user):
        raise PermissionDenied
    park = park_access.get_park_for(user, park_id)
    form = ParkForm(
        _posted(request),
        leaders=_leaders(user, park),
        find_business=lambda kvk: park_access.park_management_for(user, kvk),
        initial={
            "name": park.name,
            "planning_status": park.planning_status,
            "management_kvk": park.management.kvk_number if park.management else "",
            "contact": park.contact,
            "project_leader": park.project_leader_id,
        },
    )
    return handle_form(
        request,
        form,
        action=lambda data: parks.park_update(actor=user, park=park, request=request, **_park_fields(data)),
        render=lambda _status: render(  # a refused form: 200, as the park pages always answered
            request,
            "park/park_form.html",
            {"form": form, "park": park, "breadcrumbs": _crumbs(park, {"label": "Parkgegevens wijzigen"})},
        ),
        success_url=f"/vakantiepark/{park.pk}",
        success_message="De parkgegevens zijn opgeslagen.",
        aliases=FORM_FIELDS,
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
    if request.method != "POST" and occupancy.to_date is not None:
        messages.info(
            request,
            f"Deze bewoning is al beëindigd per {format_date(occupancy.to_date, weekday=False)}.",
        )
        return redirect(lot_url)
    form = OccupancyEndForm(_posted(request), initial={"to_date": timezone.localdate()})

    def end(data: dict[str, Any]) -> str:
        ended = lots.occupancy_end(actor=user, occupancy=occupancy, to_date=data["to_date"], request=request)
        assert ended.to_date is not None
        return f"De bewoning door {occupancy.person} is beëindigd per {format_date(ended.to_date, weekday=False)}."

    return handle_form(
        request,
        form,
        action=end,
        render=lambda _status: render(  # a refused form: 200, as the park pages always answered
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
        ),
        success_url=lot_url,
        success_message=lambda message: message,
        aliases=FORM_FIELDS,
    )
