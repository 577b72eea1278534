"""'BRP bijwerken' on a person: the person's name, birth date and home address from the BRP (issue 21).

The BRP is asked with the person's BSN for exactly the fields this purpose needs (`PURPOSE`), outside any database
transaction; only a good answer changes the record, in one transaction with its log entry. A failure, an odd
answer or no person for the BSN changes nothing, is logged, and comes back as a Dutch message.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access.subject_access import may_edit_person, may_see_bsn
from regie.accounts.models import User
from regie.integrations.brp import BrpAddress, BrpClient, BrpError, Purpose
from regie.integrations.brp import configured as brp_configured
from regie.processing_log.actions import CASUSREGIE
from regie.processing_log.services import log_processing
from regie.subjects.identity import bsn_error
from regie.subjects.models import Address, BrpRetrieval, Person
from regie.subjects.services import RegisterUnavailable, address_get_or_create, brp_failed, person_update

PURPOSE = Purpose(
    code="casusregie-identificatie",
    activity=CASUSREGIE,
    fields=(
        "burgerservicenummer", "naam.voornamen", "naam.voorvoegsel", "naam.geslachtsnaam", "geboorte.datum",
        "verblijfplaats.verblijfadres.officieleStraatnaam", "verblijfplaats.verblijfadres.huisnummer",
        "verblijfplaats.verblijfadres.huisletter", "verblijfplaats.verblijfadres.huisnummertoevoeging",
        "verblijfplaats.verblijfadres.postcode", "verblijfplaats.verblijfadres.woonplaats",
        "verblijfplaats.nummeraanduidingIdentificatie", "verblijfplaats.adresseerbaarObjectIdentificatie",
    ),
)  # fmt: skip
NO_BSN = (
    "Van deze persoon is geen BSN bekend; de BRP wordt alleen op BSN geraadpleegd. Vul eerst het BSN aan."
)
NOT_FOUND = "De BRP kent geen (levende) persoon met dit BSN; er is niets gewijzigd."


def may_refresh_from_brp(user: Any, person: Person) -> bool:
    """A municipal case role that sees BSNs and may edit a case the person is in."""
    return may_see_bsn(user) and may_edit_person(user, person)


def last_retrieval(person: Person) -> BrpRetrieval | None:
    return person.brp_retrievals.order_by("-retrieved_at").first()


def _home(actor: User, found: BrpAddress | None) -> Address | None:
    if found is None or not found.house_number or not found.postcode:
        return None
    address = address_get_or_create(
        actor=actor, postcode=found.postcode, house_number=found.house_number, street=found.street or "onbekend",
        city=found.city or "onbekend", house_letter=found.house_letter, addition=found.addition,
    )  # fmt: skip
    if found.nummeraanduiding_id and found.adresseerbaar_object_id:
        # The BRP's address is the BAG's: its ids mark it as checked.
        Address.objects.filter(pk=address.pk).update(
            bag_id=found.nummeraanduiding_id, bag_object_id=found.adresseerbaar_object_id,
            bag_checked_at=timezone.now(), updated_at=timezone.now(),
        )  # fmt: skip
        address.refresh_from_db()
    return address


def person_brp_refresh(*, actor: User, person: Person, request: HttpRequest | None = None) -> BrpRetrieval:
    if not may_refresh_from_brp(actor, person):
        raise PermissionDenied
    if not brp_configured():
        raise RegisterUnavailable(
            "De BRP is niet gekoppeld; de gegevens kunnen niet worden bijgewerkt.", status=503
        )
    if not person.bsn:
        raise ValidationError({"bsn": NO_BSN})
    message = bsn_error(person.bsn)
    if message:
        raise ValidationError({"bsn": message})
    try:
        found = BrpClient.from_settings().person(person.bsn, purpose=PURPOSE)
    except BrpError as error:
        raise brp_failed(actor=actor, error=error, purpose=PURPOSE, person=person, request=request) from None
    details: dict[str, Any] = {"velden": list(PURPOSE.fields), "aantal": 1 if found else 0}
    if found is None or found.bsn != person.bsn:
        log_processing(
            action="person.brp_retrieved", actor=actor, request=request, object_type="person", object_id=person.pk,
            persons=[person.pk], purpose=PURPOSE.code, details=details,
        )  # fmt: skip
        raise ValidationError({"bsn": NOT_FOUND})
    with transaction.atomic():
        wanted: dict[str, Any] = {
            "surname": found.surname,
            "given_names": found.given_names,
            "prefix": found.prefix.lower(),
            "birth_date": found.birth_date,
        }
        home = _home(actor, found.address)
        if home is not None:
            wanted["address"] = home
        changes = {key: value for key, value in wanted.items() if value and getattr(person, key) != value}
        if changes:
            person_update(actor=actor, person=person, version=None, request=request, **changes)
        retrieval = BrpRetrieval.objects.create(
            person=person, purpose=PURPOSE.code, retrieved_by=actor, retrieved_at=timezone.now()
        )
        log_processing(
            action="person.brp_retrieved", actor=actor, request=request, object_type="person", object_id=person.pk,
            persons=[person.pk], purpose=PURPOSE.code, details={**details, "gewijzigd": sorted(changes)},
        )  # fmt: skip
    return retrieval
