"""Reads of the ondermijning pages that are not a door: figures (counts, never a person's score) and rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, QuerySet

from regie.accounts.models import Organisation, OrganisationKind, User
from regie.ondermijning.models import AreaLocation, QuizAttempt, SiteKind, Training

COVERAGE_YEARS = 2
TARGET = 80  # percent of a department's staff trained in the last two years


@dataclass(frozen=True)
class Coverage:
    department: Organisation
    staff: int
    trained: int
    quiz_passed: int

    @property
    def percent(self) -> int:
        return round(100 * self.trained / self.staff) if self.staff else 0

    @property
    def below_target(self) -> bool:
        return self.staff > 0 and self.percent < TARGET


def coverage(municipality_id: Any, *, today: date) -> list[Coverage]:
    """Per department: staff, how many attended a training in the last two years, how many passed the quiz."""
    since = today - timedelta(days=365 * COVERAGE_YEARS)
    departments = list(
        Organisation.objects.filter(
            municipality_id=municipality_id, kind=OrganisationKind.DEPARTMENT, active=True
        )
    )
    staff = dict(
        User.objects.filter(organisation__in=departments, is_active=True)
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "n")
    )
    trained = dict(
        User.objects.filter(
            organisation__in=departments,
            is_active=True,
            pk__in=Training.attendees.through.objects.filter(training__held_on__gte=since).values("user_id"),
        )
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "n")
    )
    passed = dict(
        User.objects.filter(
            organisation__in=departments,
            is_active=True,
            pk__in=QuizAttempt.objects.filter(passed=True, taken_at__date__gte=since).values("user_id"),
        )
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "n")
    )
    return [
        Coverage(d, staff.get(d.pk, 0), trained.get(d.pk, 0), passed.get(d.pk, 0))
        for d in departments
        if staff.get(d.pk, 0)
    ]


@dataclass(frozen=True)
class SiteRow:
    pk: Any
    name: str
    kind: str
    business: str
    score: int | None
    geometry: Any


def site_rows(sites: QuerySet[AreaLocation]) -> list[SiteRow]:
    """Locations of an area with their risk, highest first (locations without a score last); plain rows, so an
    area of thousands of locations is read in one query without building model objects."""
    kinds = dict(SiteKind.choices)
    rows = [
        SiteRow(pk, name, kinds.get(kind, kind), business or "", score, geometry)
        for pk, name, kind, business, score, geometry in sites.values_list(
            "pk", "location__name", "kind", "business__name", "risk__score", "location__geometry"
        )
    ]
    rows.sort(key=lambda r: (-(r.score if r.score is not None else -1), r.name))
    return rows


def risk_band(score: int | None) -> tuple[str, str]:
    """(css modifier, Dutch label) of a score: the same bands on the map and in the table."""
    if score is None:
        return "none", "Nog niet berekend"
    if score >= 50:
        return "high", "Hoog"
    if score >= 20:
        return "medium", "Verhoogd"
    return "low", "Laag"
