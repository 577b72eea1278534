"""Notes on a case, each tagged with a data category the author may see."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.access.case_access import CaseAccess
from regie.accounts.models import User
from regie.cases.models import CaseStatus, DataCategory, Note
from regie.cases.timeline import record
from regie.processing_log.services import log_processing

MAX_NOTE_LENGTH = 20000


def note_create(
    *, actor: User, access: CaseAccess, category: str, text: str, request: HttpRequest | None = None
) -> Note:
    """Add a note in a category the author is allowed to see (and so to write)."""
    errors: dict[str, str] = {}
    if category not in DataCategory.values:
        errors["category"] = "Kies een gegevenscategorie: algemeen, zorg of justitie."
    elif category not in access.categories:
        errors["category"] = "U mag in deze casus geen gegevens van deze categorie vastleggen."
    if not text.strip():
        errors["text"] = "De notitie is leeg."
    elif len(text) > MAX_NOTE_LENGTH:
        errors["text"] = f"Een notitie is hoogstens {MAX_NOTE_LENGTH} tekens."
    if access.case.status == CaseStatus.CLOSED:
        errors["text"] = "Deze casus is gesloten; er kan niets meer aan worden toegevoegd."
    elif not access.can_edit:
        errors["text"] = "U mag in deze casus alleen lezen."
    if errors:
        raise ValidationError(errors)
    case = access.case
    with transaction.atomic():
        note = Note.objects.create(case=case, author=actor, category=category, text=text.strip())
        Note.objects.filter(pk=note.pk).update(search_vector=SearchVector("text", config="dutch"))
        record(
            case=case,
            actor=actor,
            kind="note.added",
            summary=f"Notitie ({DataCategory(category).label}) door {actor}",
            category=category,
        )
        log_processing(
            action="case.note_added",
            actor=actor,
            request=request,
            object_type="note",
            object_id=note.pk,
            persons=list(case.subjects.filter(person__isnull=False).values_list("person_id", flat=True)),
            details={"case": case.number, "category": category},
        )
    return note
