"""Hit/no-hit (Verwijsindex/KEDO model): is this person known in a current case elsewhere, and whom to contact.

The answer is only "known" or "not known" plus contacts — never a case number, type or content — and every
question is logged, with the persons it concerned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from regie.access.case_access import may_see_cases
from regie.cases.models import Case, CaseStatus
from regie.processing_log.services import log_processing
from regie.subjects.identity import Identity, bsn_error, normalize_bsn, score_match
from regie.subjects.models import Person

NAME_MATCH_MINIMUM = 85.0


@dataclass(frozen=True)
class HitCheckAnswer:
    known: bool
    contacts: list[dict[str, str]] = field(default_factory=list)


def _matching_person_ids(
    *, bsn: str | None, surname: str, prefix: str, given_names: str, birth_date: date | None
) -> list[Any]:
    if bsn:
        return list(Person.objects.filter(bsn=bsn, merged_into__isnull=True).values_list("pk", flat=True))
    query = Identity(surname=surname, prefix=prefix, given_names=given_names, birth_date=birth_date)
    # Exact birth date (indexed), then the name must match closely: a hit check must not guess.
    candidates = Person.objects.filter(merged_into__isnull=True, birth_date=birth_date).order_by("sort_name")
    found = []
    for person in candidates[:200]:
        candidate = Identity(
            surname=person.surname,
            prefix=person.prefix,
            given_names=person.given_names,
            birth_date=person.birth_date,
        )
        score, _ = score_match(query, candidate)
        if score >= NAME_MATCH_MINIMUM:
            found.append(person.pk)
    return found


def hit_check(
    *,
    actor: Any,
    bsn: str = "",
    surname: str = "",
    prefix: str = "",
    given_names: str = "",
    birth_date: date | None = None,
    request: HttpRequest | None = None,
) -> HitCheckAnswer:
    """Answer known/not known with the coordinators to contact; asks by BSN, or by name plus birth date."""
    if not may_see_cases(actor):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if bsn:
        message = bsn_error(bsn)
        if message:
            errors["bsn"] = message
    elif not (surname.strip() and birth_date):
        errors["bsn"] = "Vraag op BSN, of op achternaam en geboortedatum samen."
    if errors:
        raise ValidationError(errors)
    person_ids = _matching_person_ids(
        bsn=normalize_bsn(bsn) if bsn else None,
        surname=surname.strip(),
        prefix=prefix.strip(),
        given_names=given_names.strip(),
        birth_date=birth_date,
    )
    if actor.organisation is None:
        raise PermissionDenied
    coordinators = (
        Case.objects.filter(
            subjects__person__in=person_ids, municipality_id=actor.organisation.municipality_id
        )
        .exclude(status=CaseStatus.CLOSED)
        .values(
            "coordinator__first_name",
            "coordinator__last_name",
            "coordinator__organisation__name",
            "coordinator__phone",
            "coordinator__email",
        )
        .distinct()
    )
    contacts = (
        [
            {
                "name": f"{c['coordinator__first_name']} {c['coordinator__last_name']}".strip(),
                "organisation": c["coordinator__organisation__name"] or "",
                "phone": c["coordinator__phone"] or "",
                "email": c["coordinator__email"] or "",
            }
            for c in coordinators
        ]
        if person_ids
        else []
    )
    answer = HitCheckAnswer(known=bool(contacts), contacts=sorted(contacts, key=lambda c: c["name"]))
    log_processing(
        action="hit_check.asked",
        actor=actor,
        request=request,
        object_type="hit_check",
        persons=person_ids,
        purpose="hit/no-hit-bevraging",
        details={"by": "bsn" if bsn else "naam+geboortedatum", "known": answer.known},
    )
    return answer
