"""Geometry for the server-rendered SVG pictures: a procedure's timeline and the deadline overview.

Positions are computed here from dates as day numbers, so the templates only draw; every picture is
accompanied by a table with the same numbers (architecture: charts with their numbers beside them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from regie.core.terms import format_date
from regie.procedures.definitions.schema import Definition
from regie.procedures.models import Deadline, DeadlineStatus, Transition

WIDTH = 780
LABEL_WIDTH = 250
PLOT_WIDTH = WIDTH - LABEL_WIDTH - 20
ROW = 28
TOP = 34
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class Bar:
    label: str
    start: date
    end: date
    current: bool
    x: float
    width: float
    y: float
    text_y: float


@dataclass(frozen=True)
class Mark:
    label: str
    due: date
    status: str
    css: str
    statutory: bool
    x: float
    y: float
    text_y: float
    points: str


@dataclass(frozen=True)
class Tick:
    label: str
    x: float


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    bars: list[Bar]
    marks: list[Mark]
    ticks: list[Tick]
    today_x: float
    plot_bottom: float
    description: str


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _month_starts(first: date, last: date) -> list[date]:
    starts: list[date] = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month == 13:
            year, month = year + 1, 1
        start = date(year, month, 1)
        if start > last:
            return starts
        starts.append(start)


def deadline_css(deadline: Deadline, today: date) -> str:
    if deadline.status == DeadlineStatus.OPEN:
        return "regie-mark--overdue" if deadline.due_date < today else "regie-mark--open"
    return "regie-mark--done"


def procedure_timeline(
    definition: Definition, transitions: list[Transition], deadlines: list[Deadline], today: date
) -> Timeline:
    """Steps as bars (from their date to the next step, the current one to today), deadlines as diamonds."""
    dates = [t.on_date for t in transitions] + [d.due_date for d in deadlines] + [today]
    first, last = min(dates).toordinal() - 3, max(dates).toordinal() + 7
    span = max(last - first, 1)

    def x(day: date) -> float:
        return round(LABEL_WIDTH + (day.toordinal() - first) / span * PLOT_WIDTH, 1)

    bars = []
    for index, transition in enumerate(transitions):
        end = transitions[index + 1].on_date if index + 1 < len(transitions) else today
        step = definition.step(transition.to_step)
        y = TOP + index * ROW
        bars.append(
            Bar(
                label=_short(step.label if step else transition.to_step),
                start=transition.on_date,
                end=end,
                current=index == len(transitions) - 1,
                x=x(transition.on_date),
                width=max(x(end) - x(transition.on_date), 3),
                y=y,
                text_y=y + 15,
            )
        )
    marks = []
    base = TOP + len(transitions) * ROW + 10
    for index, deadline in enumerate(deadlines):
        y = base + index * ROW
        cx, cy = x(deadline.due_date), y + 10
        who = f" — {deadline.addressee.get_role_display().lower()}" if deadline.addressee else ""
        marks.append(
            Mark(
                label=_short(f"{deadline.label}{who}", 30),
                due=deadline.due_date,
                status=deadline.get_status_display(),
                css=deadline_css(deadline, today),
                statutory=deadline.statutory,
                x=cx,
                y=y,
                text_y=y + 15,
                points=f"{cx},{cy - 7} {cx + 7},{cy} {cx},{cy + 7} {cx - 7},{cy}",
            )
        )
    bottom = base + len(deadlines) * ROW
    ticks = [
        Tick(f"{MONTHS[d.month - 1]}{' ' + str(d.year) if d.month == 1 else ''}", x(d))
        for d in _month_starts(date.fromordinal(first), date.fromordinal(last))
    ]
    if len(ticks) > 14:  # long dossiers: one tick per quarter keeps the labels readable
        ticks = [t for t in ticks if t.label.split()[0] in ("jan", "apr", "jul", "okt")]
    description = (
        f"{len(transitions)} stappen en {len(deadlines)} termijnen; vandaag is {format_date(today)}. "
        "Dezelfde gegevens staan in de tabel naast de tijdlijn."
    )
    return Timeline(WIDTH, int(bottom + 10), bars, marks, ticks, x(today), bottom, description)


@dataclass(frozen=True)
class Column:
    label: str
    count: int
    x: float
    y: float
    height: float
    css: str


def overview_columns(
    deadlines: list[Deadline], today: date, weeks: list[tuple[str, date, date]]
) -> list[Column]:
    """A bar per period (overdue, then each week of the next 30 days) with the number of deadlines in it."""
    counts = [("Te laat", sum(1 for d in deadlines if d.due_date < today), "regie-mark--overdue")]
    for label, start, end in weeks:
        counts.append((label, sum(1 for d in deadlines if start <= d.due_date <= end), "regie-mark--open"))
    highest = max((c for _, c, _ in counts), default=0) or 1
    columns = []
    for index, (label, count, css) in enumerate(counts):
        height = round(count / highest * 120, 1)
        columns.append(Column(label, count, 40 + index * 115, 150 - height, height, css))
    return columns
