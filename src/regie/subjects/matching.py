"""Finding the stored persons that may be a given identity: one indexed query, then scoring in Python.

The blocking keys (see `identity.blocking_keys`) are stored on every person and indexed with GIN, so the
candidates for a query are the persons sharing at least one key: one `&&` lookup on the index, capped. The
few candidates are then scored with `identity.rank_candidates`, which explains every score in Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Expression, IntegerField, QuerySet, Value, When

from regie.subjects.identity import Identity, rank_candidates
from regie.subjects.models import Person

# At most this many candidates are fetched and scored per query; the persons sharing the most (and the
# strongest) keys come first, so a common surname cannot push the right person out.
CANDIDATE_CAP = 200
_KEY_WEIGHTS = {"bsn": 8, "dob": 2, "dobswap": 1, "sx": 2, "pc": 1}


@dataclass(frozen=True)
class PersonMatch:
    """A stored person that may be the one looked for: score 0..100 and the Dutch reasons for it."""

    person: Person
    score: float
    reasons: tuple[str, ...]


def identity_from_person(person: Person) -> Identity:
    """Return what `person` says about its identity (address read from `person.address`, no query if loaded)."""
    address = person.address
    return Identity(
        bsn=person.bsn,
        given_names=person.given_names,
        prefix=person.prefix,
        surname=person.surname,
        birth_date=person.birth_date,
        postcode=address.postcode if address else None,
        house_number=address.house_number if address else None,
    )


def _shared_key_weight(keys: list[str]) -> Expression:
    """SQL expression: the summed weight of the query's keys that a row also has."""
    total: Expression = Value(0)
    for key in keys:
        weight = _KEY_WEIGHTS.get(key.split(":", 1)[0], 1)
        total = total + Case(
            When(blocking_keys__contains=[key], then=Value(weight)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return total


def match_persons(
    *,
    identity: Identity,
    candidates: QuerySet[Person] | None = None,
    limit: int = 10,
    minimum: float = 50.0,
) -> list[PersonMatch]:
    """Return at most `limit` active persons scoring at least `minimum`, best first, in exactly one query.

    Access: `candidates` is the set searched. When the result is shown to a user, pass
    `candidates=persons_visible_to(user)` (the access door) and log the lookup as a read; `None` searches all
    persons and is only for system work such as register imports. Merged persons are never returned.
    """
    keys = identity.blocking_keys()
    if not keys or limit <= 0:
        return []
    queryset = Person.objects.all() if candidates is None else candidates
    rows = list(
        queryset.filter(merged_into__isnull=True, blocking_keys__overlap=keys)
        .select_related("address")
        .annotate(shared_weight=_shared_key_weight(keys))
        .order_by("-shared_weight", "sort_name", "pk")[:CANDIDATE_CAP]
    )
    by_id: dict[object, Person] = {person.pk: person for person in rows}
    ranked = rank_candidates(
        identity,
        ((person.pk, identity_from_person(person)) for person in rows),
        minimum=minimum,
        limit=limit,
    )
    return [PersonMatch(by_id[result.candidate_id], result.score, result.reasons) for result in ranked]
