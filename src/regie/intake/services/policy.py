"""Intake policy tables the functional administrator edits: categories and their promises, the classifier
threshold, routing rules and queue leads. Each change is versioned (stale edits conflict) and logged."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.accounts.models import Municipality, Organisation, OrganisationKind, User
from regie.core.errors import ConflictError
from regie.intake.models import (
    ClassifierSetting,
    LocationKind,
    QueueLead,
    RoutingRule,
    SignalCategory,
    Source,
    Urgency,
)
from regie.processing_log.services import log_processing

STALE = "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen; laad de pagina opnieuw."
RULE_FIELDS = ("name", "position", "category", "source", "location_kind", "urgency", "target", "active")
CATEGORY_FIELDS = ("label", "triage_days", "first_action_days", "urgent_hours", "position", "active")


def _validate_category(values: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if not str(values.get("label", "")).strip():
        errors["label"] = "Vul een naam in."
    triage, first, hours = (
        values.get("triage_days"),
        values.get("first_action_days"),
        values.get("urgent_hours"),
    )
    if not isinstance(triage, int) or not 0 <= triage <= 60:
        errors["triage_days"] = "Vul een aantal werkdagen in van 0 tot en met 60."
    if not isinstance(first, int) or not 0 <= first <= 120:
        errors["first_action_days"] = "Vul een aantal werkdagen in van 0 tot en met 120."
    elif isinstance(triage, int) and first < triage:
        errors["first_action_days"] = "De eerste actie kan niet eerder moeten dan de triage."
    if not isinstance(hours, int) or not 1 <= hours <= 168:
        errors["urgent_hours"] = "Vul een aantal uren in van 1 tot en met 168."
    if errors:
        raise ValidationError(errors)


def category_create(
    *, actor: User | None, code: str, request: HttpRequest | None = None, **values: Any
) -> SignalCategory:
    """A new signal category with its promised response times."""
    _validate_category(values)
    if SignalCategory.objects.filter(code=code).exists():
        raise ValidationError({"code": "Er is al een categorie met deze code."})
    with transaction.atomic():
        category = SignalCategory.objects.create(code=code, **values)
        log_processing(
            action="intake.category_created",
            actor=actor,
            request=request,
            object_type="signal_category",
            object_id=category.pk,
            details={"code": code, **{k: str(v) for k, v in values.items()}},
        )
    return category


def category_update(
    *,
    actor: User,
    category: SignalCategory,
    version: int | None,
    request: HttpRequest | None = None,
    **values: Any,
) -> SignalCategory:
    """Change a category's name, promises, order or use; new promises apply to signals received from now on."""
    unknown = set(values) - set(CATEGORY_FIELDS)
    if unknown:
        raise ValidationError({k: "Dit veld kan hier niet worden gewijzigd." for k in unknown})
    with transaction.atomic():
        locked = SignalCategory.objects.select_for_update().get(pk=category.pk)
        if version is not None and locked.version != version:
            raise ConflictError(STALE)
        merged = {f: values.get(f, getattr(locked, f)) for f in CATEGORY_FIELDS}
        _validate_category(merged)
        before = {f: str(getattr(locked, f)) for f in values}
        for key, value in values.items():
            setattr(locked, key, value.strip() if isinstance(value, str) else value)
        locked.version += 1
        locked.save(update_fields=[*values, "version", "updated_at"])
        log_processing(
            action="intake.category_changed",
            actor=actor,
            request=request,
            object_type="signal_category",
            object_id=locked.pk,
            details={"code": locked.code, "before": before, "after": {k: str(v) for k, v in values.items()}},
        )
    return locked


def threshold_set(
    *, actor: User | None, threshold: Decimal, version: int | None = None, request: HttpRequest | None = None
) -> ClassifierSetting:
    """The confidence below which the classifier's suggestion becomes `overig`."""
    if not Decimal("0") <= threshold <= Decimal("1"):
        raise ValidationError({"threshold": "Vul een drempel in tussen 0 en 1, bijvoorbeeld 0,50."})
    with transaction.atomic():
        setting, created = ClassifierSetting.objects.select_for_update().get_or_create(
            pk=1, defaults={"threshold": threshold}
        )
        if not created:
            if version is not None and setting.version != version:
                raise ConflictError(STALE)
            before = setting.threshold
            setting.threshold = threshold
            setting.version += 1
            setting.save(update_fields=["threshold", "version", "updated_at"])
        log_processing(
            action="intake.threshold_changed",
            actor=actor,
            request=request,
            object_type="classifier_setting",
            details={"threshold": str(threshold), **({} if created else {"before": str(before)})},
        )
    return setting


def _validate_rule(municipality: Municipality, values: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if not str(values.get("name", "")).strip():
        errors["name"] = "Geef de regel een omschrijving."
    position = values.get("position")
    if not isinstance(position, int) or not 1 <= position <= 9999:
        errors["position"] = "Vul een volgnummer in van 1 tot en met 9999."
    if values.get("source", "") not in ("", *Source.values):
        errors["source"] = "Kies een bestaande bron."
    if values.get("location_kind", "") not in ("", *LocationKind.values):
        errors["location_kind"] = "Kies een bestaande soort locatie."
    if values.get("urgency", "") not in ("", *Urgency.values):
        errors["urgency"] = "Kies normaal of urgent."
    category = values.get("category")
    if category is not None and not category.active:
        errors["category"] = "Deze categorie is niet meer in gebruik."
    target: Organisation | None = values.get("target")
    if target is None or target.kind != OrganisationKind.DEPARTMENT or not target.active:
        errors["target"] = "Kies een actief team van de gemeente."
    elif target.municipality_id != municipality.pk:
        errors["target"] = "Dit team hoort bij een andere gemeente."
    if errors:
        raise ValidationError(errors)


def _rule_details(rule: RoutingRule) -> dict[str, str]:
    return {f: str(getattr(rule, f) or "") for f in RULE_FIELDS}


def routing_rule_create(
    *, actor: User | None, municipality: Municipality, request: HttpRequest | None = None, **values: Any
) -> RoutingRule:
    """A new routing rule at the given position."""
    values = {"source": "", "location_kind": "", "urgency": "", "category": None, "active": True, **values}
    _validate_rule(municipality, values)
    with transaction.atomic():
        rule = RoutingRule.objects.create(municipality=municipality, **values)
        log_processing(
            action="intake.routing_rule_created",
            actor=actor,
            request=request,
            object_type="routing_rule",
            object_id=rule.pk,
            details=_rule_details(rule),
        )
    return rule


def routing_rule_update(
    *, actor: User, rule: RoutingRule, version: int | None, request: HttpRequest | None = None, **values: Any
) -> RoutingRule:
    """Change a routing rule; it applies to signals processed from now on."""
    unknown = set(values) - set(RULE_FIELDS)
    if unknown:
        raise ValidationError({k: "Dit veld kan hier niet worden gewijzigd." for k in unknown})
    with transaction.atomic():
        locked = RoutingRule.objects.select_for_update().get(pk=rule.pk)
        if version is not None and locked.version != version:
            raise ConflictError(STALE)
        _validate_rule(locked.municipality, {f: values.get(f, getattr(locked, f)) for f in RULE_FIELDS})
        before = _rule_details(locked)
        for key, value in values.items():
            setattr(locked, key, value.strip() if isinstance(value, str) else value)
        locked.version += 1
        locked.save(update_fields=[*values, "version", "updated_at"])
        log_processing(
            action="intake.routing_rule_changed",
            actor=actor,
            request=request,
            object_type="routing_rule",
            object_id=locked.pk,
            details={"before": before, "after": _rule_details(locked)},
        )
    return locked


def routing_rule_delete(*, actor: User, rule: RoutingRule, request: HttpRequest | None = None) -> None:
    """Remove a rule (signals it routed keep their queue)."""
    with transaction.atomic():
        details = _rule_details(rule)
        RoutingRule.objects.filter(pk=rule.pk).delete()
        log_processing(
            action="intake.routing_rule_deleted",
            actor=actor,
            request=request,
            object_type="routing_rule",
            object_id=rule.pk,
            details=details,
        )


def queue_lead_set(
    *, actor: User | None, organisation: Organisation, lead: User | None, request: HttpRequest | None = None
) -> None:
    """Who overdue signals in this team's queue are escalated to (None: the team's own e-mail address)."""

    if lead is not None and (lead.organisation_id != organisation.pk or not lead.is_active):
        raise ValidationError({"lead": "De teamleider moet een actieve medewerker van dit team zijn."})
    with transaction.atomic():
        if lead is None:
            QueueLead.objects.filter(organisation=organisation).delete()
        else:
            QueueLead.objects.update_or_create(organisation=organisation, defaults={"lead": lead})
        log_processing(
            action="intake.queue_lead_set",
            actor=actor,
            request=request,
            object_type="organisation",
            object_id=organisation.pk,
            details={"lead": lead.username if lead else None},
        )
