"""Merging two records of one person: the duplicate row stays as history and points to the survivor."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.cases.models import Case, CaseSubject
from regie.cases.timeline import record
from regie.processing_log.services import log_processing
from regie.subjects.identity import PersonName
from regie.subjects.models import Person, PersonMerge
from regie.subjects.services import person_keys, refresh_person_search

# Fields the survivor takes over from the duplicate when its own are empty (attribute names).
FILLABLE = ("bsn", "given_names", "birth_date", "email", "phone", "address_id")
REASON_MAX = 300

SAME_PERSON = "Een persoon kan niet met zichzelf worden samengevoegd."
GONE = "Een van beide personen bestaat niet meer; laad de pagina opnieuw."
ALREADY_MERGED = "Deze persoon is al samengevoegd met een andere persoon."
SURVIVOR_MERGED = (
    "De persoon die blijft is zelf al samengevoegd met een andere persoon; kies die andere persoon."
)
OTHER_BSN = (
    "Deze personen hebben verschillende BSN's: het zijn twee verschillende mensen. Zij worden niet "
    "samengevoegd."
)


def _snapshot(person: Person, links: list[CaseSubject]) -> dict[str, Any]:
    """The duplicate as it was before the merge, JSON-safe."""
    return {
        "id": str(person.pk),
        "bsn": person.bsn,
        "given_names": person.given_names,
        "prefix": person.prefix,
        "surname": person.surname,
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "email": person.email,
        "phone": person.phone,
        "address_id": str(person.address_id) if person.address_id else None,
        "address": str(person.address) if person.address_id else "",
        "version": person.version,
        "created_at": person.created_at.isoformat(),
        "case_links": [
            {"id": str(link.pk), "case_id": str(link.case_id), "role": link.role} for link in links
        ],
    }


def _validate(survivor: Person, duplicate: Person) -> None:
    if duplicate.merged_into_id is not None:
        raise ValidationError(ALREADY_MERGED)
    if survivor.merged_into_id is not None:
        raise ValidationError(SURVIVOR_MERGED)
    if survivor.bsn and duplicate.bsn and survivor.bsn != duplicate.bsn:
        raise ValidationError(OTHER_BSN)


def _move_case_links(*, actor: User, survivor: Person, links: list[CaseSubject]) -> list[str]:
    """Point the duplicate's case links to the survivor; a link the survivor already has goes. Case ids."""
    have = set(CaseSubject.objects.filter(person=survivor).values_list("case_id", "role"))
    moved, dropped = [], []
    for link in links:
        if (link.case_id, link.role) in have:
            dropped.append(link.pk)
        else:
            moved.append(link.pk)
            have.add((link.case_id, link.role))
    CaseSubject.objects.filter(pk__in=moved).update(person=survivor, updated_at=timezone.now())
    CaseSubject.objects.filter(pk__in=dropped).delete()
    case_ids = sorted({link.case_id for link in links}, key=str)
    for case in Case.objects.filter(pk__in=case_ids).order_by("pk"):
        record(case=case, actor=actor, kind="subject.merged", summary=f"Persoon samengevoegd met {survivor}")
    return [str(case_id) for case_id in case_ids]


def person_merge(
    *,
    actor: User,
    survivor: Person,
    duplicate: Person,
    reason: str,
    request: HttpRequest | None = None,
) -> Person:
    """Merge `duplicate` into `survivor` in one transaction; both rows locked, history kept, or nothing changes.

    The survivor takes over the duplicate's case links and fills its empty fields from it; the duplicate
    keeps its row, pointing to the survivor, with its BSN cleared (the snapshot keeps it). Refused: a person
    into itself, an already merged person, two different BSNs. Callers fetch both persons through the door.
    """
    reason = reason.strip()
    if survivor.pk == duplicate.pk:
        raise ValidationError(SAME_PERSON)
    if not reason:
        raise ValidationError({"reason": "Vul de reden van de samenvoeging in."})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"De reden is te lang (hoogstens {REASON_MAX} tekens)."})
    with transaction.atomic():
        # Lock in primary-key order, so two merges of the same pair cannot deadlock.
        rows = Person.objects.select_for_update().filter(pk__in=[survivor.pk, duplicate.pk]).order_by("pk")
        locked = {person.pk: person for person in rows}
        if len(locked) != 2:
            raise ValidationError(GONE)
        keep, gone = locked[survivor.pk], locked[duplicate.pk]
        _validate(keep, gone)
        links = list(CaseSubject.objects.select_for_update().filter(person=gone).order_by("pk"))
        snapshot = _snapshot(gone, links)
        filled = [field for field in FILLABLE if not getattr(keep, field) and getattr(gone, field)]
        for field in filled:
            setattr(keep, field, getattr(gone, field))

        gone.merged_into = keep
        gone.bsn = None
        gone.blocking_keys = []  # never a candidate again
        gone.version += 1
        gone.save(update_fields=["merged_into", "bsn", "blocking_keys", "version", "updated_at"])
        earlier = list(Person.objects.filter(merged_into=gone).values_list("pk", flat=True))
        Person.objects.filter(pk__in=earlier).update(merged_into=keep)  # chains stay one step long

        keep.sort_name = PersonName(keep.given_names, keep.prefix, keep.surname).sort_key()
        keep.blocking_keys = person_keys(keep)
        keep.version += 1
        update_fields = [f.removesuffix("_id") for f in filled]
        keep.save(update_fields=[*update_fields, "sort_name", "blocking_keys", "version", "updated_at"])
        refresh_person_search(keep)

        case_ids = _move_case_links(actor=actor, survivor=keep, links=links)
        merge = PersonMerge.objects.create(
            survivor=keep, merged=gone, merged_by=actor, reason=reason, snapshot=snapshot
        )
        log_processing(
            action="person.merged",
            actor=actor,
            request=request,
            object_type="person",
            object_id=keep.pk,
            persons=[keep.pk, gone.pk],
            details={
                "survivor": str(keep.pk),
                "merged": str(gone.pk),
                "merge": str(merge.pk),
                "filled": [f.removesuffix("_id") for f in filled],
                "cases": case_ids,
                "earlier_merged": [str(pk) for pk in earlier],
            },
        )
    return keep
