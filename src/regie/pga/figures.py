"""What the PGA counts for monitoring (core.indicators): inflow (referrals and their decisions), the active caseload
per level, outflow per exit reason, time in the approach, and the average ZRM score per life domain."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.db.models import Avg, Count, Q, Sum

from regie.core.indicators import AVERAGE, Figure, Indicator, breakdown, indicators, moments, total
from regie.pga.models import Decision, DomainScore, ExitReason, Level, PgaCase, Referral


def _labelled(rows: Sequence[tuple[str, int]], choices: type) -> list[tuple[str, int]]:
    labels = dict(choices.choices)  # type: ignore[attr-defined]
    return [(str(labels.get(code, code or "onbekend")), n) for code, n in rows]


def _referrals(start: date, end: date) -> Sequence[Figure]:
    since, until = moments(start, end)
    made = Referral.objects.filter(created_at__gte=since, created_at__lt=until)
    decided = Referral.objects.filter(decided_at__gte=since, decided_at__lt=until).exclude(decision="")
    per_decision = decided.values_list("decision").annotate(n=Count("id")).order_by()
    return [total(made.count()), *breakdown(_labelled(list(per_decision), Decision), "Besluit na screening")]


def _active(start: date, end: date) -> Sequence[Figure]:
    last_day = end - timedelta(days=1)
    active = PgaCase.objects.filter(included_on__lte=last_day).filter(
        Q(exited_on__isnull=True) | Q(exited_on__gt=last_day)
    )
    per_level = active.values_list("level").annotate(n=Count("id")).order_by()
    return [total(active.count()), *breakdown(_labelled(list(per_level), Level), "Niveau")]


def _exits(start: date, end: date) -> Sequence[Figure]:
    exited = PgaCase.objects.filter(exited_on__gte=start, exited_on__lt=end)
    per_reason = exited.values_list("exit_reason").annotate(n=Count("id")).order_by()
    return [total(exited.count()), *breakdown(_labelled(list(per_reason), ExitReason), "Reden van uitstroom")]


def _duration(start: date, end: date) -> Sequence[Figure]:
    """Of the cases that left the approach this month: the average number of months they were in it."""
    rows = list(
        PgaCase.objects.filter(exited_on__gte=start, exited_on__lt=end).values_list(
            "included_on", "exited_on"
        )
    )
    months = [(out - into).days / 30.44 for into, out in rows if out is not None]
    return [Figure(value=round(sum(months) / len(months), 1) if months else 0.0, base=len(months))]


def _scores(start: date, end: date) -> Sequence[Figure]:
    """The average ZRM score (1 acute problems - 5 self-reliant) of the scores given this month, per domain."""
    scores = DomainScore.objects.filter(scored_on__gte=start, scored_on__lt=end)
    overall = scores.aggregate(n=Count("id"), total=Sum("score"))
    per_domain = scores.values_list("domain__label").annotate(n=Count("id"), avg=Avg("score")).order_by()
    figures = [
        Figure(
            value=round((overall["total"] or 0) / overall["n"], 2) if overall["n"] else 0.0, base=overall["n"]
        )
    ]
    figures += [Figure(round(avg, 2), n, "Leefdomein", label) for label, n, avg in per_domain]
    return figures


def register() -> None:
    for indicator in (
        Indicator(
            "pga.referrals",
            "zorg",
            "Aanmeldingen PGA",
            "Aanmeldingen voor de persoonsgerichte aanpak in de "
            "maand; daaronder de besluiten na screening in de maand.",
            _referrals,
            unit="aanmeldingen",
        ),
        Indicator(
            "pga.active",
            "zorg",
            "Lopende PGA-casussen",
            "PGA-casussen die aan het eind van de maand liepen, "
            "per niveau (lokale PGA of Zorg- en Veiligheidshuis).",
            _active,
            unit="casussen",
            stock=True,
        ),
        Indicator(
            "pga.exits",
            "zorg",
            "Uitstroom PGA",
            "PGA-casussen die in de maand zijn uitgestroomd, per reden.",
            _exits,
            unit="casussen",
        ),
        Indicator(
            "pga.duration",
            "zorg",
            "Duur in de PGA",
            "Gemiddeld aantal maanden in de aanpak van de casussen die in de maand uitstroomden.",
            _duration,
            kind=AVERAGE,
            unit="maanden",
        ),
        Indicator(
            "pga.zrm",
            "zorg",
            "Gemiddelde ZRM-score",
            "Gemiddelde zelfredzaamheidsscore (1 acute problematiek "
            "tot 5 zelfredzaam) van de scores in de maand, per leefdomein.",
            _scores,
            kind=AVERAGE,
            unit="score",
            rise_is_good=True,
        ),
    ):
        indicators.register(indicator)
