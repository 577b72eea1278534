"""Figures for monitoring: each app declares what it can count; the monitoring app stores it per month.

An app lower in the house (intake, cases, procedures) or a theme (park, pga, ondermijning, digital, meetings)
declares its indicators in a `figures.py` module and registers them on `indicators` from its `AppConfig.ready`
(decision 0010: the extension point lives below every theme, so the monitoring theme reads them without importing
the other themes). An indicator's `compute(start, end)` returns one month's figures from that app's own tables:
aggregates only (counts, sums and how many things an average is over), never a row about a person. The monitoring
app writes them into its rollup tables by a periodic job; no page view ever scans the live tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from regie.core.extensions import ExtensionPoint

# The themes of the safety agenda as the council reads them, in the order the dashboards show them.
THEMES: dict[str, str] = {
    "signalen": "Signalen en meldingen",
    "zorg": "Zorg en veiligheid",
    "ondermijning": "Ondermijning en vakantiepark",
    "digitaal": "Digitale veiligheid",
    "procedures": "Juridische procedures",
}

COUNT, AVERAGE, SHARE = "aantal", "gemiddelde", "percentage"


@dataclass(frozen=True)
class Figure:
    """One number of one month: the total (no dimension) or one member of a breakdown, for the whole
    municipality (no area) or one area. `base` is how many things the value is about: the count itself for a
    count, the number averaged over for an average or a share (small bases are suppressed)."""

    value: float
    base: int
    dimension: str = ""
    member: str = ""
    area: str = ""


@dataclass(frozen=True)
class Indicator:
    code: str
    theme: str
    label: str
    description: str
    compute: Callable[[date, date], Sequence[Figure]]
    kind: str = COUNT
    unit: str = ""
    # A stock (the state at the end of the month, e.g. lots with permanent residence) rather than a flow (what
    # happened in the month): a period's figure is then its last month's, not the sum of its months.
    stock: bool = False
    # Whether a rise is good news (True), bad news (False) or neither (None): the report words the change.
    rise_is_good: bool | None = None


indicators: ExtensionPoint[Indicator] = ExtensionPoint("core.indicators")


def breakdown(rows: Sequence[tuple[str, int]], dimension: str) -> list[Figure]:
    """Counts per member of one dimension, e.g. signals per category, as Figures (members without a label are
    counted as "onbekend")."""
    return [Figure(value=n, base=n, dimension=dimension, member=member or "onbekend") for member, n in rows]


def total(n: int) -> Figure:
    return Figure(value=n, base=n)


def average(values_sum: float, n: int, **where: str) -> Figure:
    """An average over `n` things; 0 with base 0 when there is nothing to average."""
    return Figure(value=round(values_sum / n, 2) if n else 0.0, base=n, **where)


def moments(start: date, end: date) -> tuple[datetime, datetime]:
    """The month [start, end) as aware moments in the municipality's time zone, for timestamp columns."""
    zone = timezone.get_default_timezone()
    return datetime.combine(start, time.min, tzinfo=zone), datetime.combine(end, time.min, tzinfo=zone)


# A cross breakdown counts two dimensions at a time (e.g. category × source): its dimension and each member join
# the two parts with CROSS, so the rollup table keeps one row per figure (decision 0012).
CROSS = " × "


def cross(rows: Sequence[tuple[str, str, int]], first: str, second: str) -> list[Figure]:
    """Counts per pair of members of two dimensions, e.g. signals per category and source, as Figures."""
    return [
        Figure(
            value=n,
            base=n,
            dimension=f"{first}{CROSS}{second}",
            member=f"{a or 'onbekend'}{CROSS}{b or 'onbekend'}",
        )
        for a, b, n in rows
    ]


def postcode_area(postcode: str) -> str:
    """The area of an address for monitoring: its four-digit postcode area (PC4), e.g. "Postcode 6811"."""
    return f"Postcode {postcode[:4]}"
