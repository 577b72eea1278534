"""Addressees of a procedure: taken from the case's residents, owners and reporter, or added by hand."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.access.case_access import CaseAccess
from regie.accounts.models import User
from regie.cases.models import Case, CaseSubject, SubjectRole
from regie.cases.timeline import record
from regie.procedures.models import Addressee, AddresseeRole, Procedure, ProcedureStatus
from regie.processing_log.services import log_processing
from regie.subjects.models import Address

ROLE_FROM_SUBJECT = {
    SubjectRole.RESIDENT: AddresseeRole.RESIDENT,
    SubjectRole.OWNER: AddresseeRole.OWNER,
    SubjectRole.OCCUPANT: AddresseeRole.OCCUPANT,
    SubjectRole.INVOLVED: AddresseeRole.INVOLVED,
    SubjectRole.REPORTER: AddresseeRole.REPORTER,
}


def address_lines(address: Address | None) -> tuple[str, str]:
    """A Dutch postal address as two lines: street and number; postcode and place."""
    if address is None:
        return "", ""
    number = f"{address.house_number}{address.house_letter}"
    if address.addition:
        number += f"-{address.addition}"
    return f"{address.street} {number}", f"{address.postcode[:4]} {address.postcode[4:]}  {address.city}"


def case_addresses(case: Case) -> list[Address]:
    """The addresses in a case: its address subjects, then the addresses of its locations."""
    subjects = CaseSubject.objects.filter(case=case).select_related("address", "location__address")
    found: dict[object, Address] = {}
    for subject in subjects:
        address = subject.address or (subject.location.address if subject.location else None)
        if address is not None:
            found.setdefault(address.pk, address)
    return list(found.values())


def addressees_from_case(procedure: Procedure) -> list[Addressee]:
    """Create an addressee for every person or business in the case with an addressee role."""
    subjects = CaseSubject.objects.filter(
        case=procedure.case, role__in=list(ROLE_FROM_SUBJECT)
    ).select_related("person__address", "business__address")
    created = []
    for subject in subjects:
        target = subject.person or subject.business
        if target is None:
            continue
        street, postal = address_lines(target.address)
        created.append(
            Addressee.objects.create(
                procedure=procedure,
                role=ROLE_FROM_SUBJECT[SubjectRole(subject.role)],
                name=str(subject.person) if subject.person else subject.business.name,  # type: ignore[union-attr]
                address_line=street,
                postal_line=postal,
                person=subject.person,
                business=subject.business,
            )
        )
    return created


def procedure_addressee_add(
    *,
    actor: User,
    access: CaseAccess,
    procedure: Procedure,
    role: str,
    name: str,
    address_line: str,
    postal_line: str,
    request: HttpRequest | None = None,
) -> Addressee:
    """Add an addressee by hand (e.g. an owner who is not in the case); name and postal address required."""
    if not access.can_edit or access.case.pk != procedure.case_id:
        raise PermissionDenied
    errors: dict[str, str] = {}
    if role not in AddresseeRole.values:
        errors["role"] = "Kies een bestaande rol."
    for key, value, limit in (
        ("name", name, 200),
        ("address_line", address_line, 200),
        ("postal_line", postal_line, 120),
    ):
        if not value.strip():
            errors[key] = "Dit veld is verplicht."
        elif len(value.strip()) > limit:
            errors[key] = f"Gebruik hoogstens {limit} tekens."
    if procedure.status != ProcedureStatus.RUNNING:
        errors["procedure"] = "Deze procedure is afgerond."
    if not errors and procedure.addressees.filter(role=role, name__iexact=name.strip()).exists():
        errors["name"] = "Deze geadresseerde staat al in de procedure."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        addressee = Addressee.objects.create(
            procedure=procedure,
            role=role,
            name=name.strip(),
            address_line=address_line.strip(),
            postal_line=postal_line.strip(),
        )
        record(
            case=procedure.case,
            actor=actor,
            kind="procedure.addressee_added",
            summary=f"Geadresseerde toegevoegd aan de procedure: {addressee}",
            category=procedure.category,
        )
        log_processing(
            action="procedure.addressee_added",
            actor=actor,
            request=request,
            object_type="procedure",
            object_id=procedure.pk,
            details={"case": procedure.case.number, "role": role},
        )
    return addressee
