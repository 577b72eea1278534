"""Nieuwe casus: type, title, priority, coordinator and optionally a first person (one service, one change)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from regie.access.policy import request_user, requires
from regie.accounts.selectors import municipality_of
from regie.cases.forms.case import CaseCreateForm
from regie.cases.models import Case
from regie.cases.selectors import coordinators_for
from regie.cases.services.case import NewPerson, case_create_with_person
from regie.cases.views.common import CASES_CRUMB, case_url
from regie.core.html.form_view import handle_form


@requires("cases.create")
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = CaseCreateForm(
        request.POST or None, coordinators=coordinators_for(user), initial={"coordinator": user.pk}
    )

    def create(data: dict[str, Any]) -> Case:
        person = None
        if form.wants_person():
            person = NewPerson(
                role=data["subject_role"],
                surname=data["surname"],
                prefix=data["surname_prefix"],
                given_names=data["given_names"],
                bsn=data["bsn"] or None,
                birth_date=data["birth_date"],
            )
        return case_create_with_person(
            actor=user,
            case_type=data["case_type"],
            title=data["title"],
            coordinator=data["coordinator"],
            municipality=municipality_of(user),
            priority=data["priority"],
            person=person,
            request=request,
        )

    return handle_form(
        request,
        form,
        action=create,
        render=lambda status: render(
            request,
            "cases/case_new.html",
            {"form": form, "breadcrumbs": [CASES_CRUMB, {"label": "Nieuwe casus"}]},
            status=status,
        ),
        success_url=case_url,
        success_message=lambda case: f"Casus {case.number} is aangemaakt.",
        aliases={"subjects": "surname"},
    )
