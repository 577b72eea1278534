"""The case team: who is on it with which role and data categories; managed by coordinator and directors."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_GET, require_POST

from regie.access.case_access import (
    CaseAccess,
    cases_visible_to,
    organisations_taking_part,
    participating_members,
)
from regie.access.policy import CASE_ROLES, request_user, requires
from regie.accounts.models import Organisation, User
from regie.cases.forms.team import HandOverForm, MemberAddForm, MemberChangeForm
from regie.cases.models import Case, CaseMember, DataCategory
from regie.cases.services.case import case_update
from regie.cases.services.team import (
    case_member_add,
    case_member_remove,
    case_member_update,
    hand_over_refusal,
)
from regie.cases.views.common import case_url, load_case, may_write, render_case_page
from regie.core.html.form_view import Done, handle_form
from regie.core.ids import uuid_or_404


def _members(access: CaseAccess) -> list[CaseMember]:
    """The team. Whoever manages it sees every membership, so one that gives nobody access (an account that
    no longer works on cases) can be taken off; everyone else sees only who takes part in the case."""
    members = access.case.members.select_related("user", "user__organisation", "organisation")
    participating = participating_members(members)
    if not access.can_manage_team:
        members = participating
    taking_part = set(participating.values_list("pk", flat=True))
    ordered = list(members.order_by("organisation__name", "user__last_name", "user__first_name"))
    for member in ordered:
        member.takes_part = member.pk in taking_part  # type: ignore[attr-defined]
    return ordered


def _colleagues(case: Case) -> QuerySet[User]:
    """Active users of the case's municipality whose role works on cases."""
    return (
        User.objects.filter(
            is_active=True, role__in=CASE_ROLES, organisation__municipality_id=case.municipality_id
        )
        .select_related("organisation")
        .order_by("last_name", "first_name")
    )


def _label(user: User) -> str:
    return f"{user} ({user.organisation})" if user.organisation else str(user)


def _candidates(access: CaseAccess, members: list[CaseMember]) -> tuple[list[tuple[str, str]], ...]:
    """Users and organisations of the case's municipality that take part in cases and are not yet on the team."""
    case = access.case
    taken_users = {m.user_id for m in members if m.user_id} | {case.coordinator_id}
    taken_orgs = {m.organisation_id for m in members if m.organisation_id}
    users = _colleagues(case).exclude(pk__in=taken_users)
    orgs = organisations_taking_part(case.municipality_id).exclude(pk__in=taken_orgs)
    return (
        [(f"user:{u.pk}", _label(u)) for u in users],
        [(f"org:{o.pk}", f"{o.name} (hele organisatie)") for o in orgs.order_by("name")],
    )


def _change_form(member: CaseMember, data: object = None) -> MemberChangeForm:
    initial = {"case_role": member.case_role, "categories": member.categories, "can_edit": member.can_edit}
    return MemberChangeForm(data, initial=initial, prefix=f"m{member.pk.hex[:12]}")  # type: ignore[arg-type]


def _hand_over_form(access: CaseAccess, data: object = None) -> HandOverForm:
    users = [(u.pk, _label(u)) for u in _colleagues(access.case).exclude(pk=access.case.coordinator_id)]
    # Nothing pre-checked: what the previous coordinator keeps is chosen, never granted by default.
    return HandOverForm(data, users=users, initial={"version": access.case.version})


def _page(
    request: HttpRequest,
    access: CaseAccess,
    *,
    add_form: MemberAddForm | None = None,
    changed: tuple[CaseMember, MemberChangeForm] | None = None,
    hand_over_form: HandOverForm | None = None,
    status: int = 200,
) -> HttpResponse:
    members = _members(access)
    rows = []
    for member in members:
        form = changed[1] if changed and changed[0].pk == member.pk else _change_form(member)
        labels = [label for value, label in DataCategory.choices if value in member.categories]
        rows.append({"member": member, "labels": labels, "form": form})
    if access.can_manage_team and add_form is None:
        users, orgs = _candidates(access, members)
        add_form = MemberAddForm(users=users, organisations=orgs)
    if hand_over_form is None and may_write(access) and not hand_over_refusal(access, to_self=False):
        hand_over_form = _hand_over_form(access)  # only to who may hand over, on a case that is not closed
    return render_case_page(
        request,
        access,
        tab="team",
        template="cases/case_team.html",
        context={
            "rows": rows,
            "add_form": add_form if access.can_manage_team else None,
            "hand_over_form": hand_over_form,
        },
        status=status,
    )


def _require_manager(access: CaseAccess) -> None:
    if not access.can_manage_team:
        raise PermissionDenied


def _member_of(access: CaseAccess, member_id: str) -> CaseMember:
    member = (
        access.case.members.select_related("user", "organisation").filter(pk=uuid_or_404(member_id)).first()
    )
    if member is None:
        raise Http404
    return member


@requires("case_data.lookup")
@require_GET
def team_page(request: HttpRequest, case_id: str) -> HttpResponse:
    return _page(request, load_case(request, case_id))


@requires("case_data.lookup")
@require_POST
def member_add(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    _require_manager(access)
    users, orgs = _candidates(access, _members(access))
    form = MemberAddForm(request.POST, users=users, organisations=orgs)

    def add(data: dict[str, Any]) -> CaseMember:
        kind, _, key = data["member"].partition(":")
        return case_member_add(
            actor=request_user(request),
            case=access.case,
            case_role=data["case_role"],
            categories=data["categories"],
            user=User.objects.get(pk=int(key)) if kind == "user" else None,
            organisation=Organisation.objects.get(pk=key) if kind == "org" else None,
            can_edit=data["can_edit"],
            request=request,
        )

    return handle_form(
        request,
        form,
        action=add,
        render=lambda status: _page(request, access, add_form=form, status=status),
        success_url=case_url(access.case, "/team"),
        success_message=lambda member: f"{member.user or member.organisation} is aan het team toegevoegd.",
    )


@requires("case_data.lookup")
@require_POST
def member_change(request: HttpRequest, case_id: str, member_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    _require_manager(access)
    member = _member_of(access, member_id)
    form = _change_form(member, request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: case_member_update(
            actor=request_user(request),
            member=member,
            categories=data["categories"],
            case_role=data["case_role"],
            can_edit=data["can_edit"],
            request=request,
        ),
        render=lambda status: _page(request, access, changed=(member, form), status=status),
        success_url=case_url(access.case, "/team"),
        success_message=f"{member.user or member.organisation} is bijgewerkt.",
    )


@requires("case_data.lookup")
@require_POST
def member_remove(request: HttpRequest, case_id: str, member_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    _require_manager(access)
    member = _member_of(access, member_id)
    name = str(member.user or member.organisation)
    user = request_user(request)
    case_member_remove(actor=user, member=member, request=request)
    messages.success(request, f"{name} is uit het team gehaald.")
    if not cases_visible_to(user).filter(pk=access.case.pk).exists():
        return HttpResponseRedirect("/casussen")  # they took themselves off the team
    return HttpResponseRedirect(case_url(access.case, "/team"))


@requires("case_data.lookup")
@require_POST
def coordinator_hand_over(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    _require_manager(access)
    form = _hand_over_form(access, request.POST)
    user = request_user(request)

    def hand_over(data: dict[str, Any]) -> Done:
        new = User.objects.get(pk=data["coordinator"])
        case_update(
            actor=user,
            case=access.case,
            version=data["version"],
            request=request,
            coordinator=new,
            previous_coordinator_categories=data["previous_coordinator_categories"],
        )
        message = f"{new} is nu de coördinator van deze casus."
        if not cases_visible_to(user).filter(pk=access.case.pk).exists():
            return Done("/casussen", message)  # they handed over and left the team
        return Done(case_url(access.case, "/team"), message)

    return handle_form(
        request,
        form,
        action=hand_over,
        render=lambda status: _page(request, access, hand_over_form=form, status=status),
        success_url=case_url(access.case, "/team"),
        refusals={PermissionDenied: 403},  # the hand-over rule: shown with its reason
    )
