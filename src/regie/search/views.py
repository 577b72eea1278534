"""The search page and the hit/no-hit page: thin edges over `access.search` and `access.hit_check`.

Both go through the access door and are logged by their service. The search term stays a GET parameter (it is
the user's own input, and a search must be bookmarkable); a hit/no-hit question is POSTed, so a BSN or a name
with a birth date never lands in a URL, a browser history or a server log.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from regie.access.policy import has_permission, request_user, requires
from regie.access.subject_access import may_see_bsn
from regie.cases.models import Case
from regie.core.html.forms import apply_errors
from regie.search.forms import HitCheckForm, SearchForm
from regie.search.hit_check import HitCheckAnswer, hit_check
from regie.search.selectors import is_bsn_query, search_all
from regie.subjects.identity import PersonName
from regie.subjects.models import Person

RESULT_LIMIT = 20


@dataclass(frozen=True)
class PersonRow:
    person: Person
    name: str


def _display_name(person: Person) -> str:
    """ "Jan de Vries"; without given names the prefix takes a capital ("Van den Berg")."""
    return PersonName(given_names=person.given_names, prefix=person.prefix, surname=person.surname).display()


@requires("search.use")
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = SearchForm(request.GET if "q" in request.GET else None, user=user)
    persons: list[PersonRow] = []
    cases: list[Case] = []
    searched = False
    status = 200
    if form.is_bound:
        if form.is_valid():
            found = search_all(user, form.cleaned_data["q"], request=request, limit=RESULT_LIMIT)
            persons = [PersonRow(person=p, name=_display_name(p)) for p in found.persons]
            cases = found.cases
            searched = True
        else:
            status = 400
    show_bsn = may_see_bsn(user)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "searched": searched,
            "persons": persons,
            "cases": cases,
            "show_bsn": show_bsn,
            "limit": RESULT_LIMIT,
            "bsn_not_allowed": searched and not show_bsn and is_bsn_query(form.cleaned_data["q"]),
            "may_ask": has_permission(user, "hit_checks.ask"),
            "breadcrumbs": [{"label": "Zoeken"}],
        },
        status=status,
    )


@requires("hit_checks.ask")
@require_http_methods(["GET", "POST"])
def hit_check_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = HitCheckForm(request.POST if request.method == "POST" else None)
    answer: HitCheckAnswer | None = None
    asked = ""
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            try:
                answer = hit_check(actor=user, request=request, **form.question())
            except ValidationError as exc:  # the service checks too; its word goes to the form
                apply_errors(form, exc, {"prefix": "surname_prefix"})
            else:
                asked, status = form.summary(), 200
                form = HitCheckForm()  # a new question starts empty; the answer names what was asked
    return render(
        request,
        "search/hit_check.html",
        {
            "form": form,
            "answer": answer,
            "asked": asked,
            "breadcrumbs": [{"label": "Is deze persoon bekend?"}],
        },
        status=status,
    )
