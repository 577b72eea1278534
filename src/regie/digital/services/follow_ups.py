"""Follow-up with consent: a resident's request to be contacted, the staff's checklist, and withdrawal.

Without the consent box ticked nothing is stored. A request becomes a subjects `Person` (never matched to an
existing one), a signal in intake's triage (category digitale-criminaliteit, source slachtoffer; see nazorg.py) and
a `VictimFollowUp`; withdrawing consent through the key from the confirmation anonymises all three.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.core.calendar import atw_calendar
from regie.core.errors import ConflictError
from regie.core.terms import add_working_days
from regie.digital.content import situation
from regie.digital.models import ContentKind, FollowUpStatus, VictimFollowUp
from regie.digital.services.content import content_current
from regie.digital.services.nazorg import signal_for_follow_up, signal_withdrawn
from regie.intake.services.receive import default_municipality
from regie.processing_log.services import log_processing
from regie.subjects.services import person_create, person_update

FIRST_CONTACT_WORKING_DAYS = 2
SECOND_CONTACT_AFTER = timedelta(weeks=4)
PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")
ANONYMISED = "Geanonimiseerd"


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _reference() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "DV-" + "".join(secrets.choice(alphabet) for _ in range(6))


def _contact_errors(
    *, surname: str, email: str, phone: str, consent: bool, situation_code: str
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not consent:
        errors["consent"] = (
            "Zet een vinkje als u wilt dat wij contact met u opnemen. Zonder toestemming bewaren wij niets."
        )
    if not surname.strip():
        errors["surname"] = "Vul uw achternaam in, zodat wij weten wie wij bellen of mailen."
    if not email and not phone:
        errors["phone"] = "Vul een telefoonnummer of een e-mailadres in, zodat wij u kunnen bereiken."
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = (
                "Dit is geen geldig e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."
            )
    if phone and not PHONE.match(phone):
        errors["phone"] = (
            "Dit is geen geldig telefoonnummer. Gebruik alleen cijfers, bijvoorbeeld 0612345678."
        )
    if _situation_label(situation_code) is None:
        errors["situation"] = "Kies wat er is gebeurd."
    return errors


def _situation_label(code: str) -> str | None:
    found = situation(content_current(ContentKind.VICTIM_GUIDE).definition, code)
    return str(found["label"]) if found is not None else None


def follow_up_request(
    *,
    situation_code: str,
    given_names: str,
    surname: str,
    email: str,
    phone: str,
    story: str,
    consent: bool,
    request: HttpRequest | None = None,
) -> tuple[VictimFollowUp, str]:
    """Store a consented request to be contacted; answers it with the secret key that withdraws the consent."""
    email, phone = email.strip(), phone.strip()
    errors = _contact_errors(
        surname=surname, email=email, phone=phone, consent=consent, situation_code=situation_code
    )
    if errors:
        raise ValidationError(errors)
    consent_version = content_current(ContentKind.CONSENT)
    key = secrets.token_urlsafe(24)
    today = timezone.localdate()
    municipality = default_municipality()
    with transaction.atomic():
        person = person_create(
            actor=None,
            surname=surname,
            given_names=given_names,
            email=email,
            phone=phone,
            request=request,
            source="digitale-veiligheid: terugbelverzoek",
        )
        reference = _reference()
        signal = signal_for_follow_up(
            municipality=municipality,
            reference=reference,
            situation_label=_situation_label(situation_code) or situation_code,
            person=person,
            email=email,
            phone=phone,
            request=request,
        )
        follow_up = VictimFollowUp.objects.create(
            municipality=municipality,
            reference=reference,
            person=person,
            signal=signal,
            situation=situation_code,
            story=story.strip()[:4000],
            email=email,
            phone=phone,
            consent_version=consent_version.version,
            consent_text=consent_version.definition["text"],
            consented_at=timezone.now(),
            withdraw_key_hash=key_hash(key),
            first_contact_due=add_working_days(today, FIRST_CONTACT_WORKING_DAYS, atw_calendar()),
        )
        log_processing(
            action="digital_follow_up.requested",
            request=request,
            object_type="digital_follow_up",
            object_id=follow_up.pk,
            persons=[person.pk],
            details={
                "consent_version": consent_version.version,
                "situation": situation_code,
                "signal": signal.reference,
            },
            username="inwoner (openbaar formulier)",
        )
    return follow_up, key


def follow_up_record(
    *,
    actor: User,
    follow_up: VictimFollowUp,
    version: int | None,
    first_contact_on: date | None,
    referral: str,
    second_contact_on: date | None,
    staff_note: str,
    request: HttpRequest | None = None,
) -> VictimFollowUp:
    """Record the checklist (first contact, referral, second contact after four weeks); the status follows from it."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    for name, value in (("first_contact_on", first_contact_on), ("second_contact_on", second_contact_on)):
        if value is not None and value > today:
            errors[name] = "Deze datum ligt in de toekomst; vul de dag in waarop het contact was."
    if second_contact_on is not None and (first_contact_on is None or second_contact_on < first_contact_on):
        errors["second_contact_on"] = "Het tweede contact komt na het eerste contact."
    if referral.strip() and first_contact_on is None:
        errors["referral"] = "Vul eerst de datum van het eerste contact in."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = VictimFollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if locked.status == FollowUpStatus.WITHDRAWN:
            raise ConflictError(
                "De inwoner heeft de toestemming ingetrokken; er valt niets meer bij te werken."
            )
        if version is not None and locked.version != version:
            raise ConflictError(
                "Iemand anders heeft deze nazorg intussen bijgewerkt. Uw wijzigingen zijn niet opgeslagen; "
                "laad de pagina opnieuw."
            )
        locked.first_contact_on = first_contact_on
        locked.referral = referral.strip()[:200]
        locked.second_contact_on = second_contact_on
        locked.second_contact_due = first_contact_on + SECOND_CONTACT_AFTER if first_contact_on else None
        locked.staff_note = staff_note.strip()
        locked.status = (
            FollowUpStatus.CLOSED
            if second_contact_on
            else FollowUpStatus.REFERRED
            if locked.referral
            else FollowUpStatus.CONTACTED
            if first_contact_on
            else FollowUpStatus.NEW
        )
        locked.version += 1
        locked.save()
        log_processing(
            action="digital_follow_up.changed",
            actor=actor,
            request=request,
            object_type="digital_follow_up",
            object_id=locked.pk,
            persons=[locked.person_id] if locked.person_id else [],
            details={"status": locked.status},
        )
    return locked


def follow_up_withdraw(*, key: str, request: HttpRequest | None = None) -> VictimFollowUp | None:
    """Withdraw consent with the key from the confirmation: contact details, story and name are wiped at once.

    Answers None for an unknown key. A second withdrawal changes nothing and writes nothing.
    """
    if not key or len(key) > 100:
        return None
    with transaction.atomic():
        found = VictimFollowUp.objects.select_for_update().filter(withdraw_key_hash=key_hash(key)).first()
        if found is None or found.status == FollowUpStatus.WITHDRAWN:
            return found
        if found.person is not None:
            person_update(
                actor=None,
                person=found.person,
                version=None,
                request=request,
                surname=ANONYMISED,
                given_names="",
                prefix="",
                email="",
                phone="",
            )
        if found.signal is not None:
            signal_withdrawn(
                signal=found.signal, situation_label=_situation_label(found.situation) or found.situation
            )
        values: dict[str, Any] = {
            "story": "", "email": "", "phone": "", "staff_note": "", "referral": "",
            "status": FollowUpStatus.WITHDRAWN, "withdrawn_at": timezone.now(),
        }  # fmt: skip
        for name, value in values.items():
            setattr(found, name, value)
        found.version += 1
        found.save()
        log_processing(
            action="digital_follow_up.withdrawn",
            request=request,
            object_type="digital_follow_up",
            object_id=found.pk,
            persons=[found.person_id] if found.person_id else [],
            details={"signal": found.signal.reference} if found.signal is not None else {},
            username="inwoner (intrekkingslink)",
        )
    return found
