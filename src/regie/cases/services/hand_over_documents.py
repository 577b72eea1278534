"""The documents chosen at a hand-over to the zaaksysteem (issue 21, item 5): each one becomes an
enkelvoudiginformatieobject in the Documenten API and is linked to the zaak with a zaakinformatieobject.

Only documents this user may see go (through the access door; one they may not see is a 404, as one that does not
exist). Idempotent in two ways. A document recorded for the case's hand-over (`CaseHandOverDocument`) is not sent
again to the same zaak. And a hand-over whose answer was lost looks up before it creates, at both ends: the
informatieobject by its identificatie (`REGIE-<document id>`) at the bronorganisatie, the link by the pair (zaak,
informatieobject), which the Zaken API keeps unique. Recording before linking alone would not do: an answer lost
on the create itself leaves Regie without the address to record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from regie.access.case_access import CaseAccess, documents_for
from regie.accounts.models import User
from regie.cases.models import CaseHandOver, CaseHandOverDocument, Document, ZaakTypeMapping
from regie.cases.services.documents import document_path
from regie.integrations.documenten import DocumentenClient, Informatieobject, configured_documenten_service
from regie.integrations.zaken import ZakenClient, ZakenError

MAX_DOCUMENTS = 20
NO_TYPE = (
    "Voor dit casustype is geen informatieobjecttype ingesteld; documenten kunnen nog niet mee naar het "
    "zaaksysteem. De functioneel beheerder legt dat vast bij de casustypen."
)
NO_SERVICE = "Er is geen Documenten API gekoppeld; documenten kunnen nu niet mee naar het zaaksysteem."


@dataclass(frozen=True)
class Sent:
    document: Document
    informatieobject_url: str
    zaakinformatieobject_url: str


def selected_documents(access: CaseAccess, ids: Iterable[object]) -> list[Document]:
    """The chosen documents through the door, in the order given; bad input is a Dutch ValidationError, a document
    that does not exist, is of another case or of a category this user lacks is a 404 alike."""
    raw = list(ids)
    if len(raw) > MAX_DOCUMENTS:
        raise ValidationError(
            {"documents": f"Kies hoogstens {MAX_DOCUMENTS} documenten per overdracht."}, code="too_many"
        )
    wanted: list[UUID] = []
    for value in raw:
        try:
            key = value if isinstance(value, UUID) else UUID(str(value))
        except ValueError as exc:
            raise ValidationError(
                {"documents": "Een gekozen document is geen geldig documentnummer."}, code="invalid"
            ) from exc
        if key not in wanted:
            wanted.append(key)
    if not wanted:
        return []
    found = {d.pk: d for d in documents_for(access).filter(pk__in=wanted)}
    if len(found) != len(wanted):
        raise Http404("Een gekozen document bestaat niet of u mag het niet zien.")
    return [found[key] for key in wanted]


def identificatie_of(document: Document) -> str:
    return f"REGIE-{document.pk.hex}"


def already_sent(previous: CaseHandOver | None) -> dict[UUID, CaseHandOverDocument]:
    if previous is None:
        return {}
    return {d.document_id: d for d in CaseHandOverDocument.objects.filter(hand_over=previous)}


def send_documents(
    zaken: ZakenClient,
    *,
    zaak_url: str,
    documents: Sequence[Document],
    mapping: ZaakTypeMapping,
    reason: str,
) -> list[Sent]:
    """Upload and link each document (looked up first at both ends); a failure is a ZakenError that says so."""
    if not documents:
        return []
    service = configured_documenten_service()
    if service is None:
        raise ZakenError(NO_SERVICE, unreachable=True)
    sent: list[Sent] = []
    try:
        with DocumentenClient(service) as client:
            for document in documents:
                ident = identificatie_of(document)
                found = client.find_informatieobject(
                    bronorganisatie=settings.REGIE_ZAKEN_RSIN, identificatie=ident
                )
                if found is None:
                    found = client.create_informatieobject(
                        Informatieobject(
                            identificatie=ident,
                            bronorganisatie=settings.REGIE_ZAKEN_RSIN,
                            creatiedatum=timezone.localdate(document.created_at),
                            titel=document.title,
                            auteur=_author(document),
                            formaat=document.content_type,
                            bestandsnaam=document.filename,
                            inhoud=document_path(document).read_bytes(),
                            informatieobjecttype=mapping.informatieobjecttype,
                            vertrouwelijkheidaanduiding=mapping.confidentiality,
                        ),
                        reason=reason,
                    )
                url = str(found["url"])
                link = zaken.find_link(zaak_url, url) or zaken.link_document(
                    zaak_url, url, titel=document.title, reason=reason
                )
                sent.append(Sent(document, url, str(link["url"])))
    except ZakenError as exc:
        raise ZakenError(
            f"Bij het overdragen van de documenten: {exc.message}",
            status=exc.status,
            unreachable=exc.unreachable,
            outside=exc.outside,
        ) from exc
    except OSError as exc:  # the stored file is gone or unreadable: nothing goes, nothing is recorded
        raise ZakenError("Een gekozen document kon niet worden gelezen uit de opslag van Regie.") from exc
    return sent


def _author(document: Document) -> str:
    who = document.uploaded_by
    return who.get_full_name().strip() or who.username


def record_documents(*, hand_over: CaseHandOver, sent: Sequence[Sent], actor: User) -> None:
    for item in sent:
        CaseHandOverDocument.objects.update_or_create(
            hand_over=hand_over,
            document=item.document,
            defaults={
                "informatieobject_url": item.informatieobject_url,
                "zaakinformatieobject_url": item.zaakinformatieobject_url,
                "handed_over_by": actor,
            },
        )
