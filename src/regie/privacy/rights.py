"""Rectification, restriction and objection (AVG art. 16, 18, 21), and parts of an access export held back on a
legal ground (AVG art. 23, UAVG art. 41): each in one transaction with its log entry.

A request is taken in as an access request is (identity checked, one month, extendable by two with a reason, AVG
art. 12(3)); the officer decides with reasons. Its effect follows the decision: a granted rectification changes the
person through the subjects' own service (`person_update`); a granted restriction marks the person's data as only
stored (`ProcessingRestriction`, shown on every page that shows the person; reads still go through the door); an
objection is decided by weighing the data subject's particular situation against compelling legitimate grounds
for the processing, and when granted it marks the data in the same way."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.core.periods import add_months
from regie.privacy.models import (
    DataSubjectRequest,
    ProcessingRestriction,
    RequestDecision,
    RequestKind,
    RequestStatus,
    Withholding,
    WithholdingGround,
)
from regie.privacy.services import _locked, _next_reference
from regie.processing_log.services import log_processing
from regie.subjects.models import Person
from regie.subjects.services import person_update

PURPOSES = {
    RequestKind.RECTIFICATION: "Verzoek van een betrokkene (AVG art. 16)",
    RequestKind.RESTRICTION: "Verzoek van een betrokkene (AVG art. 18)",
    RequestKind.OBJECTION: "Verzoek van een betrokkene (AVG art. 21)",
    RequestKind.ACCESS: "Verzoek van een betrokkene (AVG art. 15)",
}
# The person's data a rectification may correct, with their Dutch names (the BSN and the address come from the BRP).
RECTIFIABLE = {
    "surname": "achternaam",
    "prefix": "tussenvoegsel",
    "given_names": "voornamen",
    "birth_date": "geboortedatum",
    "email": "e-mailadres",
    "phone": "telefoonnummer",
}


def rights_request_create(
    *,
    actor: Any,
    person: Person,
    kind: str,
    received_on: date,
    identity_check: str,
    subject_matter: str,
    rectify_field: str = "",
    rectify_value: str = "",
    request: HttpRequest | None = None,
) -> DataSubjectRequest:
    """Take in a request of rectification, restriction or objection; the deadline is one month (art. 12(3))."""
    errors: dict[str, str] = {}
    if kind not in (RequestKind.RECTIFICATION, RequestKind.RESTRICTION, RequestKind.OBJECTION):
        errors["kind"] = "Kies rectificatie, beperking of bezwaar."
    if not identity_check.strip():
        errors["identity_check"] = (
            "Leg vast hoe u de identiteit van de verzoeker hebt vastgesteld (bijv. paspoort gezien aan de balie)."
        )
    if received_on > timezone.localdate():
        errors["received_on"] = "De datum van ontvangst ligt in de toekomst."
    if not subject_matter.strip():
        errors["subject_matter"] = "Beschrijf wat de betrokkene vraagt (bij bezwaar: de bijzondere situatie)."
    if kind == RequestKind.RECTIFICATION:
        if rectify_field not in RECTIFIABLE:
            errors["rectify_field"] = "Kies welk gegeven verbeterd moet worden."
        elif not rectify_value.strip() and rectify_field in ("surname", "given_names", "birth_date"):
            errors["rectify_value"] = "Geef de juiste waarde van het gegeven."
        elif rectify_field == "birth_date":
            try:
                date.fromisoformat(rectify_value.strip())
            except ValueError:
                errors["rectify_value"] = (
                    "Geef de juiste geboortedatum als jjjj-mm-dd, bijvoorbeeld 1980-05-14."
                )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        dsr = DataSubjectRequest.objects.create(
            reference=_next_reference(received_on.year),
            kind=kind,
            person=person,
            received_on=received_on,
            deadline=add_months(received_on, 1),
            identity_check=identity_check.strip(),
            identity_checked_by=actor,
            subject_matter=subject_matter.strip(),
            rectify_field=rectify_field if kind == RequestKind.RECTIFICATION else "",
            rectify_value=rectify_value.strip() if kind == RequestKind.RECTIFICATION else "",
        )
        log_processing(
            action="data_subject_request.created",
            actor=actor,
            request=request,
            object_type="data_subject_request",
            object_id=dsr.pk,
            persons=[person.pk],
            purpose=PURPOSES[RequestKind(kind)],
            details={"reference": dsr.reference, "kind": kind, "deadline": dsr.deadline.isoformat()},
        )
    return dsr


def rights_request_decide(
    *,
    actor: Any,
    dsr: DataSubjectRequest,
    decision: str,
    reasons: str,
    version: int | None = None,
    request: HttpRequest | None = None,
) -> DataSubjectRequest:
    """Decide with reasons, and carry out what the decision grants; the request is then done."""
    errors: dict[str, str] = {}
    if decision not in RequestDecision.values:
        errors["decision"] = "Kies toewijzen, deels toewijzen of afwijzen."
    if not reasons.strip():
        errors["reasons"] = (
            "Geef de afweging: de bijzondere situatie van de betrokkene tegenover de dwingende gerechtvaardigde "
            "gronden voor de verwerking (AVG art. 21)."
            if dsr.kind == RequestKind.OBJECTION
            else "Geef de motivering van het besluit; de betrokkene krijgt die te horen."
        )
    if dsr.kind == RequestKind.ACCESS:
        errors["decision"] = "Een verzoek om inzage wordt afgehandeld met het inzage-overzicht."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(dsr, version)
        granted = decision in (RequestDecision.GRANTED, RequestDecision.PARTLY)
        if granted and current.kind == RequestKind.RECTIFICATION:
            value: Any = current.rectify_value
            if current.rectify_field == "birth_date":
                value = date.fromisoformat(value)
            person_update(
                actor=actor,
                person=current.person,
                version=None,
                request=request,
                **{current.rectify_field: value},
            )
        if granted and current.kind in (RequestKind.RESTRICTION, RequestKind.OBJECTION):
            ProcessingRestriction.objects.create(
                person_id=current.person_id,
                request=current,
                reason=f"{current.get_kind_display()} {current.reference}: {reasons.strip()}",
            )
        current.decision = decision
        current.decision_reasons = reasons.strip()
        current.decided_by = actor
        current.status = RequestStatus.DONE
        current.completed_at = timezone.now()
        current.version += 1
        current.save()
        log_processing(
            action="data_subject_request.decided",
            actor=actor,
            request=request,
            object_type="data_subject_request",
            object_id=current.pk,
            persons=[current.person_id],
            purpose=PURPOSES[RequestKind(current.kind)],
            details={"reference": current.reference, "kind": current.kind, "decision": decision},
        )
    return current


def restriction_lift(
    *, actor: Any, restriction: ProcessingRestriction, reason: str, request: HttpRequest | None = None
) -> ProcessingRestriction:
    """End a restriction (art. 18(3): the data subject is told before it is lifted)."""
    if not reason.strip():
        raise ValidationError({"reason": "Geef de reden om de beperking op te heffen."})
    with transaction.atomic():
        locked = ProcessingRestriction.objects.select_for_update().get(pk=restriction.pk)
        if locked.lifted_at:
            raise ValidationError({"__all__": "Deze beperking is al opgeheven."})
        locked.lifted_at = timezone.now()
        locked.save(update_fields=["lifted_at", "updated_at"])
        log_processing(
            action="data_subject_request.restriction_lifted",
            actor=actor,
            request=request,
            object_type="data_subject_request",
            object_id=locked.request_id,
            persons=[locked.person_id],
            purpose=PURPOSES[RequestKind.RESTRICTION],
            details={"reason": reason.strip()},
        )
    return locked


def withholding_record(
    *,
    actor: Any,
    dsr: DataSubjectRequest,
    item: str,
    items: dict[str, str],
    ground: str,
    explanation: str,
    request: HttpRequest | None = None,
) -> Withholding:
    """Hold one part of the access export back on a legal ground (the officer approves it by recording it).

    `items` are the parts the export holds (key → label), as `export.withholdable_items` gives them."""
    errors: dict[str, str] = {}
    if item not in items:
        errors["item"] = "Kies een onderdeel van het inzage-overzicht."
    if ground not in WithholdingGround.values:
        errors["ground"] = "Kies de wettelijke grond om het onderdeel achter te houden."
    if not explanation.strip():
        errors["explanation"] = "Licht toe waarom dit onderdeel wordt achtergehouden."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(dsr, None)
        if current.withholdings.filter(item=item).exists():
            raise ValidationError({"item": "Dit onderdeel wordt al achtergehouden."})
        withholding = Withholding.objects.create(
            request=current,
            item=item,
            item_label=items[item],
            ground=ground,
            explanation=explanation.strip(),
            approved_by=actor,
        )
        log_processing(
            action="data_subject_request.withheld",
            actor=actor,
            request=request,
            object_type="data_subject_request",
            object_id=current.pk,
            persons=[current.person_id],
            purpose=PURPOSES[RequestKind.ACCESS],
            details={"reference": current.reference, "item": item, "ground": ground},
        )
    return withholding
