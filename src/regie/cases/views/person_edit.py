"""Completing a person's record, or merging it into another record of the same person, from the person page.

A person created from a signal often has only a name: whoever may edit one of the person's cases completes it here
(`person_update`) or, when the person turns out to be known already, merges the placeholder into the known record
(`person_merge`). Both persons come through the door; the candidates shown for a merge are logged as a read.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access.policy import request_user, requires
from regie.access.subject_access import (
    get_person_for,
    log_read,
    may_edit_person,
    may_see_bsn,
    persons_visible_to,
)
from regie.accounts.models import User
from regie.cases.forms.persons import PersonCompleteForm, PersonMergeForm
from regie.cases.services.person_merge import person_merge
from regie.core.html.form_view import handle_form
from regie.subjects.matching import PersonMatch, identity_from_person, match_persons
from regie.subjects.models import Person
from regie.subjects.services import person_update

NOT_ALLOWED = (
    "U kunt deze persoon niet aanvullen of samenvoegen: dat mag wie een casus van deze persoon mag bewerken."
)


def _editable_person(request: HttpRequest, person_id: str) -> tuple[User, Person]:
    user = request_user(request)
    person = get_person_for(user, person_id, request=request)
    if not may_edit_person(user, person):
        raise PermissionDenied(NOT_ALLOWED)
    return user, person


def _person_url(person: Person) -> str:
    return f"/personen/{person.pk}"


def _crumbs(person: Person, label: str) -> list[dict[str, str]]:
    return [{"label": f"Persoon: {person}", "url": _person_url(person)}, {"label": label}]


@requires("persons.edit")
def person_complete(request: HttpRequest, person_id: str) -> HttpResponse:
    user, person = _editable_person(request, person_id)
    initial = {
        "surname": person.surname,
        "surname_prefix": person.prefix,
        "given_names": person.given_names,
        "birth_date": person.birth_date,
        "bsn": person.bsn or "",
        "email": person.email,
        "phone": person.phone,
        "version": person.version,
    }
    form = PersonCompleteForm(request.POST if request.method == "POST" else None, initial=initial)

    def page(status: int) -> HttpResponse:
        context = {
            "person": person,
            "form": form,
            "show_bsn": may_see_bsn(user),
            "breadcrumbs": _crumbs(person, "Gegevens aanvullen"),
        }
        return render(request, "cases/persons/person_complete.html", context, status=status)

    return handle_form(
        request,
        form,
        action=lambda data: person_update(
            actor=user, person=person, version=data["version"], request=request, **form.changes()
        ),
        render=page,
        success_url=_person_url(person),
        success_message="De gegevens van de persoon zijn opgeslagen.",
        aliases={"prefix": "surname_prefix"},
    )


def _candidates(user: User, person: Person, request: HttpRequest) -> list[PersonMatch]:
    """Persons the user may see that may be the same person, best first; the list shown is logged as a read."""
    matches = [
        match
        for match in match_persons(
            identity=identity_from_person(person), candidates=persons_visible_to(user), limit=8, minimum=40.0
        )
        if match.person.pk != person.pk
    ]
    log_read(
        user,
        action="person.listed",
        request=request,
        object_type="person",
        object_id=person.pk,
        person_ids=[person.pk, *(m.person.pk for m in matches)],
        details={"purpose": "samenvoegen"},
    )
    return matches


@requires("persons.edit")
def person_merge_page(request: HttpRequest, person_id: str) -> HttpResponse:
    user, person = _editable_person(request, person_id)
    form = PersonMergeForm(request.POST if request.method == "POST" else None)

    def page(status: int) -> HttpResponse:
        context = {
            "person": person,
            "form": form,
            "candidates": _candidates(user, person, request),
            "show_bsn": may_see_bsn(user),
            "breadcrumbs": _crumbs(person, "Samenvoegen"),
        }
        return render(request, "cases/persons/person_merge.html", context, status=status)

    def merge(data: dict[str, object]) -> Person:
        survivor = get_person_for(user, data["survivor"], request=request)
        return person_merge(
            actor=user, survivor=survivor, duplicate=person, reason=str(data["reason"]), request=request
        )

    return handle_form(
        request,
        form,
        action=merge,
        render=page,
        success_url=_person_url,
        success_message=lambda survivor: (
            f"{person} is samengevoegd met {survivor}; de casussen staan nu bij {survivor}."
        ),
    )
