"""Handing a case to the municipality's zaaksysteem through the Zaken API (issue 21, item 5).

A case becomes one zaak, identified by `REGIE-<case number>` at the municipality's RSIN: the zaaktype, roles and
statustypen come from the case type's mapping (a policy table the beheerder keeps). A second hand-over updates that
zaak and its roles, never a new one; a hand-over whose answer was lost (a timeout after the zaaksysteem acted) finds
the zaak by its identificatie before creating one. A hand-over that fails leaves the case's previous hand-over as it
was and is logged with the persons whose data was on its way; the message says in Dutch what went wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import CaseAccess
from regie.accounts.models import User
from regie.cases.models import (
    Case,
    CaseHandOver,
    CaseHandOverDocument,
    CaseStatus,
    CaseType,
    Confidentiality,
    SubjectRole,
    ZaakTypeMapping,
)
from regie.cases.services.hand_over_documents import (
    NO_TYPE,
    already_sent,
    record_documents,
    selected_documents,
    send_documents,
)
from regie.cases.timeline import record
from regie.core.errors import ConflictError
from regie.integrations.zaken import (
    NOT_CONFIGURED,
    Rol,
    Zaak,
    ZakenClient,
    ZakenError,
    configured_service,
    rol_from_answer,
)
from regie.processing_log.services import log_processing
from regie.subjects.models import Person

NO_MAPPING = (
    "Voor dit casustype is nog geen zaaktype ingesteld; de functioneel beheerder legt dat vast bij de "
    "casustypen."
)
NOT_ALLOWED = (
    "Alleen de coördinator of een teamlid dat mag bewerken draagt een casus over aan het zaaksysteem."
)
STALE = (
    "Iemand anders heeft deze zaaktypekoppeling intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen; "
    "laad de pagina opnieuw en voer ze nogmaals in."
)
REASON = "Overdracht vanuit Regie (casusregie zorg en veiligheid)"
_URL = URLValidator(schemes=["http", "https"])


class HandOverFailed(Exception):
    """The hand-over did not happen (or not completely); nothing changed in Regie. `message` is Dutch.

    `unavailable`: the zaaksysteem is not set up or could not be reached (try later), else it refused or failed.
    `status` is the HTTP status the API answers with: 503 unavailable, 502 refused or failed there, 409 when the
    case type has no zaaktype yet.
    """

    def __init__(self, message: str, *, unavailable: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.unavailable = unavailable
        self.status = status or (503 if unavailable else 502)


@dataclass(frozen=True)
class _Plan:
    zaak: Zaak
    roles: list[Rol]
    managed_roltypes: frozenset[str]  # the roles Regie keeps in step: the mapping's roltypes and earlier ones
    mapped_roltypes: list[str]  # the mapping's roltypes now (what the next hand-over must keep in step too)
    statustype: str
    persons: list[Any]


def identificatie_of(case: Case) -> str:
    return f"REGIE-{case.number}"


def _initials(given: str) -> str:
    return "".join(f"{part[0]}." for part in given.split() if part)[:20]


def _person_role(person: Person, roltype: str, role_label: str) -> Rol:
    ident = {
        "geslachtsnaam": person.surname[:200],
        "voorvoegselGeslachtsnaam": person.prefix[:80],
        "voornamen": person.given_names[:200],
        "voorletters": _initials(person.given_names),
    }
    if person.bsn:
        ident["inpBsn"] = person.bsn
    if person.birth_date:
        ident["geboortedatum"] = person.birth_date.isoformat()
    return Rol(
        roltype=roltype, betrokkene_type="natuurlijk_persoon", identificatie=ident, roltoelichting=role_label
    )


def _plan(case: Case, mapping: ZaakTypeMapping, earlier_roltypes: Sequence[str]) -> _Plan:
    zaak = Zaak(
        identificatie=identificatie_of(case),
        bronorganisatie=settings.REGIE_ZAKEN_RSIN,
        verantwoordelijke_organisatie=settings.REGIE_ZAKEN_RSIN,
        zaaktype=mapping.zaaktype,
        omschrijving=case.title,
        toelichting=f"Casus {case.number} ({case.case_type.label}) uit Regie.",
        startdatum=timezone.localdate(case.created_at),
        vertrouwelijkheidaanduiding=mapping.confidentiality,
    )
    roles: list[Rol] = []
    if mapping.coordinator_roltype:
        coordinator = case.coordinator
        roles.append(
            Rol(
                roltype=mapping.coordinator_roltype,
                betrokkene_type="medewerker",
                identificatie={
                    "identificatie": coordinator.username[:24],
                    "achternaam": (coordinator.last_name or coordinator.username)[:200],
                    "voorletters": _initials(coordinator.first_name),
                },
                roltoelichting="Coördinator van de casus in Regie",
            )
        )
    persons: list[Any] = []
    if mapping.person_roltype and mapping.person_roles:
        links = (
            case.subjects.filter(person__isnull=False, role__in=mapping.person_roles)
            .select_related("person")
            .order_by("created_at")
        )
        for link in links:
            if link.person is None or link.person_id in persons:
                continue
            persons.append(link.person_id)
            roles.append(_person_role(link.person, mapping.person_roltype, SubjectRole(link.role).label))
    mapped = sorted({r for r in (mapping.coordinator_roltype, mapping.person_roltype) if r})
    managed = frozenset([*mapped, *earlier_roltypes])
    statustype = mapping.closed_statustype if case.status == CaseStatus.CLOSED else mapping.open_statustype
    return _Plan(
        zaak=zaak,
        roles=roles,
        managed_roltypes=managed,
        mapped_roltypes=mapped,
        statustype=statustype,
        persons=persons,
    )


def _send(client: ZakenClient, plan: _Plan, known_url: str | None) -> tuple[dict[str, Any], bool]:
    """Create or update the zaak; (the zaak as answered, whether it was created)."""
    if known_url:
        try:
            return client.update_zaak(known_url, plan.zaak, reason=REASON), False
        except ZakenError as exc:
            # A zaak gone from the zaaksysteem, or one at an address the service no longer has (the zaaksysteem
            # moved): looked up by its identificatie (or made) again below.
            if exc.status != 404 and not exc.outside:
                raise
    found = client.find_zaak(bronorganisatie=plan.zaak.bronorganisatie, identificatie=plan.zaak.identificatie)
    if found is not None:
        return client.update_zaak(str(found["url"]), plan.zaak, reason=REASON), False
    return client.create_zaak(plan.zaak, reason=REASON), True


def _sync_roles(client: ZakenClient, zaak_url: str, plan: _Plan) -> None:
    """Make the zaak's roles of the mapped roltypes exactly the planned ones (other roles are left alone)."""
    wanted = {rol.key(): rol for rol in plan.roles}
    present: set[Any] = set()
    for answer in client.roles(zaak_url):
        rol = rol_from_answer(answer)
        if rol.roltype not in plan.managed_roltypes:
            continue
        if rol.key() in wanted and rol.key() not in present:
            present.add(rol.key())
        else:
            client.remove_role(str(answer["url"]), reason=REASON)
    for key, rol in wanted.items():
        if key not in present:
            client.add_role(zaak_url, rol, reason=REASON)


def case_hand_over(
    *,
    actor: User,
    access: CaseAccess,
    document_ids: Sequence[object] = (),
    request: HttpRequest | None = None,
) -> CaseHandOver:
    """Hand the case (running or closed) to the zaaksysteem as one zaak; again: update that zaak. The chosen
    documents (ids of documents this user may see) go along once each."""
    if not access.can_edit:
        raise PermissionDenied(NOT_ALLOWED)
    case = access.case
    documents = selected_documents(access, document_ids)
    mapping = ZaakTypeMapping.objects.filter(case_type_id=case.case_type_id).first()
    if mapping is None:
        raise HandOverFailed(NO_MAPPING, unavailable=False, status=409)
    if documents and not mapping.informatieobjecttype:
        raise HandOverFailed(NO_TYPE, unavailable=False, status=409)
    service = configured_service()
    if service is None or not settings.REGIE_ZAKEN_RSIN:
        raise HandOverFailed(NOT_CONFIGURED, unavailable=True)
    plan_persons: list[Any] = []
    to_send = [str(d.pk) for d in documents]
    try:
        with transaction.atomic():
            # One hand-over of a case at a time: a second click waits and then updates the zaak the first made.
            locked = Case.objects.select_related("case_type", "coordinator").select_for_update(of=("self",))
            case = locked.get(pk=case.pk)
            previous = CaseHandOver.objects.filter(case=case).first()
            plan = _plan(case, mapping, previous.roltypes if previous else ())
            plan_persons = plan.persons
            with ZakenClient(service) as client:
                zaak, created = _send(client, plan, previous.zaak_url if previous else None)
                zaak_url = str(zaak["url"])
                _sync_roles(client, zaak_url, plan)
                status_changed = plan.statustype and (
                    previous is None or previous.statustype != plan.statustype or not zaak.get("status")
                )
                if status_changed:
                    client.set_status(
                        zaak_url,
                        statustype=plan.statustype,
                        at=timezone.now(),
                        explanation=f"Status in Regie: {CaseStatus(case.status).label}",
                        reason=REASON,
                    )
                known = already_sent(previous)
                if previous is not None and previous.zaak_url != zaak_url:  # another zaak: its links are gone
                    CaseHandOverDocument.objects.filter(hand_over=previous).delete()
                    known = {}
                new_documents = [d for d in documents if d.pk not in known]
                to_send = [str(d.pk) for d in new_documents]
                sent = send_documents(
                    client, zaak_url=zaak_url, documents=new_documents, mapping=mapping, reason=REASON
                )
            hand_over = _store(actor=actor, case=case, previous=previous, zaak_url=zaak_url, plan=plan)
            record_documents(hand_over=hand_over, sent=sent, actor=actor)
            with_documents = f", met {len(sent)} document(en)" if sent else ""
            record(
                case=case,
                actor=actor,
                kind="case.handed_over",
                summary=f"Overgedragen aan het zaaksysteem als zaak {plan.zaak.identificatie}{with_documents}",
            )
            log_processing(
                action="case.handed_over",
                actor=actor,
                request=request,
                object_type="case",
                object_id=case.pk,
                persons=plan.persons,
                details={
                    "number": case.number,
                    "identificatie": plan.zaak.identificatie,
                    "created": created,
                    "roles": len(plan.roles),
                    "documents": [str(item.document.pk) for item in sent],
                    "documents_already_there": sorted(str(d.pk) for d in documents if d.pk in known),
                },
            )
    except ZakenError as exc:
        with transaction.atomic():
            log_processing(
                action="case.hand_over_failed",
                actor=actor,
                request=request,
                object_type="case",
                object_id=case.pk,
                persons=plan_persons,
                details={
                    "number": case.number,
                    "error": exc.message,
                    "status": exc.status,
                    "documents": to_send,
                },
            )
        raise HandOverFailed(
            f"De casus is niet overgedragen: {exc.message} Er is niets gewijzigd in Regie.",
            unavailable=exc.unreachable,
        ) from exc
    return hand_over


def _store(
    *, actor: User, case: Case, previous: CaseHandOver | None, zaak_url: str, plan: _Plan
) -> CaseHandOver:
    now = timezone.now()
    if previous is None:
        return CaseHandOver.objects.create(
            case=case,
            zaak_url=zaak_url,
            identificatie=plan.zaak.identificatie,
            statustype=plan.statustype,
            roltypes=plan.mapped_roltypes,
            handed_over_at=now,
            handed_over_by=actor,
            persons=len(plan.persons),
        )
    previous.zaak_url = zaak_url
    previous.statustype = plan.statustype
    previous.roltypes = plan.mapped_roltypes
    previous.handed_over_at = now
    previous.handed_over_by = actor
    previous.times += 1
    previous.persons = len(plan.persons)
    previous.save(
        update_fields=[
            "zaak_url",
            "statustype",
            "roltypes",
            "handed_over_at",
            "handed_over_by",
            "times",
            "persons",
            "updated_at",
        ]
    )
    return previous


def _check_url(errors: dict[str, str], name: str, value: str, *, required: bool = False) -> str:
    value = value.strip()
    if not value:
        if required:
            errors[name] = "Vul het adres (URL) in uit de Catalogi API van het zaaksysteem."
        return ""
    if len(value) > 1000:
        errors[name] = "Een adres is hoogstens 1000 tekens."
        return value
    try:
        _URL(value)
    except ValidationError:
        errors[name] = "Vul een volledig adres in dat begint met https:// (of http://)."
    return value


def zaak_mapping_save(
    *,
    actor: User,
    case_type: CaseType,
    zaaktype: str,
    coordinator_roltype: str = "",
    person_roltype: str = "",
    person_roles: Sequence[str] = (),
    open_statustype: str = "",
    closed_statustype: str = "",
    confidentiality: str = Confidentiality.CONFIDENTIAL,
    informatieobjecttype: str = "",
    version: int | None = None,
    request: HttpRequest | None = None,
) -> ZaakTypeMapping:
    """Set how cases of this type become zaken (create or change the mapping); a stale version conflicts."""
    errors: dict[str, str] = {}
    urls = {
        "zaaktype": _check_url(errors, "zaaktype", zaaktype, required=True),
        "coordinator_roltype": _check_url(errors, "coordinator_roltype", coordinator_roltype),
        "person_roltype": _check_url(errors, "person_roltype", person_roltype),
        "open_statustype": _check_url(errors, "open_statustype", open_statustype),
        "closed_statustype": _check_url(errors, "closed_statustype", closed_statustype),
        "informatieobjecttype": _check_url(errors, "informatieobjecttype", informatieobjecttype),
    }
    roles = sorted(set(person_roles))
    if any(r not in SubjectRole.values for r in roles):
        errors["person_roles"] = "Onbekende rol van een betrokkene."
    elif roles and not urls["person_roltype"] and "person_roltype" not in errors:
        errors["person_roltype"] = (
            "Kies het roltype waarin de betrokken personen meegaan, of kies geen personen."
        )
    if confidentiality not in Confidentiality.values:
        errors["confidentiality"] = "Kies een bestaande vertrouwelijkheid."
    if errors:
        raise ValidationError(errors)
    values: dict[str, Any] = {**urls, "person_roles": roles, "confidentiality": confidentiality}
    with transaction.atomic():
        mapping = ZaakTypeMapping.objects.select_for_update().filter(case_type=case_type).first()
        if mapping is None:
            mapping = ZaakTypeMapping.objects.create(case_type=case_type, **values)
            changed = sorted(values)
        else:
            if version is not None and mapping.version != version:
                raise ConflictError(STALE)
            changed = sorted(k for k, v in values.items() if getattr(mapping, k) != v)
            for key, value in values.items():
                setattr(mapping, key, value)
            mapping.version += 1
            mapping.save(update_fields=[*changed, "version", "updated_at"])
        log_processing(
            action="case_type.zaak_mapping_changed",
            actor=actor,
            request=request,
            object_type="case_type",
            object_id=case_type.pk,
            details={"code": case_type.code, "fields": changed},
        )
    return mapping
