"""The reference data the beheerder keeps: the screening checklist with the local target-group rules, and the
versions of the Zelfredzaamheid-Matrix. Both are versioned: an edit makes a new version; a referral keeps the
checklist it was made under and a PGA case the matrix it was opened with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils.text import slugify

from regie.accounts.models import Role, User
from regie.cases.models import DataCategory
from regie.pga.models import ScreeningChecklist, ZrmDomain, ZrmVersion
from regie.pga.screening import ALL_OF, GROUPS, SHIPPED, SHIPPED_CRITERIA, Checklist, Item
from regie.processing_log.services import log_processing

DEFAULT_ZRM = "zrm-volwassenen"
_ZRM_MIGRATION = "regie.pga.migrations.0002_zrm_reference_data"
NOT_ALLOWED = "Alleen de functioneel beheerder stelt de screeningschecklist en de zelfredzaamheidsmatrix in."
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def _as_checklist(row: ScreeningChecklist) -> Checklist:
    return Checklist(
        code=row.code,
        label=row.label,
        criteria=tuple(Item(c["code"], c["label"], c.get("group", ALL_OF)) for c in row.criteria),
        local_rules=tuple(Item(r["code"], r["label"]) for r in row.local_rules),
    )


def checklist_in_force() -> Checklist:
    """The checklist new referrals are screened with: the latest version (the shipped one stored when none is)."""
    row = ScreeningChecklist.objects.order_by("-number").first()
    if row is None:
        row, _ = ScreeningChecklist.objects.get_or_create(
            code=SHIPPED.code, defaults={"number": 1, "label": SHIPPED.label, "criteria": SHIPPED_CRITERIA}
        )
    return _as_checklist(row)


def checklist_for(code: str) -> Checklist:
    """The checklist version a referral was made under; the one in force for a referral without one."""
    if not code:
        return checklist_in_force()
    if code == SHIPPED.code:
        row = ScreeningChecklist.objects.filter(code=code).first()
        return _as_checklist(row) if row else SHIPPED
    row = ScreeningChecklist.objects.filter(code=code).first()
    return _as_checklist(row) if row else checklist_in_force()


@dataclass(frozen=True)
class Line:
    label: str
    group: str = ALL_OF


def _administrator(actor: User) -> None:
    if actor.role != Role.ADMINISTRATOR or not actor.is_active:
        raise PermissionError(NOT_ALLOWED)


def _codes(labels: Sequence[str], prefix: str) -> list[str]:
    codes: list[str] = []
    for label in labels:
        base = slugify(label)[:32].strip("-") or prefix
        code, n = base, 2
        while code in codes:
            code, n = f"{base}-{n}", n + 1
        codes.append(code)
    return codes


def checklist_create(
    *,
    actor: User,
    label: str,
    criteria: Sequence[Line],
    local_rules: Sequence[str],
    request: HttpRequest | None = None,
) -> ScreeningChecklist:
    """A new version of the checklist; referrals already made keep theirs."""
    _administrator(actor)
    errors: dict[str, str] = {}
    if not label.strip():
        errors["label"] = "Geef de versie een naam."
    elif len(label.strip()) > 120:
        errors["label"] = "De naam is te lang (ten hoogste 120 tekens)."
    lines = [c for c in criteria if c.label.strip()]
    if not lines:
        errors["criteria"] = "Een checklist heeft ten minste één criterium."
    elif any(c.group not in GROUPS for c in lines):
        errors["criteria"] = "Kies per criterium of het samen met de andere of op zichzelf geldt."
    elif any(len(c.label.strip()) > 300 for c in lines) or any(len(r.strip()) > 300 for r in local_rules):
        errors["criteria"] = "Een criterium of regel is te lang (ten hoogste 300 tekens)."
    if errors:
        raise ValidationError(errors)
    rules = [r.strip() for r in local_rules if r.strip()]
    codes = _codes([c.label for c in lines] + rules, "criterium")
    with transaction.atomic():
        checklist_in_force()  # the shipped version 1 is stored before version 2 follows it
        number = (ScreeningChecklist.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        made = ScreeningChecklist.objects.create(
            number=number,
            code=f"screening-{number}",
            label=label.strip(),
            criteria=[
                {"code": code, "label": c.label.strip(), "group": c.group}
                for code, c in zip(codes, lines, strict=False)
            ],
            local_rules=[
                {"code": f"lokaal-{code}", "label": rule}
                for code, rule in zip(codes[len(lines) :], rules, strict=True)
            ],
            created_by=actor,
        )
        log_processing(
            action="pga_reference.changed",
            actor=actor,
            request=request,
            object_type="pga_reference",
            object_id=made.pk,
            details={"version": number},
        )
    return made


def zrm_in_force() -> ZrmVersion | None:
    """The matrix new PGA cases score on; when the table is empty (a flushed or restored database), the shipped
    version is stored first, as migration pga 0002 does."""
    found = (
        ZrmVersion.objects.filter(is_default=True, active=True).first()
        or ZrmVersion.objects.filter(code=DEFAULT_ZRM, active=True).first()
        or ZrmVersion.objects.filter(active=True).order_by("created_at").first()
    )
    if found is None and not ZrmVersion.objects.exists():
        import_module(_ZRM_MIGRATION).forwards(django_apps, None)
        found = ZrmVersion.objects.filter(code=DEFAULT_ZRM).first()
    return found


@dataclass(frozen=True)
class DomainLine:
    label: str
    category: str


def zrm_version_create(
    *,
    actor: User,
    code: str,
    label: str,
    domains: Sequence[DomainLine],
    make_default: bool,
    request: HttpRequest | None = None,
) -> ZrmVersion:
    """A new version of the matrix with its domains (label and data category, in this order); running PGA cases keep
    the version they were opened with. `make_default`: new PGA cases score on it from now on."""
    _administrator(actor)
    errors: dict[str, str] = {}
    code = code.strip().lower()
    if not _CODE.match(code):
        errors["code"] = "De code bestaat uit kleine letters, cijfers en streepjes (ten hoogste 40 tekens)."
    elif ZrmVersion.objects.filter(code=code).exists():
        errors["code"] = "Er is al een versie met deze code; kies een nieuwe code voor een nieuwe versie."
    if not label.strip():
        errors["label"] = "Geef de versie een naam."
    elif len(label.strip()) > 120:
        errors["label"] = "De naam is te lang (ten hoogste 120 tekens)."
    lines = [d for d in domains if d.label.strip()]
    if len(lines) < 2:
        errors["domains"] = "Een matrix heeft ten minste twee leefdomeinen."
    elif any(d.category not in DataCategory.values for d in lines):
        errors["domains"] = "Kies voor elk leefdomein een bestaande gegevenscategorie."
    elif any(len(d.label.strip()) > 80 for d in lines):
        errors["domains"] = "De naam van een leefdomein is te lang (ten hoogste 80 tekens)."
    elif len({d.label.strip().lower() for d in lines}) < len(lines):
        errors["domains"] = "Elk leefdomein komt één keer voor."
    if errors:
        raise ValidationError(errors)
    codes = _codes([d.label for d in lines], "domein")
    with transaction.atomic():
        if make_default:
            ZrmVersion.objects.filter(is_default=True).update(is_default=False)
        version = ZrmVersion.objects.create(
            code=code, label=label.strip(), is_default=make_default, created_by=actor
        )
        ZrmDomain.objects.bulk_create(
            ZrmDomain(version=version, code=c, label=d.label.strip(), position=i, category=d.category)
            for i, (c, d) in enumerate(zip(codes, lines, strict=True), start=1)
        )
        log_processing(
            action="pga_reference.changed",
            actor=actor,
            request=request,
            object_type="pga_reference",
            object_id=version.pk,
            details={"code": code, "default": make_default},
        )
    return version
