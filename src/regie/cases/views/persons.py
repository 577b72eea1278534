"""Person and address pages: only through the door, and only the cases the viewer may see."""

from __future__ import annotations

from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from regie.access.case_access import cases_visible_to
from regie.access.policy import has_permission, request_user, requires
from regie.access.subject_access import (
    get_address_for,
    get_person_for,
    may_edit_person,
    may_see_bsn,
    persons_visible_to,
)
from regie.cases.models import SubjectRole
from regie.cases.services.person_brp import last_retrieval, may_refresh_from_brp
from regie.integrations.bag import configured as bag_configured
from regie.integrations.brp import configured as brp_configured


def _role_label(value: str) -> str:
    return SubjectRole(value).label if value in SubjectRole.values else value


@requires("case_data.lookup")
@require_GET
def person_detail(request: HttpRequest, person_id: str) -> HttpResponse:
    user = request_user(request)
    person = get_person_for(user, person_id, request=request)
    # One row per (case, role): the join that filters on the person also carries the role.
    cases = (
        cases_visible_to(user)
        .filter(subjects__person=person)
        .annotate(subject_role=F("subjects__role"))
        .select_related("case_type")
        .order_by("-created_at", "subject_role")
    )
    return render(
        request,
        "cases/persons/person_detail.html",
        {
            "person": person,
            "show_bsn": may_see_bsn(user),
            "may_edit": may_edit_person(user, person),
            "incomplete": not person.bsn and not person.birth_date,
            "brp_configured": brp_configured(),
            "may_refresh_brp": may_refresh_from_brp(user, person),
            "brp_last": last_retrieval(person),
            "cases": [{"case": c, "role": _role_label(c.subject_role)} for c in cases],
            "breadcrumbs": [{"label": f"Persoon: {person}"}],
        },
    )


@requires("case_data.lookup")
@require_GET
def address_detail(request: HttpRequest, address_id: str) -> HttpResponse:
    user = request_user(request)
    address = get_address_for(user, address_id, request=request)
    residents = persons_visible_to(user).filter(address=address).order_by("sort_name")
    cases = (
        cases_visible_to(user)
        .filter(subjects__address=address)
        .annotate(subject_role=F("subjects__role"))
        .select_related("case_type")
        .order_by("-created_at", "subject_role")
    )
    return render(
        request,
        "cases/persons/address_detail.html",
        {
            "address": address,
            "residents": residents,
            "may_check_bag": has_permission(user, "persons.edit"),
            "bag_configured": bag_configured(),
            "cases": [{"case": c, "role": _role_label(c.subject_role)} for c in cases],
            "breadcrumbs": [{"label": f"Adres: {address}"}],
        },
    )
