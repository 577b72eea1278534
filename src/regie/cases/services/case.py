"""Creating, changing, closing and linking cases; case numbers; the next deadline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import Municipality, User
from regie.cases.models import (
    CASE_TRANSITIONS,
    Case,
    CaseLink,
    CaseMember,
    CaseNumberCounter,
    CaseStatus,
    CaseSubject,
    CaseType,
    Priority,
    SubjectRole,
)
from regie.cases.services.deadlines import case_refresh_next_deadline as case_refresh_next_deadline
from regie.cases.services.team import coordinator_hand_over_check, coordinator_handed_over
from regie.cases.timeline import record
from regie.core.errors import ConflictError
from regie.processing_log.services import log_processing
from regie.subjects.models import Address, Business, Location, Person
from regie.subjects.services import person_create

CLOSED = "Deze casus is gesloten; er kan niets meer aan worden toegevoegd of gewijzigd."
NO_COORDINATOR_ROLES = ("analist", "beheerder", "privacy", "archivaris")

STALE = (
    "Iemand anders heeft deze casus intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen; "
    "laad de casus opnieuw en voer ze nogmaals in."
)


FIELD_LABELS = {"title": "titel", "priority": "prioriteit", "status": "status", "coordinator": "coördinator"}


@dataclass(frozen=True)
class SubjectRef:
    """A subject to put in a case: exactly one of person, address, location or business, with its role."""

    role: str
    person: Person | None = None
    address: Address | None = None
    location: Location | None = None
    business: Business | None = None


def case_person_ids(case: Case) -> list[Any]:
    """The persons a case is about: what its processing-log entries must name."""
    return list(case.subjects.filter(person__isnull=False).values_list("person_id", flat=True))


def next_case_number(year: int) -> str:
    """The next human case number of the year (`2026-00042`), gap-free under concurrency (row lock)."""
    counter, _ = CaseNumberCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{year}-{counter.last:05d}"


def _subject_label(ref: SubjectRef) -> str:
    target = ref.person or ref.address or ref.location or ref.business
    return f"{SubjectRole(ref.role).label}: {target}"


def _validate_subject(ref: SubjectRef) -> None:
    filled = [x for x in (ref.person, ref.address, ref.location, ref.business) if x is not None]
    if ref.role not in SubjectRole.values:
        raise ValidationError({"subjects": "Onbekende rol van een betrokkene."})
    if len(filled) != 1:
        raise ValidationError(
            {"subjects": "Een betrokkene is precies één persoon, adres, locatie of bedrijf."}
        )


def _add_subject(*, actor: User | None, case: Case, ref: SubjectRef) -> CaseSubject:
    _validate_subject(ref)
    subject = CaseSubject.objects.create(
        case=case,
        role=ref.role,
        person=ref.person,
        address=ref.address,
        location=ref.location,
        business=ref.business,
    )
    record(case=case, actor=actor, kind="subject.added", summary=_subject_label(ref))
    return subject


def case_create(
    *,
    actor: User,
    case_type: CaseType,
    title: str,
    coordinator: User,
    municipality: Municipality,
    priority: str = Priority.NORMAL,
    subjects: Sequence[SubjectRef] = (),
    request: HttpRequest | None = None,
) -> Case:
    """Open a case with its coordinator; the creator joins the team when not the coordinator."""
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Vul een titel in."
    if not case_type.active:
        errors["case_type"] = "Dit casustype is niet meer in gebruik."
    if priority not in Priority.values:
        errors["priority"] = "Kies een bestaande prioriteit."
    if not coordinator.is_active or coordinator.role in NO_COORDINATOR_ROLES:
        errors["coordinator"] = "Deze gebruiker kan geen coördinator van een casus zijn."
    if errors:
        raise ValidationError(errors)
    for ref in subjects:
        _validate_subject(ref)
    with transaction.atomic():
        case = Case.objects.create(
            number=next_case_number(timezone.localdate().year),
            municipality=municipality,
            case_type=case_type,
            title=title.strip(),
            priority=priority,
            coordinator=coordinator,
        )
        record(case=case, actor=actor, kind="case.created", summary=f"Casus geopend: {case.title}")
        if actor.pk != coordinator.pk:
            CaseMember.objects.create(
                case=case,
                user=actor,
                case_role="aanmaker",
                categories=list(case_type.default_categories) or ["general"],
            )
        for ref in subjects:
            _add_subject(actor=actor, case=case, ref=ref)
        log_processing(
            action="case.created",
            actor=actor,
            request=request,
            object_type="case",
            object_id=case.pk,
            persons=[r.person.pk for r in subjects if r.person],
            details={"number": case.number},
        )
    return case


@dataclass(frozen=True)
class NewPerson:
    """A person not yet known to Regie, to create together with a case, in the case with ``role``."""

    role: str
    surname: str
    given_names: str = ""
    prefix: str = ""
    bsn: str | None = None
    birth_date: date | None = None


def case_create_with_person(
    *,
    actor: User,
    case_type: CaseType,
    title: str,
    coordinator: User,
    municipality: Municipality,
    priority: str = Priority.NORMAL,
    person: NewPerson | None = None,
    request: HttpRequest | None = None,
) -> Case:
    """Open a case and, when given, create its first person, as one change: a refused case leaves no person."""
    with transaction.atomic():
        subjects = []
        if person is not None:
            created = person_create(
                actor=actor,
                surname=person.surname,
                prefix=person.prefix,
                given_names=person.given_names,
                bsn=person.bsn,
                birth_date=person.birth_date,
                request=request,
                source="casus aanmaken",
            )
            subjects.append(SubjectRef(role=person.role, person=created))
        return case_create(
            actor=actor,
            case_type=case_type,
            title=title,
            coordinator=coordinator,
            municipality=municipality,
            priority=priority,
            subjects=subjects,
            request=request,
        )


def case_update(
    *,
    actor: User,
    case: Case,
    version: int | None,
    request: HttpRequest | None = None,
    previous_coordinator_categories: Sequence[str] | None = None,
    **changes: Any,
) -> Case:
    """Change title, priority, status (not closing) or coordinator; a stale version conflicts, nothing lost.

    A new coordinator is a hand-over (team.coordinator_hand_over_check): only who holds every category may make
    it, and the previous coordinator stays on the team with exactly `previous_coordinator_categories` (every
    category when not given; an empty list: they leave the team). A refused change writes nothing.
    """
    allowed = {"title", "priority", "status", "coordinator"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({k: "Dit veld kan hier niet worden gewijzigd." for k in unknown})
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if version is not None and locked.version != version:
            raise ConflictError(STALE)
        if "status" in changes and changes["status"] not in CaseStatus.values:
            raise ValidationError({"status": "Kies een bestaande status."})
        if "status" in changes and changes["status"] != locked.status:
            CASE_TRANSITIONS.check(locked.status, changes["status"])
            if changes["status"] == CaseStatus.CLOSED:
                raise ValidationError({"status": "Sluit een casus met een reden (casus sluiten)."})
        if locked.status == CaseStatus.CLOSED:
            raise ValidationError({"status": "Een gesloten casus kan niet meer worden gewijzigd."})
        if "priority" in changes and changes["priority"] not in Priority.values:
            raise ValidationError({"priority": "Kies een bestaande prioriteit."})
        if "title" in changes and not str(changes["title"]).strip():
            raise ValidationError({"title": "Vul een titel in."})
        new_coordinator = changes.get("coordinator")
        if new_coordinator is not None and (
            not new_coordinator.is_active or new_coordinator.role in NO_COORDINATOR_ROLES
        ):
            raise ValidationError({"coordinator": "Deze gebruiker kan geen coördinator van een casus zijn."})
        previous = locked.coordinator
        successor: User | None = (
            new_coordinator if new_coordinator is not None and new_coordinator.pk != previous.pk else None
        )
        if previous_coordinator_categories is not None and successor is None:
            raise ValidationError(
                {"previous_coordinator_categories": "Alleen bij het overdragen aan een nieuwe coördinator."}
            )
        keeps: list[str] = []
        if successor is not None:
            keeps = coordinator_hand_over_check(
                actor=actor,
                case=locked,
                new_coordinator=successor,
                previous_keeps=previous_coordinator_categories,
            )
        for key, value in changes.items():
            setattr(locked, key, value.strip() if key == "title" else value)
        locked.version += 1
        locked.save(update_fields=[*changes, "version", "updated_at"])
        record(
            case=locked,
            actor=actor,
            kind="case.changed",
            summary="Gewijzigd: " + ", ".join(FIELD_LABELS[k] for k in sorted(changes)),
        )
        details: dict[str, Any] = {"fields": sorted(changes)}
        if successor is not None:
            coordinator_handed_over(actor=actor, case=locked, previous=previous, keeps=keeps)
            details["coordinator"] = {"old": previous.username, "new": successor.username}
            details["previousCoordinatorKeeps"] = keeps
        log_processing(
            action="case.changed",
            actor=actor,
            request=request,
            object_type="case",
            object_id=locked.pk,
            persons=case_person_ids(locked),
            details=details,
        )
    return locked


def case_close(
    *, actor: User, case: Case, version: int | None, reason: str, request: HttpRequest | None = None
) -> Case:
    """Close a case; a reason is required and a stale version conflicts."""
    if not reason.strip():
        raise ValidationError({"reason": "Geef een reden voor het sluiten van de casus."})
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if version is not None and locked.version != version:
            raise ConflictError(STALE)
        if locked.status == CaseStatus.CLOSED:
            raise ValidationError({"status": "Deze casus is al gesloten."})
        if locked.coordinator_id != actor.pk:
            raise PermissionDenied("Alleen de coördinator kan de casus sluiten.")
        CASE_TRANSITIONS.check(locked.status, CaseStatus.CLOSED)
        locked.status = CaseStatus.CLOSED
        locked.closed_reason = reason.strip()
        locked.closed_at = timezone.now()
        locked.version += 1
        locked.save(update_fields=["status", "closed_reason", "closed_at", "version", "updated_at"])
        record(case=locked, actor=actor, kind="case.closed", summary=f"Casus gesloten: {reason.strip()}")
        log_processing(
            action="case.closed",
            actor=actor,
            request=request,
            object_type="case",
            object_id=locked.pk,
            persons=case_person_ids(locked),
        )
    return locked


def case_subject_add(
    *, actor: User, case: Case, ref: SubjectRef, request: HttpRequest | None = None
) -> CaseSubject:
    """Put a person, address, location or business in the case with a role."""
    if case.status == CaseStatus.CLOSED:
        raise ValidationError({"subjects": CLOSED})
    with transaction.atomic():
        if ref.person and CaseSubject.objects.filter(case=case, person=ref.person, role=ref.role).exists():
            raise ValidationError({"subjects": "Deze persoon staat al met deze rol in de casus."})
        subject = _add_subject(actor=actor, case=case, ref=ref)
        log_processing(
            action="case.subject_added",
            actor=actor,
            request=request,
            object_type="case",
            object_id=case.pk,
            persons=[ref.person.pk] if ref.person else [],
        )
    return subject


def case_link_create(
    *, actor: User, case: Case, other: Case, reason: str = "", request: HttpRequest | None = None
) -> CaseLink:
    """Link two related cases (both must have come through the access door)."""
    if case.pk == other.pk:
        raise ValidationError({"other": "Een casus kan niet aan zichzelf gekoppeld worden."})
    with transaction.atomic():
        if (
            CaseLink.objects.filter(from_case=case, to_case=other).exists()
            or CaseLink.objects.filter(from_case=other, to_case=case).exists()
        ):
            raise ValidationError({"other": "Deze casussen zijn al gekoppeld."})
        link = CaseLink.objects.create(from_case=case, to_case=other, reason=reason.strip(), created_by=actor)
        record(case=case, actor=actor, kind="case.linked", summary=f"Gekoppeld aan {other.number}")
        record(case=other, actor=actor, kind="case.linked", summary=f"Gekoppeld aan {case.number}")
        log_processing(
            action="case.linked",
            actor=actor,
            request=request,
            object_type="case",
            object_id=case.pk,
            details={"other": other.number},
        )
    return link
