"""Retention rules: per case type and kind of record, a category of the Selectielijst gemeenten 2020 with its
valuation and term, counted from the closure of the case."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.cases.models import CaseType
from regie.core.errors import ConflictError
from regie.privacy.models import RecordKind, RetentionRule, Valuation
from regie.processing_log.services import log_processing

MAX_TERM_YEARS = 120


def retention_rule_set(
    *,
    actor: Any,
    case_type: CaseType,
    category_code: str,
    category_label: str,
    valuation: str,
    term_years: int | None,
    record_kind: str = RecordKind.CASE,
    version: int | None = None,
    request: HttpRequest | None = None,
) -> RetentionRule:
    """Set the rule for a case type (a new rule, or the next version of the existing one)."""
    errors: dict[str, str] = {}
    if not category_code.strip():
        errors["category_code"] = (
            "Een bewaarregel zonder categorie van de Selectielijst kan niet; vul bijv. 1.1.2 in."
        )
    if not category_label.strip():
        errors["category_label"] = "Omschrijf het resultaattype uit de Selectielijst."
    if valuation not in Valuation.values:
        errors["valuation"] = "Kies vernietigen (V) of blijvend bewaren (B)."
    if valuation == Valuation.DESTROY and not term_years:
        errors["term_years"] = "Een regel die vernietigt heeft een termijn in jaren nodig."
    if term_years is not None and not 0 < term_years <= MAX_TERM_YEARS:
        errors["term_years"] = f"Een termijn ligt tussen 1 en {MAX_TERM_YEARS} jaar."
    if record_kind not in RecordKind.values:
        errors["record_kind"] = "Kies een soort record uit de lijst."
    if errors:
        raise ValidationError(errors)
    values = {
        "category_code": category_code.strip(),
        "category_label": category_label.strip(),
        "valuation": valuation,
        "term_years": term_years if valuation == Valuation.DESTROY else None,
    }
    with transaction.atomic():
        rule = (
            RetentionRule.objects.select_for_update()
            .filter(case_type=case_type, record_kind=record_kind)
            .first()
        )
        if rule is None:
            rule = RetentionRule.objects.create(case_type=case_type, record_kind=record_kind, **values)
            action = "retention_rule.created"
        else:
            if version is not None and rule.version != version:
                raise ConflictError(
                    "Iemand anders heeft deze bewaarregel intussen gewijzigd. Bekijk haar opnieuw."
                )
            for key, value in values.items():
                setattr(rule, key, value)
            rule.version += 1
            rule.save()
            action = "retention_rule.changed"
        log_processing(
            action=action,
            actor=actor,
            request=request,
            object_type="retention_rule",
            object_id=rule.pk,
            details={
                "caseType": case_type.code,
                **{k: v for k, v in values.items()},
                "version": rule.version,
            },
        )
    return rule
