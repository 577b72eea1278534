"""Sign-on decisions and writes: claims to a user, role and organisation (the beheerder's mapping table), the login
log, and the mapping table's own changes. Each write runs in one transaction with its processing-log entry."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from regie.access.policy import CASE_ROLES
from regie.accounts import services as account_services
from regie.accounts.account_changes import validate_role_and_organisation
from regie.accounts.models import ExternalIdentity, OidcRoleMapping, Organisation, User
from regie.accounts.oidc.config import OidcProvider
from regie.core.errors import ConflictError
from regie.processing_log.services import log_processing

UNAVAILABLE = (
    "De gemeentelijke inlogdienst is nu niet bereikbaar. Probeer het later opnieuw. Heeft u een eigen "
    "Regie-account, dan kunt u hieronder daarmee inloggen."
)
NOT_CHECKED = (
    "Inloggen met de gemeentelijke account is niet gelukt: het antwoord van de inlogdienst kon niet worden "
    "gecontroleerd. Probeer het opnieuw; lukt het weer niet, meld het dan bij de functioneel beheerder."
)
CANCELLED = "Inloggen met de gemeentelijke account is afgebroken. Probeer het opnieuw als u wilt inloggen."
INACTIVE = "Uw account in Regie staat uit. Vraag de functioneel beheerder om het weer aan te zetten."
NO_ROLE = "no_role"  # its own page: accounts/oidc_no_access.html


class OidcRefused(Exception):
    """A sign-on Regie refuses: `reason` goes to the processing log, `message` (Dutch) to the person."""

    def __init__(self, reason: str, message: str = NOT_CHECKED, *, username: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message
        self.username = username


def providers() -> tuple[OidcProvider, ...]:
    return tuple(settings.REGIE_SSO_PROVIDERS)


def provider_by_key(key: object) -> OidcProvider | None:
    return next((p for p in providers() if p.key == key), None)


def claim_values(claims: Mapping[str, Any], name: str) -> list[str]:
    """A claim as a list of strings: a single value, a list, or space-separated (as `amr` sometimes is)."""
    value = claims.get(name)
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(v) for v in value if isinstance(v, str | int)]
    return []


def mfa_asserted(provider: OidcProvider, id_token_claims: Mapping[str, Any]) -> bool:
    """True when the ID token says the provider checked a second factor (one of the configured amr or acr values).
    Only the signed ID token counts, not the userinfo answer."""
    amr = set(claim_values(id_token_claims, "amr"))
    acr = id_token_claims.get("acr")
    return bool(amr & set(provider.mfa_amr)) or (isinstance(acr, str) and acr in provider.mfa_acr)


def mapping_for(provider: OidcProvider, claims: Mapping[str, Any]) -> OidcRoleMapping | None:
    """The first row of the mapping table (by position) whose value the role claim holds; None: no access."""
    values = claim_values(claims, provider.role_claim)
    if not values:
        return None
    return (
        OidcRoleMapping.objects.filter(
            Q(provider="") | Q(provider=provider.key), claim_value__in=values, approved_at__isnull=False
        )
        .select_related("organisation")
        .order_by("position", "claim_value")
        .first()
    )


def _username(provider: OidcProvider, claims: Mapping[str, Any], subject: str) -> str:
    raw = str(claims.get(provider.username_claim) or "").strip().lower()
    base = re.sub(r"[^a-z0-9@.+_-]", "", raw)[:140]
    if not base:
        base = f"{provider.key}-{hashlib.sha256(subject.encode()).hexdigest()[:10]}"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _profile(claims: Mapping[str, Any]) -> dict[str, str]:
    first = str(claims.get("given_name") or "").strip()[:150]
    last = str(claims.get("family_name") or "").strip()[:150]
    if not last:
        last = str(claims.get("name") or claims.get("preferred_username") or "onbekend").strip()[:150]
    email = str(claims.get("email") or "").strip()[:254]
    try:
        validate_email(email)
    except ValidationError:
        email = ""
    return {"first_name": first, "last_name": last, "email": email}


def oidc_sign_in(
    *, provider: OidcProvider, claims: Mapping[str, Any], request: HttpRequest | None = None
) -> User:
    """The Regie user for verified claims: found by the stable claim, created at the first sign-on, role and
    organisation (and name, e-mail) brought in line with the mapping table. Raises OidcRefused."""
    subject = str(claims.get(provider.user_claim) or "").strip()
    username_claim = str(claims.get(provider.username_claim) or "")[:150]
    if not subject or len(subject) > 255:
        raise OidcRefused("no_subject", username=username_claim)
    mapping = mapping_for(provider, claims)
    identity = (
        ExternalIdentity.objects.select_related("user").filter(provider=provider.key, subject=subject).first()
    )
    if identity is not None and not identity.user.is_active:
        raise OidcRefused("inactive", INACTIVE, username=identity.user.username)
    if mapping is None:
        raise OidcRefused(NO_ROLE, username=identity.user.username if identity else username_claim)
    profile = _profile(claims)
    with transaction.atomic():
        if identity is None:
            user = account_services.user_create(
                actor=None,
                username=_username(provider, claims, subject),
                role=mapping.role,
                organisation=mapping.organisation,
                request=request,
                **profile,
            )
            identity = ExternalIdentity.objects.create(user=user, provider=provider.key, subject=subject)
        user = User.objects.select_for_update().get(pk=identity.user_id)
        wanted: dict[str, Any] = {**profile, "role": mapping.role, "organisation_id": mapping.organisation_id}
        changed = [field for field, value in wanted.items() if getattr(user, field) != value]
        if changed:
            for field in changed:
                setattr(user, field, wanted[field])
            user.version += 1
            user.save(update_fields=[*changed, "version"])
            log_processing(
                action="user.changed",
                request=request,
                object_type="user",
                object_id=user.pk,
                details={"fields": sorted(f.removesuffix("_id") for f in changed), "source": provider.key},
            )
        identity.last_login_at = timezone.now()
        identity.save(update_fields=["last_login_at", "updated_at"])
    return user


def oidc_login_log(*, provider: OidcProvider, user: User, mfa: bool, request: HttpRequest) -> None:
    account_services.auth_event(
        action="auth.oidc_login",
        request=request,
        user=user,
        details={"provider": provider.key, "secondFactor": "aanbieder" if mfa else "regie"},
    )


def oidc_refusal_log(*, provider_key: str, reason: str, request: HttpRequest, username: str = "") -> None:
    account_services.auth_event(
        action="auth.oidc_refused",
        request=request,
        username=username,
        details={"provider": provider_key, "reason": reason},
    )


# --- the mapping table (the beheerder's page) ---

MAPPING_FIELDS = ("provider", "claim_value", "role", "organisation", "position")
APPROVAL_FIELDS = ("requested_by", "approved_by", "approved_at")
OWN_APPROVAL = "U kunt uw eigen koppeling niet goedkeuren; een andere beheerder moet dat doen."


def _request_effect(mapping: OidcRoleMapping, actor: User) -> None:
    """Four eyes: a row giving a role that works on cases waits for another beheerder; any other row is in effect
    at once. A change of a row counts as a new request."""
    mapping.requested_by = actor
    mapping.approved_by = None
    mapping.approved_at = None if mapping.role in CASE_ROLES else timezone.now()


def _validate_mapping(
    *, provider: str, claim_value: str, role: str, organisation: Organisation | None, exclude: Any = None
) -> None:
    errors: dict[str, str] = {}
    if provider and provider_by_key(provider) is None:
        errors["provider"] = "Kies een ingestelde inlogdienst, of laat dit leeg voor elke inlogdienst."
    if not claim_value:
        errors["claim_value"] = "Vul de waarde uit de claim in, bijvoorbeeld de naam van de groep."
    elif (
        OidcRoleMapping.objects.filter(provider=provider, claim_value=claim_value)
        .exclude(pk=exclude)
        .exists()
    ):
        errors["claim_value"] = "Voor deze waarde bestaat al een koppeling bij deze inlogdienst."
    try:
        validate_role_and_organisation(role=role, organisation=organisation)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)


def oidc_mapping_create(
    *,
    actor: User,
    provider: str,
    claim_value: str,
    role: str,
    organisation: Organisation | None,
    position: int = 100,
    request: HttpRequest | None = None,
) -> OidcRoleMapping:
    claim_value = claim_value.strip()
    with transaction.atomic():
        _validate_mapping(provider=provider, claim_value=claim_value, role=role, organisation=organisation)
        assert organisation is not None  # validated above
        mapping = OidcRoleMapping(
            provider=provider,
            claim_value=claim_value,
            role=role,
            organisation=organisation,
            position=position,
        )
        _request_effect(mapping, actor)
        mapping.save()
        log_processing(
            action="oidc_mapping.created",
            actor=actor,
            request=request,
            object_type="oidc_role_mapping",
            object_id=mapping.pk,
            details={"claimValue": claim_value, "role": role, "inEffect": mapping.in_effect},
        )
    return mapping


def oidc_mapping_update(
    *,
    actor: User,
    mapping: OidcRoleMapping,
    version: int | None,
    request: HttpRequest | None = None,
    **changes: Any,
) -> OidcRoleMapping:
    unknown = set(changes) - set(MAPPING_FIELDS)
    if unknown:
        raise ValidationError({k: "Dit veld kan niet worden gewijzigd." for k in unknown})
    with transaction.atomic():
        row = OidcRoleMapping.objects.select_for_update().get(pk=mapping.pk)
        if version is not None and row.version != version:
            raise ConflictError(
                "Iemand anders heeft deze koppeling intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen; "
                "laad de pagina opnieuw en voer ze nogmaals in."
            )
        if "claim_value" in changes:
            changes["claim_value"] = str(changes["claim_value"]).strip()
        changes = {key: value for key, value in changes.items() if getattr(row, key) != value}
        if not changes:
            return row  # saved as it was: nothing to log, nothing to approve again
        for key, value in changes.items():
            setattr(row, key, value)
        _validate_mapping(
            provider=row.provider,
            claim_value=row.claim_value,
            role=row.role,
            organisation=row.organisation,
            exclude=row.pk,
        )
        _request_effect(row, actor)
        row.version += 1
        row.save(update_fields=[*changes.keys(), *APPROVAL_FIELDS, "version", "updated_at"])
        log_processing(
            action="oidc_mapping.changed",
            actor=actor,
            request=request,
            object_type="oidc_role_mapping",
            object_id=row.pk,
            details={"fields": sorted(changes), "inEffect": row.in_effect},
        )
    return row


def oidc_mapping_approve(
    *, actor: User, mapping: OidcRoleMapping, request: HttpRequest | None = None
) -> OidcRoleMapping:
    """Another beheerder than the one who asked puts a waiting row in effect."""
    with transaction.atomic():
        row = OidcRoleMapping.objects.select_for_update().get(pk=mapping.pk)
        if row.in_effect:
            raise ConflictError("Deze koppeling geldt al.")
        if row.requested_by_id == actor.pk:
            raise ValidationError(OWN_APPROVAL)
        row.approved_by = actor
        row.approved_at = timezone.now()
        row.version += 1
        row.save(update_fields=["approved_by", "approved_at", "version", "updated_at"])
        log_processing(
            action="oidc_mapping.approved",
            actor=actor,
            request=request,
            object_type="oidc_role_mapping",
            object_id=row.pk,
            details={"claimValue": row.claim_value, "role": row.role},
        )
    return row


def oidc_mapping_delete(*, actor: User, mapping: OidcRoleMapping, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        log_processing(
            action="oidc_mapping.deleted",
            actor=actor,
            request=request,
            object_type="oidc_role_mapping",
            object_id=mapping.pk,
            details={"claimValue": mapping.claim_value, "role": mapping.role},
        )
        mapping.delete()
