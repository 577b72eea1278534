"""The privacy officer's door: finding a data subject, what Regie holds about them, names in the log, and the
metadata of records on a destruction list.

The privacy officer sees no case contents (notes, documents, timelines): this door answers with identifying data
and metadata only — which cases, signals and lots a person appears in, with their type, role, dates and data
categories. Every read that shows persons is logged by the door itself, naming them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from regie.access.policy import has_permission
from regie.accounts.models import Role
from regie.cases.models import Case, CaseSubject, CaseType
from regie.intake.models import SignalSubject
from regie.integrations.brp import purpose_label
from regie.meetings.models import AgendaItem
from regie.park.models import FollowUp, Inspection, Occupancy
from regie.pga.models import PgaCase, Referral
from regie.privacy.models import DataSubjectRequest
from regie.procedures.models import Procedure
from regie.processing_log.services import log_processing
from regie.subjects.models import BrpRetrieval, Person

SEARCH_LIMIT = 25


def _only_officer(user: Any) -> None:
    if not has_permission(user, "data_subject_requests.handle"):
        raise PermissionDenied


def find_persons(
    user: Any,
    *,
    name: str = "",
    bsn: str = "",
    birth_date: date | None = None,
    request: HttpRequest | None = None,
) -> list[Person]:
    """Persons matching every criterion given (name: part of the name; BSN exact), for a data-subject request.

    The officer looks across all persons (a data subject may appear in cases nobody else may see); the search and
    the persons it found are logged."""
    _only_officer(user)
    qs: QuerySet[Person] = Person.objects.filter(merged_into__isnull=True)
    if bsn:
        qs = qs.filter(bsn=bsn)
    if name:
        for word in name.split():
            qs = qs.filter(
                Q(sort_name__icontains=word) | Q(given_names__icontains=word) | Q(surname__icontains=word)
            )
    if birth_date:
        qs = qs.filter(birth_date=birth_date)
    found = list(qs.select_related("address").order_by("sort_name")[:SEARCH_LIMIT])
    log_processing(
        action="data_subject_request.person_searched",
        actor=user,
        request=request,
        object_type="person",
        persons=[p.pk for p in found],
        purpose="Verzoek van een betrokkene (AVG art. 15)",
        details={
            "byName": bool(name),
            "byBsn": bool(bsn),
            "byBirthDate": bool(birth_date),
            "found": len(found),
        },
    )
    return found


def person_for_request(user: Any, person_id: object) -> Person:
    """The person a new request is about (officer only); 404 for an id that names no active person."""
    _only_officer(user)
    try:
        return Person.objects.select_related("address").get(pk=UUID(str(person_id)), merged_into__isnull=True)
    except (ValueError, Person.DoesNotExist):
        raise Http404 from None


def requests_for(user: Any) -> QuerySet[DataSubjectRequest]:
    """Every request of data subjects, for the officer's work list."""
    _only_officer(user)
    return DataSubjectRequest.objects.select_related("person", "identity_checked_by")


def request_for(user: Any, request_id: object) -> DataSubjectRequest:
    _only_officer(user)
    try:
        return requests_for(user).get(pk=UUID(str(request_id)))
    except (ValueError, DataSubjectRequest.DoesNotExist):
        raise Http404 from None


@dataclass(frozen=True)
class CaseHolding:
    number: str
    case_type: str
    role: str
    status: str
    opened_on: date
    closed_on: date | None
    categories: list[str]


@dataclass(frozen=True)
class SignalHolding:
    reference: str
    received_on: date
    role: str


@dataclass(frozen=True)
class LotHolding:
    lot: str
    from_date: date
    to_date: date | None


@dataclass
class Holdings:
    """What Regie holds about one person: identifying data and the records they appear in (no contents)."""

    person: Person
    cases: list[CaseHolding] = field(default_factory=list)
    signals: list[SignalHolding] = field(default_factory=list)
    lots: list[LotHolding] = field(default_factory=list)


def holdings_of(user: Any, person: Person) -> Holdings:
    """The records one person appears in (the caller logs the read, naming the person)."""
    _only_officer(user)
    holdings = Holdings(person)
    subjects = CaseSubject.objects.filter(person=person).select_related("case", "case__case_type")
    for subject in subjects.order_by("case__created_at"):
        case = subject.case
        categories = {"Identificerende gegevens"} | {
            label
            for category, label in (
                ("care", "Zorggegevens (AVG art. 9)"),
                ("justice", "Justitiële gegevens (art. 10)"),
            )
            if category in case.case_type.default_categories
        }
        holdings.cases.append(
            CaseHolding(
                number=case.number,
                case_type=case.case_type.label,
                role=subject.get_role_display(),
                status=case.get_status_display(),
                opened_on=timezone.localdate(case.created_at),
                closed_on=timezone.localdate(case.closed_at) if case.closed_at else None,
                categories=sorted(categories),
            )
        )
    for signal_subject in SignalSubject.objects.filter(person=person).select_related("signal"):
        holdings.signals.append(
            SignalHolding(
                reference=signal_subject.signal.reference,
                received_on=timezone.localdate(signal_subject.signal.received_at),
                role="Genoemd in het signaal",
            )
        )
    for occupancy in Occupancy.objects.filter(person=person).select_related("lot", "lot__park"):
        holdings.lots.append(
            LotHolding(
                f"{occupancy.lot.park.name}, kavel {occupancy.lot.number}",
                occupancy.from_date,
                occupancy.to_date,
            )
        )
    return holdings


@dataclass(frozen=True)
class BrpRetrievalHolding:
    """One time the BRP was asked about the person, as the data subject is told of it: when, by which organisation
    and role (no employee's name), for which purpose and what was asked — never another resident's data."""

    retrieved_at: datetime
    organisation: str
    role: str
    purpose: str
    what: str


def brp_retrievals_of(user: Any, person: Person) -> list[BrpRetrievalHolding]:
    """The BRP retrievals about the person still held, oldest first: their own (the record brought up to date)
    and the address lists the BRP named them in while such a list is kept (the caller logs the read, naming the
    person). The organisation and role are the retrieving user's as they are now."""
    _only_officer(user)
    rows = (
        BrpRetrieval.objects.filter(
            Q(person=person) | Q(person__isnull=True, residents__contains=[{"person_id": str(person.pk)}])
        )
        .select_related("retrieved_by__organisation", "address")
        .order_by("retrieved_at")
    )
    found = []
    for row in rows:
        by = row.retrieved_by
        if row.person_id is not None:
            what = "Naam, geboortedatum en woonadres opgevraagd"
        else:
            place = f" op {row.address}" if row.address else ""
            what = f"Opgevraagd wie er staan ingeschreven{place}; u stond op die lijst"
        found.append(
            BrpRetrievalHolding(
                retrieved_at=row.retrieved_at,
                organisation=(by.organisation.name if by.organisation else "—") if by else "Regie (systeem)",
                role=str(Role(by.role).label) if by is not None and by.role in Role.values else "—",
                purpose=purpose_label(row.purpose),
                what=what,
            )
        )
    return found


def pga_records_of(user: Any, person: Person) -> tuple[list[Referral], list[PgaCase]]:
    """The person's PGA referrals and PGA cases, for the access export that the PGA app shapes (metadata only; the
    caller logs the read, naming the person)."""
    _only_officer(user)
    referrals = list(Referral.objects.filter(person=person).order_by("created_at"))
    cases = list(PgaCase.objects.filter(person=person).select_related("case").order_by("included_on"))
    return referrals, cases


def meeting_items_of(user: Any, person: Person) -> list[AgendaItem]:
    """The agenda items of case meetings that discussed a case the person is in, each with its meeting, series
    and the data categories of its minutes (`minute_categories`), for the access export that the meetings app
    shapes (metadata only; the caller logs the read, naming the person)."""
    _only_officer(user)
    case_ids = CaseSubject.objects.filter(person=person).values("case_id")
    items = list(
        AgendaItem.objects.filter(case_id__in=case_ids)
        .select_related("meeting", "meeting__series", "case")
        .prefetch_related("minutes")
        .order_by("meeting__starts_at", "position")
    )
    for item in items:
        item.minute_categories = sorted({entry.category for entry in item.minutes.all()})  # type: ignore[attr-defined]
    return items


def person_names(user: Any, ids: Iterable[UUID]) -> dict[UUID, str]:
    """Names of the persons a page of the processing log names (for the privacy officer only)."""
    if not has_permission(user, "processing_log.view"):
        raise PermissionDenied
    wanted = {UUID(str(i)) for i in ids}
    if not wanted:
        return {}
    return {
        p.pk: str(p) for p in Person.objects.filter(pk__in=wanted).only("given_names", "prefix", "surname")
    }


def case_numbers(user: Any, ids: Iterable[str]) -> dict[str, str]:
    """Case numbers for the case ids a page of the processing log shows (metadata, no contents)."""
    if not has_permission(user, "processing_log.view"):
        raise PermissionDenied
    wanted = set()
    for value in ids:
        try:
            wanted.add(UUID(value))
        except ValueError:
            continue
    return {str(pk): number for pk, number in Case.objects.filter(pk__in=wanted).values_list("pk", "number")}


def persons_for_log_filter(user: Any, text: str) -> list[UUID]:
    """The persons a log filter 'naam of BSN' means (officer only): an exact BSN, or every word in the name."""
    if not has_permission(user, "processing_log.view"):
        raise PermissionDenied
    qs = Person.objects.all()
    text = text.strip()
    if text.isdigit():
        qs = qs.filter(bsn=text)
    else:
        for word in text.split():
            qs = qs.filter(
                Q(sort_name__icontains=word) | Q(given_names__icontains=word) | Q(surname__icontains=word)
            )
    return list(qs.values_list("pk", flat=True)[:200])


@dataclass(frozen=True)
class ExpiredCase:
    """A closed case whose retention term has ended: metadata only (the archivist sees no contents)."""

    case_id: UUID
    number: str
    case_type_id: UUID
    case_type_label: str
    closed_on: date


def closed_cases(case_types: Iterable[CaseType], closed_before: dict[UUID, date]) -> list[ExpiredCase]:
    """Closed cases of the given types closed before their type's cut-off date (system work: the nightly job)."""
    found: list[ExpiredCase] = []
    for case_type in case_types:
        cut_off = closed_before.get(case_type.pk)
        if cut_off is None:
            continue
        rows = Case.objects.filter(
            case_type=case_type, status="gesloten", closed_at__date__lt=cut_off
        ).values_list("pk", "number", "closed_at")
        found += [
            ExpiredCase(pk, number, case_type.pk, case_type.label, timezone.localdate(closed))
            for pk, number, closed in rows
        ]
    return sorted(found, key=lambda c: c.number)


def cases_on_hold(case_ids: Iterable[UUID]) -> dict[UUID, str]:
    """Cases whose retention clock stands still, with the reason (system work: the nightly job and destruction).

    A legal hold: a procedure still running, a request of a data subject in the case still open, or a park
    inspection or follow-up that still refers to the case."""
    ids = set(case_ids)
    held: dict[UUID, str] = {}
    for case_id in Procedure.objects.filter(case_id__in=ids, status="lopend").values_list(
        "case_id", flat=True
    ):
        held.setdefault(case_id, "Er loopt nog een procedure (bezwaar, beroep of handhaving).")
    open_requests = DataSubjectRequest.objects.filter(status="open").values("person_id")
    for case_id in CaseSubject.objects.filter(case_id__in=ids, person_id__in=open_requests).values_list(
        "case_id", flat=True
    ):
        held.setdefault(case_id, "Er loopt een verzoek van een betrokkene in deze casus.")
    for model in (Inspection, FollowUp):
        field = "case_id" if model is Inspection else "taken_up_case_id"
        for case_id in model.objects.filter(**{f"{field}__in": ids}).values_list(field, flat=True):
            held.setdefault(
                case_id, "Een inspectie of opvolging op een vakantiepark verwijst nog naar de casus."
            )
    return held


def case_for_destruction(case_id: UUID) -> Case | None:
    """The case of an approved destruction list, for the destruction itself (system work, no one reads it);
    None when it is already gone (a resumed run)."""
    return Case.objects.filter(pk=case_id, status="gesloten").first()
