"""Integral inspection days: locations chosen by risk and at random (the choice recorded and explained), findings
per partner on a checklist per kind of location, and a finding's follow-up as a signal in one step."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access import ondermijning_access
from regie.access.subject_access import residents_of
from regie.accounts.models import Organisation, OrganisationKind, User
from regie.core.terms import format_date
from regie.intake.models import SignalCategory, SubjectKind
from regie.intake.services.inputs import SubjectInput
from regie.intake.services.receive import signal_create_from_inspection
from regie.ondermijning import catalogue
from regie.ondermijning.models import Area, AreaLocation, Finding, InspectionSite, IntegralInspection
from regie.ondermijning.services.risks import risk_policy_ensure
from regie.processing_log.services import log_processing

MAX_SIZE = 200
NOTE_MAX = 300
TEXT_MAX = 5000
CATEGORY = "ondermijning"


def integral_inspection_plan(
    *,
    actor: User,
    area: Area,
    planned_on: date,
    partners: Sequence[Organisation],
    size: int,
    random_share: int,
    note: str = "",
    rng: random.Random | None = None,
    request: HttpRequest | None = None,
) -> IntegralInspection:
    """Plan an inspection day: `size` locations, `random_share` percent of them drawn at random, the rest the
    highest risk scores; each location keeps why it was chosen and the day keeps the whole explanation."""
    if not ondermijning_access.may_plan_in(actor, area):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if not isinstance(planned_on, date):
        errors["planned_on"] = "Vul een geldige datum in."
    if not partners:
        errors["partners"] = "Kies ten minste één partner (politie, brandweer, omgevingsdienst …)."
    for partner in partners:
        if partner.kind != OrganisationKind.PARTNER or partner.municipality_id != area.municipality_id:
            errors["partners"] = f"{partner} is geen partnerorganisatie van deze gemeente."
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_SIZE:
        errors["size"] = f"Kies 1 tot en met {MAX_SIZE} locaties."
    if not isinstance(random_share, int) or isinstance(random_share, bool) or not 0 <= random_share <= 100:
        errors["random_share"] = "Het aandeel willekeurig is een percentage van 0 tot en met 100."
    if len(note.strip()) > NOTE_MAX:
        errors["note"] = f"De toelichting is hoogstens {NOTE_MAX} tekens."
    if errors:
        raise ValidationError(errors)
    sites = list(AreaLocation.objects.filter(area=area).select_related("risk").order_by("pk"))
    if not sites:
        raise ValidationError({"size": "Dit gebied heeft nog geen locaties om te controleren."})
    size = min(size, len(sites))
    wanted_random = round(size * random_share / 100)
    scored = sorted(
        (s for s in sites if getattr(s, "risk", None) is not None and s.risk.score > 0),
        key=lambda s: (-s.risk.score, str(s.pk)),
    )
    by_risk = scored[: size - wanted_random]
    rest = [s for s in sites if s not in by_risk]
    drawn = (rng or random.SystemRandom()).sample(rest, min(size - len(by_risk), len(rest)))
    policy = risk_policy_ensure()
    scores = [s.risk.score for s in by_risk]
    explanation = (
        f"{len(by_risk)} locatie(s) op risicoscore"
        + (f" (scores {max(scores)} tot {min(scores)}, weging versie {policy.version})" if scores else "")
        + f"; {len(drawn)} willekeurig getrokken uit {len(rest)} overige locatie(s) "
        f"(gevraagd aandeel willekeurig: {random_share}%)."
    )
    with transaction.atomic():
        inspection = IntegralInspection.objects.create(
            area=area,
            planned_on=planned_on,
            planned_by=actor,
            risk_count=len(by_risk),
            random_share=random_share,
            explanation=explanation,
            note=note.strip(),
        )
        inspection.partners.set(partners)
        InspectionSite.objects.bulk_create(
            [
                InspectionSite(inspection=inspection, site=s, reason=f"risicoscore {s.risk.score}")
                for s in by_risk
            ]
            + [InspectionSite(inspection=inspection, site=s, reason="willekeurig getrokken") for s in drawn]
        )
        log_processing(
            action="ondermijning_inspection.planned",
            actor=actor,
            request=request,
            object_type="ondermijning_inspection",
            object_id=inspection.pk,
            details={"risk": len(by_risk), "random": len(drawn), "partners": [p.name for p in partners]},
        )
    return inspection


def finding_record(
    *,
    actor: User,
    inspection_site: InspectionSite,
    indicators: Sequence[str],
    text: str,
    follow_up_needed: bool,
    request: HttpRequest | None = None,
) -> Finding:
    """What the actor's organisation found at one location (once per partner and location)."""
    inspection = inspection_site.inspection
    if not ondermijning_access.may_record_finding(actor, inspection) or actor.organisation is None:
        raise PermissionDenied
    errors: dict[str, str] = {}
    allowed = {code for code, _ in catalogue.checklist(inspection_site.site.kind)}
    unknown = [code for code in indicators if code not in allowed]
    if unknown:
        errors["indicators"] = "Kies alleen indicatoren van de checklist voor deze soort locatie."
    if not text.strip():
        errors["text"] = "Beschrijf wat u hebt gezien (de bevindingen)."
    elif len(text.strip()) > TEXT_MAX:
        errors["text"] = f"De bevindingen zijn hoogstens {TEXT_MAX} tekens."
    if inspection.planned_on > timezone.localdate():
        errors["inspection"] = (
            f"De controle is pas op {format_date(inspection.planned_on, weekday=False)}; "
            "bevindingen worden op of na die dag vastgelegd."
        )
    if Finding.objects.filter(inspection_site=inspection_site, partner=actor.organisation).exists():
        errors["inspection"] = f"{actor.organisation} heeft bij deze locatie al bevindingen vastgelegd."
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            finding = Finding.objects.create(
                inspection_site=inspection_site,
                partner=actor.organisation,
                recorded_by=actor,
                indicators=sorted(set(indicators)),
                checklist_version=catalogue.CHECKLIST_VERSION,
                text=text.strip(),
                follow_up_needed=bool(follow_up_needed),
            )
            log_processing(
                action="ondermijning_inspection.finding_recorded",
                actor=actor,
                request=request,
                object_type="ondermijning_inspection",
                object_id=inspection.pk,
                persons=residents_of(location_ids=[inspection_site.site.location_id]),
                details={"location": inspection_site.site.location.name, "partner": actor.organisation.name},
            )
    except IntegrityError:
        raise ValidationError(
            {"inspection": f"{actor.organisation} heeft bij deze locatie al bevindingen vastgelegd."}
        ) from None
    return finding


def finding_start_signal(*, actor: User, finding: Finding, request: HttpRequest | None = None) -> str:
    """Turn a finding into a signal for triage (source `inspectie`, category ondermijning) once; its reference."""
    if finding.signal_reference:
        return finding.signal_reference
    site = finding.inspection_site.site
    inspection = finding.inspection_site.inspection
    if not (ondermijning_access.is_team(actor) or finding.partner_id == actor.organisation_id):
        raise PermissionDenied
    if not ondermijning_access.may_record_finding(actor, inspection):
        raise PermissionDenied
    labels = ", ".join(catalogue.indicator_label(c).lower() for c in finding.indicators) or "geen indicatoren"
    description = (
        f"Integrale controle {format_date(inspection.planned_on, weekday=False)} op {site.location.name} "
        f"({inspection.area.name}). Bevinding van {finding.partner.name}: {finding.text}\n"
        f"Indicatoren: {labels}."
    )
    category = CATEGORY if SignalCategory.objects.filter(code=CATEGORY, active=True).exists() else ""
    with transaction.atomic():
        locked = Finding.objects.select_for_update().get(pk=finding.pk)
        if locked.signal_reference:
            return locked.signal_reference
        signal = signal_create_from_inspection(
            actor=actor,
            description=description,
            location_kind=site.kind,
            location_text=site.location.name,
            subjects=[
                SubjectInput(
                    kind=SubjectKind.LOCATION,
                    data={"name": site.location.name, "location_kind": site.location.kind},
                )
            ],
            category_code=category,
            request=request,
        )
        locked.signal_reference = signal.reference
        locked.save(update_fields=["signal_reference", "updated_at"])
        log_processing(
            action="ondermijning_inspection.signal_started",
            actor=actor,
            request=request,
            object_type="ondermijning_inspection",
            object_id=inspection.pk,
            persons=residents_of(location_ids=[site.location_id]),
            details={"signal": signal.reference, "partner": finding.partner.name},
        )
    finding.signal_reference = signal.reference
    return signal.reference
