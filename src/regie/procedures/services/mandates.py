"""The mandate register: who signs which letter for the college or the mayor (a policy table the beheerder edits).

Rows are added, never changed: a new row from a later date takes over for the letters dated from then on, so a
letter already sent keeps the signatory it had. Every addition is logged.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest

from regie.accounts.models import User
from regie.procedures.definitions import SHIPPED
from regie.procedures.definitions.common import MAYOR
from regie.procedures.models import Mandate, MandateAuthority
from regie.processing_log.services import log_processing

MAX_NAME = 120
MAX_REFERENCE = 200


def letter_labels() -> dict[str, str]:
    """Every letter code of the shipped definitions with its label."""
    return {spec.code: spec.label for d in SHIPPED.values() for spec in d.letters().values()}


def authority_of(spec_authority: str) -> str:
    """The register's authority code for a letter's deciding body ("de burgemeester" or the college)."""
    return MandateAuthority.MAYOR if spec_authority == MAYOR else MandateAuthority.COLLEGE


def mandate_for(spec_authority: str, code: str, on_date: date) -> Mandate | None:
    """The row that signs this letter on this date: one for this letter goes before one for every letter."""
    rows = Mandate.objects.filter(authority=authority_of(spec_authority), valid_from__lte=on_date).filter(
        Q(letter_code=code) | Q(letter_code="")
    )
    return next(iter(sorted(rows, key=lambda m: (m.letter_code == "", -m.valid_from.toordinal()))), None)


# Who holds the mayor's powers by law (Gemeentewet art. 77: a wethouder replaces an absent mayor), not by mandate.
OWN_RIGHT_FUNCTIONS = frozenset({"burgemeester", "waarnemend burgemeester", "loco-burgemeester"})


def signs_in_own_right(mandate: Mandate) -> bool:
    """The mayor signs his own decision (art. 13b Opiumwet is his own power): no 'namens deze(n)' line then."""
    return (
        mandate.authority == MandateAuthority.MAYOR
        and mandate.signatory_function.strip().lower() in OWN_RIGHT_FUNCTIONS
    )


def mandate_create(
    *,
    actor: User | None,
    authority: str,
    letter_code: str,
    signatory_name: str,
    signatory_function: str,
    mandate_reference: str,
    valid_from: date,
    request: HttpRequest | None = None,
) -> Mandate:
    """Add a row to the register; refused whole, with a Dutch message per field, on bad input."""
    errors: dict[str, str] = {}
    if authority not in MandateAuthority.values:
        errors["authority"] = "Bestuursorgaan: kies het college of de burgemeester."
    if letter_code and letter_code not in letter_labels():
        errors["letter_code"] = "Brief: kies een bestaande brief, of laat leeg voor alle brieven."
    for field, value, label, limit in (
        ("signatory_name", signatory_name, "Naam ondertekenaar", MAX_NAME),
        ("signatory_function", signatory_function, "Functie ondertekenaar", MAX_NAME),
        ("mandate_reference", mandate_reference, "Mandaatbesluit", MAX_REFERENCE),
    ):
        if not value.strip():
            errors[field] = f"{label}: vul dit in."
        elif len(value.strip()) > limit:
            errors[field] = f"{label}: gebruik hoogstens {limit} tekens."
    if valid_from.year < 1990:
        errors["valid_from"] = "Geldig vanaf: de datum ligt te ver in het verleden."
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            row = Mandate.objects.create(
                authority=authority,
                letter_code=letter_code,
                signatory_name=signatory_name.strip(),
                signatory_function=signatory_function.strip(),
                mandate_reference=mandate_reference.strip(),
                valid_from=valid_from,
                created_by=actor,
            )
            log_processing(
                action="mandate.created",
                actor=actor,
                request=request,
                object_type="mandate",
                object_id=row.pk,
                details={
                    "authority": authority,
                    "letterCode": letter_code,
                    "validFrom": valid_from.isoformat(),
                },
            )
    except IntegrityError as exc:
        raise ValidationError(
            {
                "valid_from": "Geldig vanaf: er is al een regel voor dit bestuursorgaan en deze brief op die datum."
            }
        ) from exc
    return row
