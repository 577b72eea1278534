"""Rendering a step's fields as a form (the definition says which fields; the engine validates them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.text import slugify

from regie.cases.services.documents import DOCUMENT_TYPES
from regie.core.terms import PeriodError, parse_period
from regie.procedures.definitions.schema import Definition, StepSpec
from regie.procedures.models import Procedure
from regie.procedures.services.engine import Upload
from regie.procedures.services.fields import SUBSTANCE_ROWS, SUBSTANCES
from regie.procedures.templatetags.procedure_labels import periods_in_words


def _default(spec_default: str, procedure: Procedure | None) -> str:
    if not spec_default.startswith("data:"):
        return spec_default
    if procedure is None:
        return ""
    step_code, _, path = spec_default[len("data:") :].partition(".")
    latest = procedure.transitions.filter(to_step=step_code).order_by("-seq").first()
    value: Any = latest.data if latest else None
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return str(value or "")


def _period_label(value: str) -> str:
    """A period as a person reads and types it: "2 weken", not "P2W"."""
    try:
        return parse_period(value).label()
    except PeriodError:
        return value


def step_fields(
    step: StepSpec,
    *,
    procedure: Procedure | None,
    post: Mapping[str, Any] | None,
    errors: Mapping[str, str],
) -> list[dict[str, Any]]:
    """View models for the step's fields: current value (posted or default), error, choices."""
    addressees = list(procedure.addressees.all()) if procedure is not None else []
    rendered = []
    for spec in step.fields:
        value: Any = post.get(spec.name, "") if post is not None else _default(spec.default, procedure)
        if spec.type == "period" and post is None and value:
            value = _period_label(str(value))
        item: dict[str, Any] = {
            "name": spec.name,
            "id": f"veld-{spec.name}",
            "label": spec.label,
            "type": spec.type,
            "required": spec.required,
            "help": periods_in_words(spec.help),
            "choices": list(spec.choices),
            "value": value,
            "checked": bool(post and spec.name in post),
            "error": errors.get(spec.name, ""),
        }
        if spec.type in ("addressee", "notifications"):
            item["addressees"] = [
                {
                    "id": str(a.pk),
                    "label": str(a),
                    "notified_on": a.notified_on,
                    "value": post.get(f"{spec.name}-{a.pk}", "") if post is not None else "",
                }
                for a in addressees
            ]
        if spec.type == "substances":
            item["substances"] = [(code, f"{s.label} ({s.unit})") for code, s in SUBSTANCES.items()]
            item["rows"] = [
                {
                    "index": i,
                    "substance": post.get(f"{spec.name}-{i}-substance", "") if post is not None else "",
                    "amount": post.get(f"{spec.name}-{i}-amount", "") if post is not None else "",
                }
                for i in range(SUBSTANCE_ROWS)
            ]
        rendered.append(item)
    return rendered


def upload_from(request: HttpRequest, step: StepSpec) -> Upload | None:
    """The file sent with the step form, if any."""
    file = request.FILES.get("bestand")
    if file is None:
        return None
    document_type = request.POST.get("soort_document", "overig")
    title = request.POST.get("titel_document", "").strip() or (step.document_hint or file.name or "document")
    return Upload(
        title=title[:200],
        filename=file.name or "document",
        content=file,
        document_type=document_type if document_type in DOCUMENT_TYPES else "overig",
    )


def errors_of(exc: ValidationError) -> dict[str, str]:
    """The first Dutch message per field of a service's ValidationError."""
    if hasattr(exc, "error_dict"):
        return {k: v[0] for k, v in exc.message_dict.items()}
    return {"step": exc.messages[0]}


def step_slug(label: str) -> str:
    """What a link names a step by: its Dutch label as a slug ('zienswijze-ontvangen'), never its code."""
    return slugify(label)


def step_from_query(definition: Definition, value: str) -> str:
    """The step code a link or form names, by its label's slug or (older links, the API) by its code; '' if none."""
    if definition.step(value) is not None:
        return value
    return next((s.code for s in definition.steps if step_slug(s.label) == value), "")


def step_choices(definition: Definition, codes: tuple[str, ...], role: str) -> list[dict[str, Any]]:
    """The steps that may follow, with whether this user's role may take them."""
    return [
        {
            "code": c,
            "slug": step_slug(s.label),
            "label": s.label,
            "allowed": role in s.roles,
            "action": s.action,
        }
        for c in codes
        if (s := definition.step(c)) is not None
    ]


DOCUMENT_TYPE_CHOICES = DOCUMENT_TYPES
