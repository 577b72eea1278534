"""The case team: users or whole organisations with a case role and the data categories they may see."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from regie.access.case_access import (
    NOT_A_PARTICIPANT_ORGANISATION,
    NOT_A_PARTICIPANT_USER,
    CaseAccess,
    access_to,
    may_see_cases,
    organisation_takes_part,
)
from regie.accounts.models import Organisation, User
from regie.cases.models import ALL_CATEGORIES, Case, CaseMember, CaseStatus, DataCategory
from regie.cases.services.tasks import tasks_hand_back
from regie.cases.timeline import record
from regie.processing_log.services import log_processing


def _validate(categories: Sequence[str], case_role: str) -> list[str]:
    errors: dict[str, str] = {}
    cleaned = sorted(set(categories))
    if not cleaned:
        errors["categories"] = "Kies minstens één gegevenscategorie die dit teamlid mag zien."
    elif any(c not in DataCategory.values for c in cleaned):
        errors["categories"] = "Onbekende gegevenscategorie."
    if not case_role.strip():
        errors["case_role"] = "Vul de rol in de casus in."
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_grant(*, actor: User, case: Case, categories: Sequence[str], joining_self: bool) -> None:
    """Nobody grants data categories they cannot see themselves, and a closed case takes no new members.

    The one exception is an active professional joining a case for their own work (an inspector of a round),
    and then only with general data.
    """
    if case.status == CaseStatus.CLOSED:
        raise ValidationError({"member": "Deze casus is gesloten; het team kan niet meer veranderen."})
    access = access_to(actor, case)
    own = access.categories if (access.is_coordinator or access.is_member) else frozenset()
    if joining_self and not own:
        own = frozenset({DataCategory.GENERAL.value})
    if not set(categories) <= own:
        raise ValidationError(
            {
                "categories": "U kunt geen gegevenscategorieën toekennen die u zelf in deze casus niet mag zien."
            }
        )


NOT_TEAM_MANAGER = "Alleen wie het team beheert kan de coördinator wijzigen."
PREVIOUS_COORDINATOR = "vorige coördinator"


def _labels(categories: Sequence[str]) -> str:
    return ", ".join(DataCategory(c).label for c in ALL_CATEGORIES if c in categories)


def hand_over_refusal(access: CaseAccess, *, to_self: bool) -> str:
    """Why this user may not hand the coordination over ("" when they may).

    A coordinator sees every data category, so a hand-over grants every category and follows the grant rule:
    only someone who manages the team and holds every category in the case on their own footing (as coordinator
    or through a membership, never through break-the-glass) may hand over. In practice that is the coordinator,
    or a process director or project leader in the team who was granted every category. Taking over oneself is
    the same grant: it gives nobody a category they did not hold.
    """
    if not access.can_manage_team:
        return NOT_TEAM_MANAGER
    own = access.categories if (access.is_coordinator or access.is_member) else frozenset()
    missing = [c for c in ALL_CATEGORIES if c not in own]
    if not missing:
        return ""
    if to_self:
        return (
            "U kunt uzelf geen coördinator maken: een coördinator ziet alle gegevenscategorieën, en "
            f"{_labels(missing)} mag u in deze casus nu niet zien."
        )
    return (
        "U kunt de coördinatie niet overdragen: een coördinator ziet alle gegevenscategorieën, en "
        f"{_labels(missing)} mag u in deze casus zelf niet zien. Vraag de coördinator om de overdracht."
    )


def coordinator_hand_over_check(
    *, actor: User, case: Case, new_coordinator: User, previous_keeps: Sequence[str] | None
) -> list[str]:
    """Refuse a hand-over the actor may not make (PermissionDenied, with the reason) or that names unknown
    categories; the categories the previous coordinator keeps as a team member, every one unless stated."""
    reason = hand_over_refusal(access_to(actor, case), to_self=new_coordinator.pk == actor.pk)
    if reason:
        raise PermissionDenied(reason)
    if new_coordinator.organisation is None or (
        new_coordinator.organisation.municipality_id != case.municipality_id
    ):
        raise ValidationError({"coordinator": "Deze gebruiker werkt niet voor de gemeente van deze casus."})
    keeps = sorted(set(ALL_CATEGORIES if previous_keeps is None else previous_keeps))
    if any(c not in DataCategory.values for c in keeps):
        raise ValidationError({"previous_coordinator_categories": "Onbekende gegevenscategorie."})
    return keeps


def coordinator_handed_over(*, actor: User, case: Case, previous: User, keeps: Sequence[str]) -> None:
    """After the case names its new coordinator: the previous one stays on the team with exactly `keeps`, or,
    with nothing to keep, leaves it and their open tasks go to the new coordinator. Call inside the transaction
    that changed the coordinator."""
    if keeps:
        CaseMember.objects.update_or_create(
            case=case, user=previous, defaults={"case_role": PREVIOUS_COORDINATOR, "categories": list(keeps)}
        )
        stays = f"{previous} blijft in het team met: {_labels(keeps)}"
    else:
        CaseMember.objects.filter(case=case, user=previous).delete()
        stays = f"{previous} gaat uit het team"
    summary = f"Coördinatie overgedragen van {previous} aan {case.coordinator}; {stays}"
    record(case=case, actor=actor, kind="case.coordinator_changed", summary=summary)
    if not keeps:
        tasks_hand_back(actor=actor, case=case)


def case_member_add(
    *,
    actor: User,
    case: Case,
    case_role: str,
    categories: Sequence[str],
    user: User | None = None,
    organisation: Organisation | None = None,
    can_edit: bool = True,
    request: HttpRequest | None = None,
) -> CaseMember:
    """Add a user or an organisation to the team; they must get at least one data category and take part in
    cases (a case role; an external partner or a department with people who work on cases)."""
    cleaned = _validate(categories, case_role)
    if (user is None) == (organisation is None):
        raise ValidationError({"member": "Kies een gebruiker of een organisatie."})
    if user is not None and not may_see_cases(user):
        raise ValidationError({"member": NOT_A_PARTICIPANT_USER})
    if organisation is not None and (
        not organisation.active or organisation.municipality_id != case.municipality_id
    ):
        raise ValidationError({"member": "Deze organisatie is niet actief in deze gemeente."})
    if organisation is not None and not organisation_takes_part(organisation):
        raise ValidationError({"member": NOT_A_PARTICIPANT_ORGANISATION})
    _check_grant(
        actor=actor, case=case, categories=cleaned, joining_self=user is not None and user.pk == actor.pk
    )
    name = str(user or organisation)
    try:
        with transaction.atomic():
            member = CaseMember.objects.create(
                case=case,
                user=user,
                organisation=organisation,
                case_role=case_role.strip(),
                categories=cleaned,
                can_edit=can_edit,
            )
            labels = ", ".join(DataCategory(c).label for c in cleaned)
            record(
                case=case,
                actor=actor,
                kind="member.added",
                summary=f"{name} toegevoegd als {case_role} ({labels})",
            )
            log_processing(
                action="case.member_added",
                actor=actor,
                request=request,
                object_type="case",
                object_id=case.pk,
                details={"member": name, "categories": cleaned},
            )
    except IntegrityError as exc:
        raise ValidationError({"member": f"{name} staat al in het team."}) from exc
    return member


def case_member_update(
    *,
    actor: User,
    member: CaseMember,
    categories: Sequence[str],
    case_role: str,
    can_edit: bool,
    request: HttpRequest | None = None,
) -> CaseMember:
    """Change a member's role, categories or edit right."""
    cleaned = _validate(categories, case_role)
    _check_grant(actor=actor, case=member.case, categories=cleaned, joining_self=False)
    with transaction.atomic():
        member.categories = cleaned
        member.case_role = case_role.strip()
        member.can_edit = can_edit
        member.save(update_fields=["categories", "case_role", "can_edit", "updated_at"])
        record(
            case=member.case,
            actor=actor,
            kind="member.changed",
            summary=f"{member.user or member.organisation}: {case_role}, "
            + ", ".join(DataCategory(c).label for c in cleaned),
        )
        log_processing(
            action="case.member_changed",
            actor=actor,
            request=request,
            object_type="case",
            object_id=member.case_id,
            details={"categories": cleaned},
        )
    return member


def case_member_remove(*, actor: User, member: CaseMember, request: HttpRequest | None = None) -> None:
    """Take a member off the team."""
    with transaction.atomic():
        name = str(member.user or member.organisation)
        case = member.case
        member.delete()
        record(case=case, actor=actor, kind="member.removed", summary=f"{name} uit het team gehaald")
        tasks_hand_back(actor=actor, case=case)
        log_processing(
            action="case.member_removed",
            actor=actor,
            request=request,
            object_type="case",
            object_id=case.pk,
            details={"member": name},
        )
