"""What digital safety counts for monitoring (core.indicators): self-checks per month and their average score,
campaign reach, and the consented follow-ups of victims of online crime — anonymous aggregates only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Avg, Count, Sum

from regie.core.indicators import AVERAGE, Figure, Indicator, breakdown, indicators, moments, total
from regie.digital.models import Campaign, ContentKind, FollowUpStatus, SelfCheckResult, VictimFollowUp


def _self_checks(start: date, end: date) -> Sequence[Figure]:
    done = SelfCheckResult.objects.filter(submitted_on__gte=start, submitted_on__lt=end)
    per_kind = done.values_list("kind").annotate(n=Count("id")).order_by()
    labels = dict(ContentKind.choices)
    per_campaign = (
        done.exclude(campaign=None).values_list("campaign__name").annotate(n=Count("id")).order_by()
    )
    return [
        total(done.count()),
        *breakdown([(str(labels.get(k, k)), n) for k, n in per_kind], "Check"),
        *breakdown(list(per_campaign), "Via campagne"),
    ]


def _score(start: date, end: date) -> Sequence[Figure]:
    done = SelfCheckResult.objects.filter(submitted_on__gte=start, submitted_on__lt=end)
    result = done.aggregate(n=Count("id"), total=Sum("score"))
    labels = dict(ContentKind.choices)
    per_kind = done.values_list("kind").annotate(n=Count("id"), avg=Avg("score")).order_by()
    n = result["n"] or 0
    return [
        Figure(round((result["total"] or 0) / n, 1) if n else 0.0, n),
        *[Figure(round(avg, 1), k, "Check", str(labels.get(kind, kind))) for kind, k, avg in per_kind],
    ]


def _reach(start: date, end: date) -> Sequence[Figure]:
    """People reached by campaign activities (workshops, sessions) that ended this month."""
    ended = Campaign.objects.filter(ends_on__gte=start, ends_on__lt=end)
    per_campaign = list(ended.values_list("name", "attendees"))
    reached = sum(n for _, n in per_campaign)
    return [total(reached), *breakdown(per_campaign, "Campagne")]


def _follow_ups(start: date, end: date) -> Sequence[Figure]:
    since, until = moments(start, end)
    asked = VictimFollowUp.objects.filter(consented_at__gte=since, consented_at__lt=until)
    per_status = asked.values_list("status").annotate(n=Count("id")).order_by()
    labels = dict(FollowUpStatus.choices)
    return [total(asked.count()), *breakdown([(str(labels.get(s, s)), n) for s, n in per_status], "Stand nu")]


def register() -> None:
    for indicator in (
        Indicator(
            "digital.self_checks",
            "digitaal",
            "Gedane checks",
            "Zelfchecks digitale weerbaarheid die in de "
            "maand zijn afgerond (anoniem), per check en per campagne.",
            _self_checks,
            unit="checks",
            rise_is_good=True,
        ),
        Indicator(
            "digital.score",
            "digitaal",
            "Gemiddelde score check",
            "Gemiddelde totaalscore (procent) van de zelfchecks van de maand, per check.",
            _score,
            kind=AVERAGE,
            unit="punten",
            rise_is_good=True,
        ),
        Indicator(
            "digital.reach",
            "digitaal",
            "Bereik campagnes",
            "Deelnemers aan campagneactiviteiten (workshops, voorlichting) die in de maand afliepen.",
            _reach,
            unit="deelnemers",
        ),
        Indicator(
            "digital.follow_ups",
            "digitaal",
            "Nazorg slachtoffers",
            "Slachtoffers van online criminaliteit "
            "die in de maand met toestemming om contact vroegen, met hun stand nu.",
            _follow_ups,
            unit="verzoeken",
        ),
    ):
        indicators.register(indicator)
