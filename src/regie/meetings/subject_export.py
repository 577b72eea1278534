"""What the case meetings hold about a data subject, for the privacy officer's access export (AVG art. 15, issue 18).

Registered on `subjects.extensions.subject_exports`; reads through the officer's door (access/privacy_access.py)
and shows metadata only: which meeting discussed a case the person is in, when, and the data categories of its
minutes, never the question or the minutes themselves."""

from __future__ import annotations

from typing import Any

from regie.access import privacy_access
from regie.cases.models import DataCategory
from regie.core.dates import format_moment
from regie.subjects.extensions import SubjectExportSection, subject_exports
from regie.subjects.models import Person


def meetings_section(user: Any, person: Person) -> SubjectExportSection | None:
    items = privacy_access.meeting_items_of(user, person)
    if not items:
        return None
    rows: list[tuple[str, ...]] = []
    categories = {"Identificerende gegevens"}
    for item in items:
        labels = [
            str(DataCategory(code).label)
            for code in getattr(item, "minute_categories", ())
            if code in DataCategory.values
        ]
        categories.update(labels)
        rows.append(
            (
                item.meeting.series.name,
                format_moment(item.meeting.starts_at),
                f"Casus {item.case.number}" if item.case else "",
                ", ".join(labels) or "Geen verslag",
            )
        )
    return SubjectExportSection(
        title="Casusoverleggen",
        categories=tuple(sorted(categories)),
        columns=("Overleg", "Wanneer", "Besproken", "Verslag (gegevenscategorieën)"),
        rows=tuple(rows),
    )


def register() -> None:
    subject_exports.register(meetings_section)
