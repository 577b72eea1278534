"""Changes of who a user is: nobody changes their own access, and access to cases takes four eyes.

- Nobody changes their own role, organisation (and with it their municipality) or active state.
- A change of role or organisation after which the account works on cases (its new role is one of the case
  roles) does not take effect when it is made: it is stored as an `AccountChange` with the old and new values,
  and only when a second administrator — not the one who asked, not the user it is about — approves it does the
  account change. Every step is in the processing log with the old and new values.
- A change that takes case access away (say, to analyst) takes effect at once: less access needs no second pair
  of eyes, and waiting would keep access open that should end.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access.policy import CASE_ROLES, has_permission
from regie.accounts.models import AccountChange, AccountChangeStatus, Organisation, Role, User
from regie.core.errors import ConflictError
from regie.processing_log.services import log_processing

OWN_ACCOUNT = {
    "role": "U kunt uw eigen rol niet wijzigen; vraag dit aan een andere beheerder.",
    "organisation": "U kunt uw eigen organisatie (en daarmee uw gemeente) niet wijzigen; vraag dit aan een "
    "andere beheerder.",
    "is_active": "U kunt uw eigen account niet blokkeren.",
}
ALREADY_PENDING = (
    "Voor deze gebruiker wacht al een wijziging van rol of organisatie op goedkeuring; laat die eerst "
    "beoordelen."
)
NOTE_MAX = 500


def validate_role_and_organisation(*, role: str, organisation: Organisation | None) -> None:
    """A user has an existing role in an organisation; partners belong to partner organisations and only there."""
    errors: dict[str, str] = {}
    if role not in Role.values:
        errors["role"] = "Kies een bestaande rol."
    if organisation is None:
        errors["organisation"] = "Kies de organisatie waar deze gebruiker bij hoort."
    elif role == Role.PARTNER and not organisation.is_partner:
        errors["organisation"] = "Een ketenpartner hoort bij een externe partnerorganisatie."
    elif role in Role.values and role != Role.PARTNER and organisation.is_partner:
        errors["role"] = "Medewerkers van een externe partner hebben de rol ketenpartner."
    if errors:
        raise ValidationError(errors)


def refuse_own_access_change(*, actor: User, target: User, changes: dict[str, Any]) -> None:
    """Refuse (ValidationError per field) any change of the actor's own role, organisation or active state."""
    if actor.pk != target.pk:
        return
    errors = {
        field: message
        for field, message in OWN_ACCOUNT.items()
        if field in changes and changes[field] != getattr(target, field)
    }
    if errors:
        raise ValidationError(errors)


def needs_second_administrator(target: User, *, role: str, organisation: Organisation | None) -> bool:
    """True when the account would work on cases with a role or organisation it does not have now."""
    organisation_id = organisation.pk if organisation is not None else None
    return role in CASE_ROLES and (role != target.role or organisation_id != target.organisation_id)


def _values(role: str, organisation: Organisation | None) -> dict[str, str]:
    return {
        "role": role,
        "organisation": organisation.name if organisation else "",
        "municipality": organisation.municipality.name if organisation else "",
    }


def _log(action: str, *, actor: User, change: AccountChange, request: HttpRequest | None) -> None:
    details: dict[str, Any] = {
        "change": str(change.pk),
        "username": change.user.username,
        "old": _values(change.old_role, change.old_organisation),
        "new": _values(change.new_role, change.new_organisation),
        "requestedBy": change.requested_by.username,
    }
    if change.decision_note:
        details["note"] = change.decision_note
    log_processing(
        action=action,
        actor=actor,
        request=request,
        object_type="user",
        object_id=change.user_id,
        details=details,
    )


def account_change_request(
    *,
    actor: User,
    target: User,
    role: str,
    organisation: Organisation | None,
    request: HttpRequest | None = None,
) -> AccountChange:
    """Store a change of role or organisation for a second administrator; the account itself stays as it is.
    Call inside the transaction that locked `target`."""
    validate_role_and_organisation(role=role, organisation=organisation)
    assert organisation is not None  # validated
    if AccountChange.objects.filter(user=target, status=AccountChangeStatus.PENDING).exists():
        raise ValidationError({"role": ALREADY_PENDING})
    change = AccountChange.objects.create(
        user=target,
        requested_by=actor,
        old_role=target.role,
        old_organisation=target.organisation,
        new_role=role,
        new_organisation=organisation,
    )
    _log("user.access_change_requested", actor=actor, change=change, request=request)
    return change


def _check_decider(actor: User, change: AccountChange) -> None:
    if not has_permission(actor, "account_changes.decide"):
        raise PermissionDenied
    if actor.pk == change.requested_by_id:
        raise PermissionDenied(
            "U heeft deze wijziging zelf aangevraagd; een andere beheerder beoordeelt haar."
        )
    if actor.pk == change.user_id:
        raise PermissionDenied(
            "Deze wijziging gaat over uw eigen account; een andere beheerder beoordeelt haar."
        )


def _lock_pending(change: AccountChange) -> AccountChange:
    locked = (
        AccountChange.objects.select_for_update(of=("self",))
        .select_related(
            "user", "requested_by", "old_organisation__municipality", "new_organisation__municipality"
        )
        .get(pk=change.pk)
    )
    if not locked.is_pending:
        raise ValidationError({"decision": "Over deze wijziging is al beslist."})
    return locked


def _decide(locked: AccountChange, *, actor: User, status: str, note: str) -> None:
    locked.status = status
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.decision_note = note
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])


def account_change_approve(
    *, actor: User, change: AccountChange, note: str = "", request: HttpRequest | None = None
) -> AccountChange:
    """A second administrator approves: only now does the account get its new role and organisation. Refused
    when the account's role or organisation changed since the request (409): what was approved must be what
    changes."""
    _check_decider(actor, change)
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": f"De toelichting is hoogstens {NOTE_MAX} tekens."})
    with transaction.atomic():
        locked = _lock_pending(change)
        target = User.objects.select_for_update().get(pk=locked.user_id)
        if (target.role, target.organisation_id) != (locked.old_role, locked.old_organisation_id):
            raise ConflictError(
                "De rol of organisatie van deze gebruiker is intussen gewijzigd. Wijs deze aanvraag af en "
                "vraag de wijziging zo nodig opnieuw aan."
            )
        if not locked.new_organisation.active:
            raise ValidationError(
                {"decision": "De nieuwe organisatie is niet meer actief; wijs de aanvraag af."}
            )
        validate_role_and_organisation(role=locked.new_role, organisation=locked.new_organisation)
        target.role = locked.new_role
        target.organisation = locked.new_organisation
        target.version += 1
        target.save(update_fields=["role", "organisation", "version"])
        _decide(locked, actor=actor, status=AccountChangeStatus.APPROVED, note=note)
        _log("user.access_change_approved", actor=actor, change=locked, request=request)
    return locked


def account_change_reject(
    *, actor: User, change: AccountChange, note: str, request: HttpRequest | None = None
) -> AccountChange:
    """A second administrator rejects, with a reason; the account stays as it is."""
    _check_decider(actor, change)
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Licht toe waarom u deze wijziging afwijst."})
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": f"De toelichting is hoogstens {NOTE_MAX} tekens."})
    with transaction.atomic():
        locked = _lock_pending(change)
        _decide(locked, actor=actor, status=AccountChangeStatus.REJECTED, note=note)
        _log("user.access_change_rejected", actor=actor, change=locked, request=request)
    return locked
