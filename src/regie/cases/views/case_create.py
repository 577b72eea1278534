"""Nieuwe casus: type, title, priority, coordinator and optionally a first person, in one transaction."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from regie.access.policy import PERMISSIONS, request_user, requires
from regie.accounts.models import User
from regie.accounts.selectors import municipality_of
from regie.cases.forms.case import CaseCreateForm
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.views.common import CASES_CRUMB, case_url
from regie.subjects.services import person_create
from regie.web.forms import apply_errors


def coordinators_for(user: User) -> QuerySet[User]:
    """Who may coordinate a case here: active municipal staff of the roles that open cases, same municipality."""
    if user.organisation is None:
        return User.objects.none()
    return (
        User.objects.filter(
            is_active=True,
            role__in=PERMISSIONS["cases.create"],
            organisation__municipality_id=user.organisation.municipality_id,
        )
        .select_related("organisation")
        .order_by("last_name", "first_name")
    )


@requires("cases.create")
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = CaseCreateForm(
        request.POST or None, coordinators=coordinators_for(user), initial={"coordinator": user.pk}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                # One transaction: a refused case leaves no orphan person behind (nothing half-written).
                with transaction.atomic():
                    subjects = []
                    if form.wants_person():
                        person = person_create(
                            actor=user,
                            surname=data["surname"],
                            prefix=data["surname_prefix"],
                            given_names=data["given_names"],
                            bsn=data["bsn"] or None,
                            birth_date=data["birth_date"],
                            request=request,
                            source="casus aanmaken",
                        )
                        subjects.append(SubjectRef(role=data["subject_role"], person=person))
                    case = case_create(
                        actor=user,
                        case_type=data["case_type"],
                        title=data["title"],
                        coordinator=data["coordinator"],
                        municipality=municipality_of(user),
                        priority=data["priority"],
                        subjects=subjects,
                        request=request,
                    )
                messages.success(request, f"Casus {case.number} is aangemaakt.")
                return HttpResponseRedirect(case_url(case))
            except ValidationError as exc:
                apply_errors(form, exc, {"subjects": "surname"})
    return render(
        request,
        "cases/case_new.html",
        {"form": form, "breadcrumbs": [CASES_CRUMB, {"label": "Nieuwe casus"}]},
        status=status,
    )
