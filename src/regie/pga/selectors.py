"""Reads of the PGA pages and API that shape data already let through by the door (access.pga_access)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any, Protocol

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Max, Min, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from regie.access.policy import CASE_ROLES
from regie.accounts.models import User
from regie.pga.models import (
    STALE_AFTER_DAYS,
    DomainPlan,
    DomainScore,
    PgaCase,
    PgaStatus,
    Referral,
    ReferralStatus,
    ZrmDomain,
)

# The sparkline of one domain: 5 score levels over the rounds, drawn as SVG (coordinates as strings with a dot).
SPARK_W, SPARK_H, SPARK_PAD = 160, 44, 6
PAGE_SIZE = 50  # PGA cases per page of the work list
# What a row of the work list shows (and the list's read log names): only these columns are read.
_NAME = ("given_names", "prefix", "surname")
_USER = ("first_name", "last_name", "username")
LISTED_FIELDS = (
    "status",
    "level",
    "last_scored_on",
    "case__number",
    *(f"person__{f}" for f in _NAME),
    *(f"process_director__{f}" for f in _USER),
    *(f"case_director__{f}" for f in _USER),
)


def _coord(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


class ScoreLike(Protocol):
    """What the case page reads of a score: a DomainScore, or a plain row of these columns (`values_list`)."""

    @property
    def domain_id(self) -> Any: ...
    @property
    def score(self) -> int: ...
    @property
    def scored_on(self) -> date: ...
    @property
    def reason(self) -> str: ...


@dataclass
class DomainRow:
    """One life domain on the case page: its plan, its scores over time and whether the last one is stale."""

    domain: ZrmDomain
    plan: DomainPlan | None = None
    scores: list[ScoreLike] = field(default_factory=list)
    today: date | None = None

    @property
    def latest(self) -> ScoreLike | None:
        return self.scores[-1] if self.scores else None

    @property
    def first(self) -> ScoreLike | None:
        return self.scores[0] if self.scores else None

    @property
    def stale(self) -> bool:
        latest = self.latest
        return bool(
            latest is not None and self.today and (self.today - latest.scored_on).days > STALE_AFTER_DAYS
        )

    @property
    def change(self) -> int | None:
        if len(self.scores) < 2:
            return None
        return self.scores[-1].score - self.scores[0].score

    @cached_property
    def points(self) -> str:
        """The polyline of the scores (x by round, y by score 1..5) for the sparkline."""
        if not self.scores:
            return ""
        step = (SPARK_W - 2 * SPARK_PAD) / max(1, len(self.scores) - 1)
        height = SPARK_H - 2 * SPARK_PAD
        return " ".join(
            f"{_coord(SPARK_PAD + i * step)},{_coord(SPARK_PAD + (5 - s.score) / 4 * height)}"
            for i, s in enumerate(self.scores)
        )

    @property
    def last_point(self) -> tuple[str, str] | None:
        if not self.scores:
            return None
        x, y = self.points.split(" ")[-1].split(",")
        return x, y


def domain_rows(
    domains: Sequence[ZrmDomain], plans: Iterable[DomainPlan], scores: Iterable[ScoreLike], today: date
) -> list[DomainRow]:
    rows = {d.pk: DomainRow(domain=d, today=today) for d in domains}
    for plan in plans:
        if plan.domain_id in rows:
            rows[plan.domain_id].plan = plan
    for score in scores:
        if score.domain_id in rows:
            rows[score.domain_id].scores.append(score)
    return list(rows.values())


def score_table(rows: Sequence[DomainRow]) -> tuple[list[date], list[tuple[ZrmDomain, SafeString]]]:
    """The same numbers as the sparklines: one column per score date, one row per domain. A row's cells come as one
    piece of escaped HTML (a score, or nothing where the domain was not scored that day): twenty rounds of thirteen
    domains are 260 cells, which cost more through the template engine than the rest of the page."""
    dates = sorted({s.scored_on for row in rows for s in row.scores})
    table = []
    for row in rows:
        by_date = {s.scored_on: s.score for s in row.scores}
        cells = format_html_join("", '<td class="utrecht-table__cell">{}</td>', ((by_date.get(d, ""),) for d in dates))
        table.append((row.domain, cells))
    return dates, table


@dataclass(frozen=True)
class TriageRow:
    referral: Referral
    age_days: int
    overdue: bool


def triage_rows(referrals: QuerySet[Referral], today: date) -> list[TriageRow]:
    """Referrals awaiting a decision, most urgent and oldest first; older than a week is overdue (weekly triage)."""
    waiting = (
        referrals.filter(status=ReferralStatus.AWAITING)
        .select_related("person", "referred_by", "referred_by__organisation")
        .order_by("created_at")
    )
    rows = [
        TriageRow(r, (today - r.created_at.date()).days, (today - r.created_at.date()).days > 7)
        for r in waiting
    ]
    urgency_order = {"spoed": 0, "hoog": 1, "normaal": 2}
    return sorted(rows, key=lambda row: (urgency_order.get(row.referral.urgency, 3), -row.age_days))


@dataclass(frozen=True)
class CasePage:
    """One page of a section of the work list (running, or stepped down and closed) with its total."""

    rows: list[PgaCase]
    number: int
    total: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def _number(value: object) -> int:
    try:
        return max(1, min(int(str(value)), 100_000))
    except ValueError:
        return 1


def work_list(
    pga_cases: QuerySet[PgaCase], *, active_page: object, exited_page: object
) -> tuple[CasePage, CasePage]:
    """The two sections of the work list, the latest inclusion first, in two queries whatever the number of cases:
    one pass over the narrow PGA-case rows the user may see numbers both sections and counts them (window
    functions), and one query loads the people and directors of the at most 2 × PAGE_SIZE rows shown. The last score
    date is the denormalised `last_scored_on` the score service keeps."""
    wanted = {True: _number(active_page), False: _number(exited_page)}
    running = ExpressionWrapper(Q(status=PgaStatus.ACTIVE), output_field=BooleanField())
    ranked = (
        pga_cases.annotate(
            running=running,
            n=Window(RowNumber(), partition_by=[running], order_by=[F("included_on").desc(), F("pk").desc()]),
            total=Window(Count("pk"), partition_by=[running]),
        )
        .filter(
            Q(running=True, n__gt=(wanted[True] - 1) * PAGE_SIZE, n__lte=wanted[True] * PAGE_SIZE)
            | Q(running=False, n__gt=(wanted[False] - 1) * PAGE_SIZE, n__lte=wanted[False] * PAGE_SIZE)
        )
        .values_list("pk", "running", "n", "total")
    )
    picked = list(ranked)
    totals = {flag: 0 for flag in wanted}
    order: dict[Any, int] = {}
    for pk, flag, n, total in picked:
        totals[flag] = total
        order[pk] = n
    loaded = (
        PgaCase.objects.filter(pk__in=list(order))
        .select_related("person", "case", "process_director", "case_director")
        .only(*LISTED_FIELDS)
        if order
        else PgaCase.objects.none()
    )
    rows: dict[bool, list[PgaCase]] = {True: [], False: []}
    for pga in sorted(loaded, key=lambda p: order[p.pk]):
        rows[pga.status == PgaStatus.ACTIVE].append(pga)
    return (
        CasePage(rows[True], wanted[True], totals[True]),
        CasePage(rows[False], wanted[False], totals[False]),
    )


def overdue_reviews(pga_cases: QuerySet[PgaCase], today: date) -> QuerySet[PgaCase]:
    """Contra-indications whose review date has passed: the procesregisseur must look again."""
    return pga_cases.filter(
        status=PgaStatus.ACTIVE, informed_on__isnull=True, contra_review_on__lte=today
    ).select_related("person", "case")


def monitoring_counts(municipality_id: Any, *, since: date, today: date) -> dict[str, Any]:
    """Aggregates for monitoring (never a person): inflow, outflow, level, duration, exit reasons and the average
    change of score per domain from first to last score."""
    cases = PgaCase.objects.filter(case__municipality_id=municipality_id)
    inflow = cases.filter(included_on__gte=since).count()
    outflow = cases.filter(exited_on__gte=since).count()
    by_level = dict(cases.filter(status=PgaStatus.ACTIVE).values_list("level").annotate(n=Count("pk")))
    reasons = dict(cases.filter(exited_on__gte=since).values_list("exit_reason").annotate(n=Count("pk")))
    durations = [
        ((c.exited_on or today) - c.included_on).days for c in cases.only("included_on", "exited_on")
    ]
    firsts = (
        DomainScore.objects.filter(pga_case__in=cases)
        .values("pga_case_id", "domain__label", "domain__position")
        .annotate(first=Min("scored_on"), last=Max("scored_on"))
    )
    wanted = {(r["pga_case_id"], r["domain__label"]): (r["first"], r["last"]) for r in firsts}
    values: dict[tuple[Any, str, date], int] = {
        (s["pga_case_id"], s["domain__label"], s["scored_on"]): s["score"]
        for s in DomainScore.objects.filter(pga_case__in=cases).values(
            "pga_case_id", "domain__label", "scored_on", "score"
        )
    }
    changes: dict[str, list[int]] = defaultdict(list)
    for (case_id, label), (first, last) in wanted.items():
        if first != last:
            changes[label].append(values[(case_id, label, last)] - values[(case_id, label, first)])
    return {
        "inflow": inflow,
        "outflow": outflow,
        "active_by_level": by_level,
        "exit_reasons": reasons,
        "average_duration_days": round(sum(durations) / len(durations)) if durations else None,
        "average_change": {label: round(sum(v) / len(v), 2) for label, v in sorted(changes.items())},
    }


def year_ago(today: date) -> date:
    return today - timedelta(days=365)


def case_people(case_id: Any, coordinator_id: Any) -> QuerySet[User]:
    """Who may hold a role or a task on this PGA case: active case workers on its team (the services check again)."""
    return (
        User.objects.filter(is_active=True, role__in=CASE_ROLES)
        .filter(
            Q(pk=coordinator_id)
            | Q(case_memberships__case_id=case_id)
            | Q(organisation__case_memberships__case_id=case_id)
        )
        .select_related("organisation")
        .distinct()
        .order_by("last_name", "first_name")
    )
