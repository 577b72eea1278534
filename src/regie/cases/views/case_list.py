"""Mijn casussen: the cases a user may see, soonest deadline first, filtered and paged in constant queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import Case as SqlCase
from django.db.models import IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Concat, Lower
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render

from regie.access.case_list import CaseListFilter, CasesByDeadline
from regie.access.policy import has_permission, request_user, requires
from regie.access.subject_access import log_read
from regie.accounts.models import Role, User
from regie.cases.forms.case import NAME_MAX, STATUS_ALL, UNKNOWN_COORDINATOR, CaseFilterForm
from regie.cases.models import Case
from regie.cases.services.case import NO_COORDINATOR_ROLES
from regie.core.api.problems import problem_response
from regie.core.paging import WindowCountPaginator

PAGE_SIZE = 25
# Up to this many possible coordinators the filter stays a plain <select> (fine by keyboard and without a script);
# past it the filter is a name field with suggestions, so the page never writes out every colleague.
COORDINATOR_SELECT_MAX = 40
# How many people a typed name may match before the page (and the suggestions) stop listing them.
MATCHES_SHOWN = 10
NO_MATCH = "Geen collega gevonden met deze naam."
SEVERAL = "Er zijn meerdere collega's met deze naam. Kies hieronder wie u bedoelt, of typ meer van de naam."


@dataclass(frozen=True)
class CoordinatorFilter:
    """What the name field resolved to: the person filtered on, or the people to choose from."""

    name: str = ""
    matches: tuple[tuple[int, str], ...] = ()
    more: bool = False


def _display(first: str, last: str, username: str) -> str:
    return f"{first} {last}".strip() or username


def _possible_coordinators(user: Any) -> QuerySet[User]:
    """Everyone in the user's municipality who can coordinate a case (active, not a role without cases)."""
    if user.organisation_id is None:
        return User.objects.none()
    return User.objects.filter(
        is_active=True, organisation__municipality_id=user.organisation.municipality_id
    ).exclude(role__in=NO_COORDINATOR_ROLES)


def _coordinator_choices(user: Any, limit: int | None = None) -> list[tuple[int, str]]:
    """The possible coordinators by surname, at most `limit`: one small query on the users, not a pass over
    every visible case (decision 0004)."""
    people = (
        _possible_coordinators(user)
        .order_by(Lower("last_name"), Lower("first_name"), "username")
        .values_list("pk", "first_name", "last_name", "username")
    )
    if limit is not None:
        people = people[:limit]
    return [(pk, _display(first, last, username)) for pk, first, last, username in people]


def coordinators_matching(user: Any, text: str, limit: int) -> list[tuple[int, str]]:
    """At most `limit` possible coordinators whose first name, last name or "first last" contains `text`
    (case-insensitive), those whose name starts with it first; one query."""
    text = " ".join(text.split())
    if not text:
        return []
    full = Concat("first_name", Value(" "), "last_name")
    people = (
        _possible_coordinators(user)
        .annotate(full_name=full)
        .filter(Q(first_name__icontains=text) | Q(last_name__icontains=text) | Q(full_name__icontains=text))
        .annotate(
            starts=SqlCase(
                When(Q(full_name__istartswith=text) | Q(last_name__istartswith=text), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("starts", Lower("last_name"), Lower("first_name"), "username")
        .values_list("pk", "first_name", "last_name", "username")[:limit]
    )
    return [(pk, _display(first, last, username)) for pk, first, last, username in people]


def _resolve_coordinator(user: Any, form: CaseFilterForm, params: QueryDict) -> CoordinatorFilter:
    """The name field against the id of an earlier choice: the id holds while the field still shows its name (or
    is not sent, as in a link); a changed name is looked up, and only exactly one person filters. At most two
    queries, whatever the size of the municipality."""
    data = form.cleaned_data
    pk, text = data.get("coordinator"), " ".join((data.get("coordinator_naam") or "").split())
    sent = "coordinator_naam" in params
    if sent and not text:  # the field was emptied: no coordinator filter
        data["coordinator"] = None
        return CoordinatorFilter()
    if pk is not None:
        chosen = _coordinator_name(user, pk)
        if not sent or (chosen is not None and chosen.casefold() == text.casefold()):
            if chosen is None:
                form.add_error("coordinator_naam", UNKNOWN_COORDINATOR)
                return CoordinatorFilter()
            return CoordinatorFilter(name=chosen)
    data["coordinator"] = None
    if not text:
        return CoordinatorFilter()
    found = coordinators_matching(user, text, MATCHES_SHOWN + 1)
    exact = [(p, name) for p, name in found if name.casefold() == text.casefold()]
    if len(found) == 1 or len(exact) == 1:
        data["coordinator"], name = (found if len(found) == 1 else exact)[0]
        return CoordinatorFilter(name=name)
    form.add_error("coordinator_naam", SEVERAL if found else NO_MATCH)
    return CoordinatorFilter(matches=tuple(found[:MATCHES_SHOWN]), more=len(found) > MATCHES_SHOWN)


def _coordinator_name(user: Any, pk: int) -> str | None:
    row = (
        _possible_coordinators(user).filter(pk=pk).values_list("first_name", "last_name", "username").first()
    )
    return None if row is None else _display(*row)


def _filters(data: dict[str, Any]) -> CaseListFilter:
    status = data.get("status") or ""
    case_type = data.get("casustype")
    return CaseListFilter(
        status=None if status in ("", STATUS_ALL) else status,
        open_only=status == "",
        case_type_id=None if case_type is None else case_type.pk,
        coordinator_id=data.get("coordinator"),
    )


def case_list_filter(user: Any, params: QueryDict) -> tuple[CaseFilterForm, CoordinatorFilter]:
    """The filter form, its coordinator resolved: a select of everyone when the municipality is small, else a
    name field. One query for the choices (never more than COORDINATOR_SELECT_MAX + 1 rows), two more at most
    for a name or an id."""
    people = _coordinator_choices(user, limit=COORDINATOR_SELECT_MAX + 1)
    as_select = len(people) <= COORDINATOR_SELECT_MAX
    form = CaseFilterForm(params, coordinators=people if as_select else None)
    if not form.is_valid() or as_select:
        return form, CoordinatorFilter()
    return form, _resolve_coordinator(user, form, params)


def case_list_page(user: Any, params: QueryDict) -> tuple[CaseFilterForm, Page[Case] | None]:
    """The filter form and the requested page of "mijn casussen" in two queries (three or four with a
    coordinator by name in a large municipality): the coordinators for the filter (from the users, not the
    cases), and the page with the filtered total as a window count in the same pass over the visible cases."""
    form, _ = case_list_filter(user, params)
    return form, _page(user, form, params)


def _page(user: Any, form: CaseFilterForm, params: QueryDict) -> Page[Case] | None:
    if form.errors:
        return None
    paginator = WindowCountPaginator(CasesByDeadline(user, _filters(form.cleaned_data)), PAGE_SIZE)
    return paginator.get_page(params.get("pagina"))


@requires("cases.view")
def case_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form, coordinator = case_list_filter(user, request.GET)
    page = _page(user, form, request.GET)
    status = 400 if page is None else 200
    if page is not None:  # case titles name persons and addresses: the page is a read of each case on it
        log_read(
            user,
            action="case.listed",
            request=request,
            object_type="case",
            case_ids=[c.pk for c in page],
            details={"cases": [c.number for c in page]},
        )
    filtered = page is not None and any(
        form.cleaned_data.get(k) not in (None, "") for k in ("casustype", "status", "coordinator")
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    choose = request.GET.copy()  # a match to choose from replaces the typed name by its id
    for key in ("pagina", "coordinator", "coordinator_naam"):
        choose.pop(key, None)
    return render(
        request,
        "cases/case_list.html",
        {
            "form": form,
            "page": page,
            "filtered": filtered,
            "query": query.urlencode(),
            "choose_query": choose.urlencode(),
            "coordinator": coordinator,
            "coordinator_id": form.cleaned_data.get("coordinator") if hasattr(form, "cleaned_data") else None,
            "may_create": has_permission(user, "cases.create"),
            "is_partner": user.role == Role.PARTNER,
            "breadcrumbs": [{"label": "Casussen"}],
        },
        status=status,
    )


@requires("cases.view")
def coordinator_suggestions(request: HttpRequest) -> HttpResponse:
    """Up to ten colleagues who can coordinate, for the name typed in the filter: names only, own municipality."""
    user = request_user(request)
    text = request.GET.get("q", "")
    if len(text) > NAME_MAX or any(not ch.isprintable() for ch in text):
        return problem_response(
            status=400,
            title="Ongeldige zoekterm",
            detail=f"Typ een naam van hoogstens {NAME_MAX} gewone tekens.",
            instance=request.path,
        )
    found = coordinators_matching(user, text, MATCHES_SHOWN)
    return JsonResponse({"results": [{"id": pk, "name": name} for pk, name in found]})
