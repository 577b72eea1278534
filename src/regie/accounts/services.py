"""Writes on accounts and organisations: one transaction, validation, update_fields, a processing-log entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.account_changes import (
    account_change_request,
    needs_second_administrator,
    refuse_own_access_change,
    validate_role_and_organisation,
)
from regie.accounts.models import (
    AccountChange,
    ApiToken,
    Municipality,
    Organisation,
    OrganisationKind,
    PartnerType,
    User,
)
from regie.accounts.tokens import hash_token, new_token_secret
from regie.core.errors import ConflictError
from regie.processing_log.services import log_processing

TOKEN_USE_LOG_INTERVAL = timedelta(hours=1)


def _check_version(obj: Any, expected: int | None) -> None:
    if expected is not None and obj.version != expected:
        raise ConflictError(
            "Iemand anders heeft dit intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen; "
            "laad de pagina opnieuw en voer ze nogmaals in."
        )


def _validate_organisation(kind: str, partner_type: str) -> None:
    errors: dict[str, str] = {}
    if kind not in OrganisationKind.values:
        errors["kind"] = "Kies afdeling of externe partner."
    elif kind == OrganisationKind.PARTNER and not partner_type:
        errors["partner_type"] = "Kies het type partner."
    elif kind == OrganisationKind.DEPARTMENT and partner_type:
        errors["partner_type"] = "Een afdeling van de gemeente heeft geen type partner."
    if partner_type and partner_type not in PartnerType.values:
        errors["partner_type"] = "Onbekend type partner."
    if errors:
        raise ValidationError(errors)


def organisation_create(
    *,
    actor: User | None,
    municipality: Municipality,
    name: str,
    kind: str,
    partner_type: str = "",
    email: str = "",
    phone: str = "",
    request: HttpRequest | None = None,
) -> Organisation:
    """Create a department or partner; names are unique per municipality (case-insensitive)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Vul een naam in."})
    _validate_organisation(kind, partner_type)
    with transaction.atomic():
        if Organisation.objects.filter(municipality=municipality, name__iexact=name).exists():
            raise ValidationError({"name": "Er bestaat al een organisatie met deze naam."})
        org = Organisation(
            municipality=municipality,
            name=name,
            kind=kind,
            partner_type=partner_type,
            email=email,
            phone=phone,
        )
        org.full_clean(exclude=["version"])
        org.save()
        log_processing(
            action="organisation.created",
            actor=actor,
            request=request,
            object_type="organisation",
            object_id=org.pk,
            details={"name": name},
        )
    return org


def organisation_update(
    *,
    actor: User,
    organisation: Organisation,
    version: int | None,
    request: HttpRequest | None = None,
    **changes: Any,
) -> Organisation:
    """Change an organisation; a stale version is refused with a conflict and nothing is saved."""
    allowed = {"name", "kind", "partner_type", "email", "phone", "active"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({k: "Dit veld kan niet worden gewijzigd." for k in unknown})
    with transaction.atomic():
        org = Organisation.objects.select_for_update().get(pk=organisation.pk)
        _check_version(org, version)
        for key, value in changes.items():
            setattr(org, key, value.strip() if isinstance(value, str) and key == "name" else value)
        _validate_organisation(org.kind, org.partner_type)
        if not org.name:
            raise ValidationError({"name": "Vul een naam in."})
        if (
            Organisation.objects.filter(municipality=org.municipality, name__iexact=org.name)
            .exclude(pk=org.pk)
            .exists()
        ):
            raise ValidationError({"name": "Er bestaat al een organisatie met deze naam."})
        org.full_clean(exclude=["version"])
        org.version += 1
        org.save(update_fields=[*changes.keys(), "version", "updated_at"])
        log_processing(
            action="organisation.changed",
            actor=actor,
            request=request,
            object_type="organisation",
            object_id=org.pk,
            details={"fields": sorted(changes)},
        )
    return org


def user_create(
    *,
    actor: User | None,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    organisation: Organisation | None,
    password: str | None = None,
    phone: str = "",
    job_title: str = "",
    request: HttpRequest | None = None,
) -> User:
    """Create a user with one role in one organisation; the password is validated when given."""
    username = username.strip().lower()
    errors: dict[str, str] = {}
    if not username:
        errors["username"] = "Vul een gebruikersnaam in."
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = "Deze gebruikersnaam is al in gebruik."
    if not last_name.strip():
        errors["last_name"] = "Vul de achternaam in."
    if errors:
        raise ValidationError(errors)
    validate_role_and_organisation(role=role, organisation=organisation)
    user = User(
        username=username,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        role=role,
        organisation=organisation,
        phone=phone,
        job_title=job_title,
    )
    if password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from exc
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password", "version"])
    with transaction.atomic():
        user.save()
        log_processing(
            action="user.created",
            actor=actor,
            request=request,
            object_type="user",
            object_id=user.pk,
            details={"username": username, "role": role},
        )
    return user


@dataclass(frozen=True)
class UserUpdated:
    user: User
    pending: AccountChange | None  # the role or organisation change that waits for a second administrator


def user_update(
    *, actor: User, user: User, version: int | None, request: HttpRequest | None = None, **changes: Any
) -> UserUpdated:
    """Change a user's details, role, organisation or active flag; stale versions conflict.

    Nobody changes their own role, organisation or active state. A new role or organisation with which the
    account works on cases is not applied but stored for a second administrator (account_changes); the other
    fields of the same change are saved at once.
    """
    allowed = {"first_name", "last_name", "email", "role", "organisation", "phone", "job_title", "is_active"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({k: "Dit veld kan niet worden gewijzigd." for k in unknown})
    with transaction.atomic():
        target = User.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=user.pk)
        _check_version(target, version)
        refuse_own_access_change(actor=actor, target=target, changes=changes)
        role = changes.get("role", target.role)
        organisation = changes.get("organisation", target.organisation)
        pending = None
        if needs_second_administrator(target, role=role, organisation=organisation):
            pending = account_change_request(
                actor=actor, target=target, role=role, organisation=organisation, request=request
            )
            changes.pop("role", None)
            changes.pop("organisation", None)
        access_before = {"role": target.role, "organisation": str(target.organisation or "")}
        changes = {k: v for k, v in changes.items() if getattr(target, k) != v}
        if not changes:
            return UserUpdated(user=target, pending=pending)
        for key, value in changes.items():
            setattr(target, key, value)
        validate_role_and_organisation(role=target.role, organisation=target.organisation)
        if not target.last_name.strip():
            raise ValidationError({"last_name": "Vul de achternaam in."})
        target.full_clean(exclude=["password", "version"])
        target.version += 1
        target.save(update_fields=[*changes.keys(), "version"])
        details: dict[str, Any] = {"fields": sorted(changes)}
        if {"role", "organisation"} & set(changes):
            details["old"] = access_before
            details["new"] = {"role": target.role, "organisation": str(target.organisation or "")}
        log_processing(
            action="user.changed",
            actor=actor,
            request=request,
            object_type="user",
            object_id=target.pk,
            details=details,
        )
    return UserUpdated(user=target, pending=pending)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


def api_token_create(
    *, actor: User, user: User, name: str, request: HttpRequest | None = None
) -> IssuedToken:
    """Issue a personal token with the user's own rights; the secret is returned once and never stored."""
    name = name.strip() or "API-token"
    if len(name) > 80:
        raise ValidationError({"name": "De naam mag hoogstens 80 tekens zijn."})
    if not user.is_active:
        raise ValidationError({"user": "Deze gebruiker is geblokkeerd."})
    secret = new_token_secret()
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name, prefix=secret[:12], key_hash=hash_token(secret))
        log_processing(
            action="token.created",
            actor=actor,
            request=request,
            object_type="api_token",
            object_id=token.pk,
            details={"forUser": user.username, "name": name},
        )
    return IssuedToken(token=token, secret=secret)


def api_token_revoke(*, actor: User, token: ApiToken, request: HttpRequest | None = None) -> ApiToken:
    """Revoke a token at once; later use gets 401."""
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at", "updated_at"])
            log_processing(
                action="token.revoked",
                actor=actor,
                request=request,
                object_type="api_token",
                object_id=locked.pk,
                details={"forUser": locked.user.username},
            )
    return locked


def api_token_used(*, token: ApiToken, request: HttpRequest | None = None) -> None:
    """Record use of a token: last-used time always, a log entry at most once an hour per token."""
    now = timezone.now()
    if token.last_used_at and now - token.last_used_at < TOKEN_USE_LOG_INTERVAL:
        return
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        log_processing(
            action="token.used",
            actor=token.user,
            request=request,
            object_type="api_token",
            object_id=token.pk,
        )
    token.last_used_at = now


def auth_event(
    *,
    action: str,
    request: HttpRequest | None,
    user: User | None = None,
    username: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """A security event (login, failed login, lockout, logout, second factor) in the processing log."""
    log_processing(
        action=action,
        actor=user,
        username=username,
        request=request,
        object_type="user" if user else "",
        object_id=user.pk if user else "",
        details=details,
    )
