"""Submitting a self-check: score the answers and keep only an anonymous aggregate row."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from regie.digital.content import CHECK_KINDS, Outcome, answer_errors, score
from regie.digital.models import Campaign, SelfCheckResult
from regie.digital.services.content import content_current
from regie.intake.services.receive import default_municipality

POSTCODE_AREA = re.compile(r"^[1-9][0-9]{3}$")


def campaign_for_code(code: str) -> Campaign | None:
    """The campaign a public link names (`?campagne=…`); an unknown or malformed code links to nothing."""
    code = (code or "").strip().lower()[:40]
    return Campaign.objects.filter(code=code).first() if code else None


def campaign_counting(code: str, kind: str, version: int) -> Campaign | None:
    """The campaign a result counts for: the link's campaign, when it is pinned to this check at this version."""
    campaign = campaign_for_code(code)
    if campaign is None or (campaign.check_versions or {}).get(kind) != version:
        return None
    return campaign


def self_check_submit(
    *, kind: str, answers: Mapping[str, Any], postcode_area: str = "", campaign_code: str = ""
) -> tuple[Outcome, SelfCheckResult]:
    """Score a complete check and store the anonymous aggregate; nothing about the person, not even the time."""
    if kind not in CHECK_KINDS:
        raise ValidationError({"kind": "Deze check bestaat niet."})
    current = content_current(kind)
    errors = answer_errors(current.definition, answers)
    postcode_area = (postcode_area or "").strip()
    if postcode_area and not POSTCODE_AREA.match(postcode_area):
        errors["postcode_area"] = (
            "Vul alleen de 4 cijfers van uw postcode in, bijvoorbeeld 6971, of laat dit leeg."
        )
    if errors:
        raise ValidationError(errors)
    outcome = score(current.definition, answers)
    result = SelfCheckResult.objects.create(
        municipality=default_municipality(),
        kind=kind,
        content_version=current.version,
        submitted_on=timezone.localdate(),
        score=outcome.score,
        topic_scores=outcome.topic_scores,
        risk_class=outcome.risk_class["class"] if outcome.risk_class else None,
        postcode_area=postcode_area,
        campaign=campaign_counting(campaign_code, kind, current.version),
    )
    return outcome, result
