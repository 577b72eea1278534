"""Writes of campaigns: created and changed by the theme's staff, each in one transaction with a log entry.

A campaign is pinned to the version of each check it links (`check_versions`): results count for it only when made
with that version through its link, so a later edit of the check does not mix two questionnaires in one figure.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.accounts.models import User
from regie.core.errors import ConflictError
from regie.digital.content import CHECK_KINDS
from regie.digital.models import Campaign
from regie.digital.services.content import content_current
from regie.processing_log.services import log_processing

FIELDS = (
    "name", "code", "description", "target_group", "channel", "starts_on", "ends_on",
    "attendees", "leaflets", "views", "checks",
)  # fmt: skip


def _validate(values: dict[str, Any], exclude: Campaign | None = None) -> None:
    errors: dict[str, str] = {}
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if isinstance(starts, date) and isinstance(ends, date) and ends < starts:
        errors["ends_on"] = "De einddatum ligt voor de begindatum."
    code = values.get("code", "")
    others = Campaign.objects.filter(code=code)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if code and others.exists():
        errors["code"] = "Deze campagnecode is al in gebruik; kies een andere."
    unknown = [c for c in values.get("checks", []) if c not in CHECK_KINDS]
    if unknown:
        errors["checks"] = "Kies alleen bestaande checks."
    for name in ("attendees", "leaflets", "views"):
        if int(values.get(name) or 0) < 0:
            errors[name] = "Vul 0 of meer in."
    if errors:
        raise ValidationError(errors)


def pinned_versions(checks: list[str], pinned: dict[str, int]) -> dict[str, int]:
    """Each linked check keeps the version it was pinned to; a newly linked check is pinned to the version in force.

    Editing a check's content publishes a new version; the campaign keeps counting the version it was made for.
    """
    return {kind: int(pinned.get(kind) or content_current(kind).version) for kind in checks}


def campaign_create(*, actor: User, request: HttpRequest | None = None, **values: Any) -> Campaign:
    """Create a campaign of the actor's municipality; its code makes the public links countable."""
    unknown = set(values) - set(FIELDS)
    if unknown or actor.organisation is None:
        raise ValidationError("Onbekende velden of geen organisatie.")
    values["code"] = str(values.get("code", "")).strip().lower()
    _validate(values)
    with transaction.atomic():
        campaign = Campaign.objects.create(
            municipality=actor.organisation.municipality,
            check_versions=pinned_versions(list(values.get("checks") or []), {}),
            **values,
        )
        log_processing(
            action="digital_campaign.created",
            actor=actor,
            request=request,
            object_type="digital_campaign",
            object_id=campaign.pk,
        )
    return campaign


def campaign_update(
    *, actor: User, campaign: Campaign, version: int | None, request: HttpRequest | None = None, **values: Any
) -> Campaign:
    """Change a campaign (e.g. its reach afterwards); a stale version conflicts."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({k: "Dit veld kan niet worden gewijzigd." for k in unknown})
    if "code" in values:
        values["code"] = str(values["code"]).strip().lower()
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if version is not None and locked.version != version:
            raise ConflictError(
                "Iemand anders heeft deze campagne intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen; "
                "laad de pagina opnieuw."
            )
        merged = {name: getattr(locked, name) for name in FIELDS} | values
        _validate(merged, exclude=locked)
        for key, value in values.items():
            setattr(locked, key, value)
        locked.check_versions = pinned_versions(list(locked.checks or []), dict(locked.check_versions or {}))
        locked.version += 1
        locked.save()
        log_processing(
            action="digital_campaign.changed",
            actor=actor,
            request=request,
            object_type="digital_campaign",
            object_id=locked.pk,
            details={"fields": sorted(values)},
        )
    return locked
