"""Case types: policy data the functional administrator keeps (code, label, default categories, retention)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from regie.accounts.models import User
from regie.cases.models import CaseType, DataCategory
from regie.core.errors import ConflictError
from regie.processing_log.services import log_processing

CODE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_RETENTION, MAX_RETENTION = 1, 100
STALE = (
    "Iemand anders heeft dit casustype intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen; "
    "laad de pagina opnieuw en voer ze nogmaals in."
)
CODE_TAKEN = "Deze code is al in gebruik voor een ander casustype."


def _validate(
    *,
    code: str,
    label: str,
    default_categories: Sequence[str],
    retention_years: int,
    exclude: CaseType | None,
) -> tuple[str, list[str]]:
    errors: dict[str, str] = {}
    code = code.strip()
    if not CODE_PATTERN.match(code) or len(code) > 60:
        errors["code"] = (
            "Gebruik kleine letters, cijfers en streepjes (zoals pga-casus), hoogstens 60 tekens."
        )
    else:
        same_code = CaseType.objects.filter(code=code)
        if exclude is not None:
            same_code = same_code.exclude(pk=exclude.pk)
        if same_code.exists():
            errors["code"] = CODE_TAKEN
    if not label.strip():
        errors["label"] = "Vul een naam in."
    elif len(label.strip()) > 120:
        errors["label"] = "Een naam is hoogstens 120 tekens."
    categories = sorted(set(default_categories))
    if not categories:
        errors["default_categories"] = "Kies minstens één standaard gegevenscategorie."
    elif any(c not in DataCategory.values for c in categories):
        errors["default_categories"] = "Onbekende gegevenscategorie."
    if isinstance(retention_years, bool) or not isinstance(retention_years, int):
        errors["retention_years"] = "Vul de bewaartermijn in als een geheel aantal jaren."
    elif not MIN_RETENTION <= retention_years <= MAX_RETENTION:
        errors["retention_years"] = f"De bewaartermijn ligt tussen {MIN_RETENTION} en {MAX_RETENTION} jaar."
    if errors:
        raise ValidationError(errors)
    return code, categories


def case_type_create(
    *,
    actor: User,
    code: str,
    label: str,
    default_categories: Sequence[str],
    retention_years: int,
    active: bool = True,
    request: HttpRequest | None = None,
) -> CaseType:
    """Add a case type; the code is a unique slug, at least one category, retention 1-100 years."""
    code, categories = _validate(
        code=code,
        label=label,
        default_categories=default_categories,
        retention_years=retention_years,
        exclude=None,
    )
    try:
        with transaction.atomic():
            case_type = CaseType.objects.create(
                code=code,
                label=label.strip(),
                default_categories=categories,
                retention_years=retention_years,
                active=active,
            )
            log_processing(
                action="case_type.created",
                actor=actor,
                request=request,
                object_type="case_type",
                object_id=case_type.pk,
                details={"code": code, "categories": categories, "retentionYears": retention_years},
            )
    except IntegrityError as exc:  # a concurrent create with the same code
        raise ValidationError({"code": CODE_TAKEN}) from exc
    return case_type


def case_type_update(
    *,
    actor: User,
    case_type: CaseType,
    version: int | None,
    code: str,
    label: str,
    default_categories: Sequence[str],
    retention_years: int,
    active: bool,
    request: HttpRequest | None = None,
) -> CaseType:
    """Change a case type; a stale version conflicts and nothing is saved."""
    code, categories = _validate(
        code=code,
        label=label,
        default_categories=default_categories,
        retention_years=retention_years,
        exclude=case_type,
    )
    try:
        with transaction.atomic():
            locked = CaseType.objects.select_for_update().get(pk=case_type.pk)
            if version is not None and locked.version != version:
                raise ConflictError(STALE)
            changed = sorted(
                name
                for name, value in (
                    ("code", code),
                    ("label", label.strip()),
                    ("default_categories", categories),
                    ("retention_years", retention_years),
                    ("active", active),
                )
                if getattr(locked, name) != value
            )
            locked.code = code
            locked.label = label.strip()
            locked.default_categories = categories
            locked.retention_years = retention_years
            locked.active = active
            locked.version += 1
            locked.save(update_fields=[*changed, "version", "updated_at"])
            log_processing(
                action="case_type.changed",
                actor=actor,
                request=request,
                object_type="case_type",
                object_id=locked.pk,
                details={"code": code, "fields": changed},
            )
    except IntegrityError as exc:
        raise ValidationError({"code": CODE_TAKEN}) from exc
    return locked
