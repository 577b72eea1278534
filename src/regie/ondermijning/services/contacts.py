"""Contact persons of an area (park management, entrepreneurs' association, LTO): kept by the project leader."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest

from regie.access import ondermijning_access
from regie.accounts.models import User
from regie.ondermijning.models import Area, AreaContact, ContactRole
from regie.processing_log.services import log_processing

TEXT_MAX = 160
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,28}$")


def contact_save(
    *,
    actor: User,
    area: Area,
    role: str,
    organisation: str,
    name: str,
    phone: str = "",
    email: str = "",
    contact: AreaContact | None = None,
    request: HttpRequest | None = None,
) -> AreaContact:
    """Add a contact person to an area, or change one (`contact`); reachable by phone or e-mail."""
    if not ondermijning_access.may_manage_area(actor, area):
        raise PermissionDenied
    if contact is not None and contact.area_id != area.pk:
        raise PermissionDenied
    values = {k: (v or "").strip() for k, v in (("organisation", organisation), ("name", name))}
    phone, email = (phone or "").strip(), (email or "").strip().lower()
    errors: dict[str, str] = {}
    if role not in ContactRole.values:
        errors["role"] = "Kies de rol: parkmanagement, ondernemersvereniging, LTO-afdeling of een andere."
    labels = {"organisation": "de organisatie", "name": "de naam van de contactpersoon"}
    for field, value in values.items():
        if not value:
            errors[field] = f"Vul {labels[field]} in."
        elif len(value) > TEXT_MAX:
            errors[field] = f"{labels[field].capitalize()} is hoogstens {TEXT_MAX} tekens."
    if phone and not PHONE.match(phone):
        errors["phone"] = "Vul een geldig telefoonnummer in: alleen cijfers, spaties, - en een + vooraan."
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
    if not phone and not email and "phone" not in errors:
        errors["phone"] = "Vul een telefoonnummer of e-mailadres in, zodat de contactpersoon bereikbaar is."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if contact is None:
            contact = AreaContact(area=area, created_by=actor)
        contact.role = role
        contact.organisation, contact.name = values["organisation"], values["name"]
        contact.phone, contact.email = phone, email
        contact.save()
        log_processing(
            action="ondermijning_area.contact_saved",
            actor=actor,
            request=request,
            object_type="ondermijning_area",
            object_id=area.pk,
            details={"role": role},
        )
    return contact


def contact_remove(*, actor: User, contact: AreaContact, request: HttpRequest | None = None) -> None:
    area = contact.area
    if not ondermijning_access.may_manage_area(actor, area):
        raise PermissionDenied
    with transaction.atomic():
        contact.delete()
        log_processing(
            action="ondermijning_area.contact_removed",
            actor=actor,
            request=request,
            object_type="ondermijning_area",
            object_id=area.pk,
            details={"role": contact.role},
        )
