"""Letter templates and letters: upload and versioning by the functional administrator, generation on the case.

Templates are docxtpl (.docx with {{ merge_field }} tags) rendered in a Jinja sandbox with autoescaping, so a
template can neither reach Python objects nor break the document's XML. A template that uses a merge field
the letter does not know is refused at upload, and rendering fails loudly on anything undefined.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from regie.access.case_access import CaseAccess
from regie.accounts.models import User
from regie.cases.models import Document
from regie.cases.services.documents import document_upload
from regie.procedures.definitions.schema import Definition, LetterSpec
from regie.procedures.models import Addressee, AddresseeRole, Letter, LetterTemplate, Procedure, Transition
from regie.procedures.services.letter_context import LetterContext, allowed_fields, letter_codes
from regie.processing_log.services import log_processing

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "letter_templates"
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
DOCX_MAGIC = b"PK\x03\x04"
# Letters about an objection that go only to the addressees who objected, whatever the definition says.
OBJECTORS_ONLY = frozenset({"objection-extension"})


@dataclass(frozen=True)
class TemplateSource:
    code: str
    version: int
    content: bytes
    shipped: bool


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def template_for(code: str) -> TemplateSource:
    """The template in use for a letter code: the latest uploaded version, else the one Regie ships (v1)."""
    row = LetterTemplate.objects.filter(code=code).order_by("-version").first()
    if row is not None:
        return TemplateSource(code, row.version, bytes(row.content), shipped=False)
    path = SHIPPED_DIR / f"{code}.docx"
    if not path.exists():
        raise ValidationError({"letter": f"Er is geen sjabloon voor brief '{code}'."})
    return TemplateSource(code, 1, path.read_bytes(), shipped=True)


def template_fields(content: bytes) -> set[str]:
    """The merge fields a .docx template uses; raises ValidationError when it is no valid template."""
    if not content.startswith(DOCX_MAGIC):
        raise ValidationError({"file": "Dit is geen Word-bestand (.docx)."})
    try:
        template = DocxTemplate(io.BytesIO(content))
        return set(template.get_undeclared_template_variables(_environment()))
    except TemplateError as exc:
        raise ValidationError(
            {"file": f"Het sjabloon bevat een fout in een samenvoegveld of opdracht: {exc.message}"}
        ) from exc
    except Exception as exc:
        raise ValidationError({"file": "Dit Word-bestand kan niet worden gelezen als sjabloon."}) from exc


class _Empty(str):
    """An empty merge field: false in `{% if %}`, so a template may leave a passage out on it, but a marker when
    printed, so an empty field that would reach the letter is found after rendering."""

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:
        return 0


EMPTY_MARK = "\u27e6leeg:"
_EMPTY_FOUND = re.compile(r"\u27e6leeg:([a-z0-9_]+)\u27e7", re.IGNORECASE)


class EmptyFieldError(ValueError):
    """A merge field without a value would reach the letter; `fields` names them."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__(", ".join(fields))
        self.fields = fields


def _rendered_text(document: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        return "".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        )


def render(content: bytes, values: dict[str, str], *, refuse_empty: bool = False) -> bytes:
    """The filled-in .docx; with `refuse_empty`, an EmptyFieldError when an empty field would be printed."""
    template = DocxTemplate(io.BytesIO(content))
    env = _environment()
    if refuse_empty:
        values = {k: v if v else _Empty(f"{EMPTY_MARK}{k}\u27e7") for k, v in values.items()}
    template.render(values, env, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    document = out.getvalue()
    if refuse_empty:
        found = sorted({m.lower() for m in _EMPTY_FOUND.findall(_rendered_text(document))})
        if found:
            raise EmptyFieldError(found)
    return document


def letter_template_upload(
    *,
    actor: User,
    code: str,
    filename: str,
    content: bytes,
    note: str = "",
    request: HttpRequest | None = None,
) -> LetterTemplate:
    """Store a new version of a template; refused when it is no .docx or uses an unknown merge field."""
    codes = letter_codes()
    if code not in codes:
        raise ValidationError({"code": "Kies een bestaande brief."})
    if not content:
        raise ValidationError({"file": "Het bestand is leeg."})
    if len(content) > MAX_TEMPLATE_BYTES:
        raise ValidationError({"file": "Een sjabloon is hoogstens 5 MB."})
    if len(note) > 300:
        raise ValidationError({"note": "Gebruik hoogstens 300 tekens."})
    used = template_fields(content)
    allowed = allowed_fields(code)
    unknown = sorted(used - set(allowed))
    if unknown:
        listed = ", ".join("{{ " + name + " }}" for name in unknown)
        raise ValidationError(
            {
                "file": f"Onbekend samenvoegveld: {listed}. Deze brief kent alleen: "
                + ", ".join(sorted(allowed))
                + "."
            }
        )
    try:  # a template that parses can still fail on its data (e.g. a filter the sandbox refuses)
        render(content, dict.fromkeys(allowed, "voorbeeld"))
    except Exception as exc:
        raise ValidationError({"file": f"Het sjabloon kan niet worden gevuld: {exc}"}) from exc
    with transaction.atomic():
        current = template_for(code).version
        latest = LetterTemplate.objects.filter(code=code).aggregate(v=Max("version"))["v"] or 0
        row = LetterTemplate.objects.create(
            code=code,
            version=max(current, latest) + 1,
            filename=Path(filename).name[:200] or f"{code}.docx",
            content=content,
            sha256=hashlib.sha256(content).hexdigest(),
            merge_fields=sorted(used),
            note=note.strip(),
            uploaded_by=actor,
        )
        log_processing(
            action="letter_template.uploaded",
            actor=actor,
            request=request,
            object_type="letter_template",
            object_id=row.pk,
            details={"code": code, "version": row.version},
        )
    return row


def letter_addressees(procedure: Procedure, spec: LetterSpec, data: dict[str, object]) -> list[Addressee]:
    """Whom one letter goes to, as the definition says; refused with a Dutch message when nobody."""
    addressees = list(procedure.addressees.all())
    if spec.addressees == "notified":
        notified = {n["addressee"] for n in data.get("notifications", [])}  # type: ignore[attr-defined]
        chosen = [a for a in addressees if str(a.pk) in notified]
    elif spec.addressees == "field":
        chosen = [a for a in addressees if str(a.pk) == data.get("addressee")]
    elif spec.addressees == "reporter":
        chosen = [a for a in addressees if a.role == AddresseeRole.REPORTER]
    else:
        chosen = [a for a in addressees if a.role != AddresseeRole.REPORTER]
    if spec.code in OBJECTORS_ONLY:
        # A postponement concerns an objection: only addressees who lodged one get the letter (Awb 7:10 lid 3).
        objected = set(
            procedure.transitions.filter(to_step="objection-received").values_list("addressee_id", flat=True)
        )
        chosen = [a for a in chosen if a.pk in objected]
        if not chosen:
            raise ValidationError(
                {
                    "addressees": f"De brief '{spec.label}' gaat alleen naar wie bezwaar heeft gemaakt; er is nog "
                    "geen bezwaar vastgelegd."
                }
            )
    if not chosen:
        who = "een melder" if spec.addressees == "reporter" else "geadresseerden"
        raise ValidationError(
            {"addressees": f"De brief '{spec.label}' heeft {who} nodig; voeg die eerst toe aan de procedure."}
        )
    return chosen


def letter_generate(
    *,
    actor: User,
    access: CaseAccess,
    procedure: Procedure,
    definition: Definition,
    spec: LetterSpec,
    transition: Transition,
    history: list[Transition],
    addressee: Addressee | None,
    request: HttpRequest | None = None,
) -> Letter:
    """Fill in the template for one addressee and store the letter on the case as a document."""
    source = template_for(spec.code)
    context = LetterContext(
        procedure=procedure,
        definition=definition,
        transition=transition,
        history=history,
        addressee=addressee,
    )
    values = context.values(spec)
    try:
        content = render(source.content, values, refuse_empty=True)
    except TemplateError as exc:
        raise ValidationError({"letter": f"Brief '{spec.label}' kan niet worden gemaakt: {exc}"}) from exc
    except EmptyFieldError as exc:
        described = allowed_fields(spec.code)
        names = "; ".join(f"{{{{ {name} }}}} ({described.get(name, name)})" for name in exc.fields)
        who = f" voor {addressee.name}" if addressee else ""
        raise ValidationError(
            {
                "letter": f"Brief '{spec.label}'{who} wordt niet gemaakt: een samenvoegveld is leeg en zou zo in "
                f"de brief komen: {names}. Vul het gegeven aan (of het mandaatregister, het aanspreekpunt) "
                "en probeer het opnieuw."
            }
        ) from exc
    who = f" – {addressee.name}" if addressee else ""
    title = f"{spec.label}{who}"[:200]
    slug = "".join(ch if ch.isalnum() else "-" for ch in (addressee.name if addressee else "brief")).strip(
        "-"
    )
    document: Document = document_upload(
        actor=actor,
        access=access,
        category=spec.category,
        title=title,
        document_type=spec.document_type,
        filename=f"{procedure.case.number} {spec.code} {slug}.docx",
        content=io.BytesIO(content),
        request=request,
    )
    return Letter.objects.create(
        procedure=procedure,
        transition=transition,
        code=spec.code,
        label=spec.label,
        template_version=source.version,
        addressee=addressee,
        document=document,
        created_by=actor,
    )
