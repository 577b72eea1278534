"""Referral (aanmelding) and screening: the inclusion decision opens the PGA case on a regie.cases Case."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import Municipality, User
from regie.cases.models import Case, CaseType, Priority, SubjectRole
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.timeline import record
from regie.core.errors import ConflictError
from regie.intake.models import Signal
from regie.pga.models import (
    RE_REFERRAL_MONTHS,
    Decision,
    Level,
    PgaCase,
    PgaStatus,
    Referral,
    ReferralSource,
    ReferralStatus,
    Urgency,
)
from regie.pga.services.reference import checklist_for, checklist_in_force, zrm_in_force
from regie.processing_log.services import log_processing
from regie.subjects.identity import normalize_bsn
from regie.subjects.models import Person
from regie.subjects.services import person_create

__all__ = ["PersonDetails", "referral_create", "referral_decide", "zrm_in_force"]

PGA_CASE_TYPE = "pga-casus"
DECIDED = "Over deze aanmelding is intussen al besloten. Laad de pagina opnieuw."
ALREADY_ACTIVE = "Voor deze persoon loopt al een actieve PGA-casus; er kan er maar één tegelijk zijn."
PRIORITY_OF: dict[str, str] = {
    Urgency.NORMAL: Priority.NORMAL,
    Urgency.HIGH: Priority.HIGH,
    Urgency.URGENT: Priority.URGENT,
}


@dataclass(frozen=True)
class PersonDetails:
    """Who is referred: matched on BSN with a person Regie knows, or created."""

    surname: str
    given_names: str = ""
    prefix: str = ""
    bsn: str = ""
    birth_date: date | None = None


def _person_for(actor: User, details: PersonDetails, request: HttpRequest | None) -> Person:
    """The known person with this BSN (the referrer is not told whether one existed), or a new person."""
    if details.bsn:
        normalized = normalize_bsn(details.bsn)
        known = (
            Person.objects.filter(bsn=normalized, merged_into__isnull=True).first() if normalized else None
        )
        if known is not None:
            return known
    return person_create(
        actor=actor,
        surname=details.surname,
        given_names=details.given_names,
        prefix=details.prefix,
        bsn=details.bsn or None,
        birth_date=details.birth_date,
        request=request,
        source="aanmelding PGA",
    )


def recently_exited(person: Person, today: date) -> bool:
    """Whether this person left a PGA case in the last twelve months (a re-referral, flagged at screening)."""
    since = today - timedelta(days=RE_REFERRAL_MONTHS * 365 // 12)
    return PgaCase.objects.filter(person=person, exited_on__gte=since).exists()


def referral_create(
    *,
    actor: User,
    municipality: Municipality,
    person: PersonDetails,
    reason: str,
    goal: str,
    partners_involved: str = "",
    urgency: str = Urgency.NORMAL,
    source: str = ReferralSource.PROFESSIONAL,
    source_case: Case | None = None,
    source_signal: Signal | None = None,
    known_person: Person | None = None,
    request: HttpRequest | None = None,
) -> Referral:
    """Refer a person to the PGA; the procesregisseurs find it on their triage list. `known_person`: a person
    already confirmed (on a signal), used as is instead of matching the details."""
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = "Beschrijf waarom u deze persoon aanmeldt."
    if not goal.strip():
        errors["goal"] = "Beschrijf wat de aanmelding moet bereiken."
    if urgency not in Urgency.values:
        errors["urgency"] = "Kies een bestaande urgentie."
    if source not in ReferralSource.values:
        errors["source"] = "Kies een bestaande herkomst."
    if source == ReferralSource.CASE and source_case is None:
        errors["source_case"] = "Kies de casus waaruit u aanmeldt."
    if source == ReferralSource.SIGNAL and source_signal is None:
        errors["source_signal"] = "Kies het signaal waaruit u aanmeldt."
    if known_person is None and not person.surname.strip() and not person.bsn:
        errors["surname"] = "Vul de achternaam of het BSN van de persoon in."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        found = known_person or _person_for(actor, person, request)
        referral = Referral.objects.create(
            municipality=municipality,
            person=found,
            reason=reason.strip(),
            goal=goal.strip(),
            partners_involved=partners_involved.strip(),
            urgency=urgency,
            source=source,
            source_case=source_case,
            source_signal=source_signal,
            referred_by=actor,
            re_referral=recently_exited(found, timezone.localdate()),
            checklist_version=checklist_in_force().code,  # the screening keeps this version
        )
        log_processing(
            action="pga_referral.created",
            actor=actor,
            request=request,
            object_type="pga_referral",
            object_id=referral.pk,
            persons=[found.pk],
            details={"urgency": urgency, "source": source},
        )
    return referral


def _validate_decision(
    referral: Referral, criteria: Mapping[str, bool], decision: str, reasons: str, advice: str
) -> None:
    errors: dict[str, str] = {}
    if decision not in Decision.values:
        errors["decision"] = (
            "Kies een besluit: niet opnemen, lokale PGA of opschalen naar het Zorg- en Veiligheidshuis."
        )
    if not reasons.strip():
        errors["reasons"] = "Motiveer het besluit: waarom wel of niet opnemen."
    checklist = checklist_for(referral.checklist_version)
    unknown = set(criteria) - set(checklist.labels)
    if unknown:
        errors["criteria"] = "Onbekend criterium in de screening."
    included = decision in (Decision.LOCAL, Decision.ZVH)
    if included and not unknown and not checklist.meets(criteria):
        errors["criteria"] = f"Opnemen kan alleen als de criteria zijn vervuld: {checklist.rule_text()}."
    if decision == Decision.NOT_INCLUDED and not advice.strip():
        errors["advice"] = "Geef een verwijsadvies, bijvoorbeeld het sociaal wijkteam."
    if included and PgaCase.objects.filter(person_id=referral.person_id, status=PgaStatus.ACTIVE).exists():
        errors["decision"] = ALREADY_ACTIVE
    if errors:
        raise ValidationError(errors)


def _case_for(actor: User, referral: Referral, request: HttpRequest | None) -> Case:
    """The case the PGA case sits on: the referring case when it is one, or a new PGA case opened now."""
    if referral.source_case is not None and not hasattr(referral.source_case, "pga"):
        return referral.source_case
    case_type = CaseType.objects.filter(code=PGA_CASE_TYPE, active=True).first()
    if case_type is None:
        raise ValidationError(
            {
                "decision": "Het casustype voor de PGA ontbreekt; vraag de functioneel beheerder het aan te maken."
            }
        )
    return case_create(
        actor=actor,
        case_type=case_type,
        title=f"PGA: {referral.person}",
        coordinator=actor,
        municipality=referral.municipality,
        priority=PRIORITY_OF.get(referral.urgency, Priority.NORMAL),
        subjects=[SubjectRef(role=SubjectRole.INVOLVED, person=referral.person)],
        request=request,
    )


def referral_decide(
    *,
    actor: User,
    referral: Referral,
    criteria: Mapping[str, bool],
    decision: str,
    reasons: str,
    advice: str = "",
    request: HttpRequest | None = None,
) -> PgaCase | None:
    """Screen a referral against the checklist and decide; an inclusion opens the PGA case (nothing half-written)."""
    if referral.status != ReferralStatus.AWAITING:
        raise ConflictError(DECIDED)
    _validate_decision(referral, criteria, decision, reasons, advice)
    with transaction.atomic():
        locked = Referral.objects.select_for_update().get(pk=referral.pk)
        if locked.status != ReferralStatus.AWAITING:
            raise ConflictError(DECIDED)
        checklist = checklist_for(locked.checklist_version)
        locked.criteria = {code: bool(criteria.get(code)) for code in checklist.labels}
        locked.checklist_version = checklist.code
        locked.decision = decision
        locked.decision_reasons = reasons.strip()
        locked.referral_advice = advice.strip()
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.status = ReferralStatus.DECIDED
        locked.save()
        pga_case = None
        if decision != Decision.NOT_INCLUDED:
            case = _case_for(actor, locked, request)
            zrm = zrm_in_force()
            if zrm is None:
                raise ValidationError({"decision": "Er is geen zelfredzaamheidsmatrix ingesteld."})
            try:
                with transaction.atomic():
                    pga_case = PgaCase.objects.create(
                        case=case,
                        referral=locked,
                        person_id=locked.person_id,
                        level=Level.ZVH if decision == Decision.ZVH else Level.LOCAL,
                        process_director=actor,
                        zrm_version=zrm,
                        included_on=timezone.localdate(),
                    )
            except IntegrityError:
                raise ValidationError({"decision": ALREADY_ACTIVE}) from None
            record(
                case=case,
                actor=actor,
                kind="pga.included",
                summary=f"Opgenomen in de PGA ({pga_case.get_level_display()}): {locked.decision_reasons}",
            )
        log_processing(
            action="pga_referral.decided",
            actor=actor,
            request=request,
            object_type="pga_referral",
            object_id=locked.pk,
            persons=[locked.person_id],
            details={"decision": decision, "checklist": checklist.code},
        )
    return pga_case


FROM_SIGNAL_TWICE = "Deze persoon is vanuit dit signaal al aangemeld; de aanmelding wacht op de triage."


def referral_from_signal(
    *,
    actor: User,
    signal: Signal,
    person_id: object,
    goal: str,
    urgency: str = Urgency.NORMAL,
    partners_involved: str = "",
    request: HttpRequest | None = None,
) -> Referral:
    """Refer a confirmed person of a triaged signal to the PGA: the reason is the signal's description, the
    referral points back to the signal. The caller has the signal through the signal door (and may triage it)."""
    subject = (
        signal.subjects.filter(person__isnull=False, person_id=person_id).select_related("person").first()
        if isinstance(person_id, str | UUID) and _is_uuid(person_id)
        else None
    )
    if subject is None or subject.person is None:
        raise ValidationError(
            {
                "person": "Kies een bevestigde betrokkene van het signaal (bevestig de persoon eerst bij het signaal)."
            }
        )
    if Referral.objects.filter(
        source_signal=signal, person=subject.person, status=ReferralStatus.AWAITING
    ).exists():
        raise ValidationError({"person": FROM_SIGNAL_TWICE})
    return referral_create(
        actor=actor,
        municipality=signal.municipality,
        person=PersonDetails(surname=subject.person.surname),
        reason=f"Signaal {signal.reference}: {signal.description}",
        goal=goal,
        partners_involved=partners_involved,
        urgency=urgency,
        source=ReferralSource.SIGNAL,
        source_signal=signal,
        known_person=subject.person,
        request=request,
    )


def _is_uuid(value: object) -> bool:
    try:
        UUID(str(value))
    except ValueError:
        return False
    return True
