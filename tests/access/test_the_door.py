"""Rule 1 of the house, enforced: no unscoped read of case or person data outside the door.

The door is `src/regie/access/`; reads may also live in an app's `selectors.py` and in its services
(`services.py`, `services/`), which take objects that were fetched through the door. Migrations, demo
seeding (the `demo/` package) and management commands run without a user and are left out. Anywhere else, a
`<Model>.objects…`, `<Model>._default_manager…` or `<Model>._base_manager…` on one of the models below
fails this test, unless it is listed in EXEMPT with a reason.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres  # its snippets name .raw(); a source scan, cheap in both passes

SRC = Path(__file__).resolve().parents[2] / "src" / "regie"

# Models that hold case or person data (cases, subjects, park occupants and lots, signals, procedures).
GUARDED = frozenset(
    {
        # regie.cases.models
        "Case", "CaseMember", "CaseSubject", "Note", "Document", "Task", "TimelineEvent", "CaseLink",
        "BreakTheGlass",
        # regie.subjects.models
        "Person", "Address", "Location", "Business",
        # regie.park.models: lots, their occupants, permits, decisions, inspections and follow-ups
        "ParkLot", "Occupancy", "PersonalPermit", "ToleranceDecision", "ResidenceStatusChange", "Inspection",
        "FollowUp",
        # regie.intake.models, regie.procedures.models
        "Signal", "Procedure",
    }
)  # fmt: skip
MANAGERS = frozenset({"objects", "_default_manager", "_base_manager"})
# Manager calls that read nothing: writing a new row, or an empty queryset.
NOT_READS = frozenset({"create", "bulk_create", "none"})

# (path under src/regie, model, reason): every entry is a read that must stay unscoped.
EXEMPT: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("subjects/merge.py", "Person", "person merge is a write service: it must move every row of both"),
        ("subjects/merge.py", "CaseSubject", "person merge re-points every case link of the merged person"),
        ("subjects/merge.py", "Case", "person merge logs the cases whose links it moved"),
        ("subjects/matching.py", "Person", "only candidates=None (system work) reads all persons"),
        ("subjects/importer.py", "Person", "the BRP register import (no user) matches against every person"),
        ("search/hit_check.py", "Person", "hit/no-hit asks across all persons by design: it answers only known or "
         "unknown and which coordinator to call, and logs the question"),
        ("search/hit_check.py", "Case", "hit/no-hit counts the open cases of a matched person to name their "
         "coordinators; nothing of the case is shown"),
    }
)


@dataclass(frozen=True)
class Read:
    path: str
    line: int
    model: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.model}"


def is_inside_door(path: str) -> bool:
    """Places where an unscoped read is the door itself, or runs without a user."""
    parts = path.split("/")
    name = parts[-1]
    return (
        parts[0] == "access"
        or name in ("services.py", "selectors.py")
        or "services" in parts[:-1]
        or "migrations" in parts[:-1]
        or "management" in parts[:-1]
        or parts[0] == "demo"
    )


def _model_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):  # models.Case.objects, case_models.Person.objects
        return node.attr
    return None


def unscoped_reads(source: str, path: str) -> list[Read]:
    """Every `<GuardedModel>.<manager>` in the source that is not a write or an empty queryset."""
    tree = ast.parse(source)
    aliases = {
        alias.asname: alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname and alias.name in GUARDED
    }
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in MANAGERS):
            continue
        name = _model_name(node.value)
        model = aliases.get(name or "", name)
        if model not in GUARDED:
            continue
        call = parents.get(node)
        if isinstance(call, ast.Attribute) and call.attr in NOT_READS:
            continue
        found.append(Read(path, node.lineno, model))
    return sorted(found, key=lambda read: read.line)


def reads_outside_the_door() -> list[Read]:
    found = []
    for file in sorted(SRC.rglob("*.py")):
        path = file.relative_to(SRC).as_posix()
        if is_inside_door(path):
            continue
        found += unscoped_reads(file.read_text(encoding="utf-8"), path)
    return found


def _exempt(read: Read) -> bool:
    return any(read.path == path and read.model == model for path, model, _reason in EXEMPT)


def test_no_unscoped_read_of_case_or_person_data_outside_the_door() -> None:
    offending = [str(read) for read in reads_outside_the_door() if not _exempt(read)]
    assert not offending, (
        "Read case or person data through the access door (regie.access: cases_visible_to, get_case_for, "
        "persons_visible_to, lots_visible_to …) or an app's selectors.py, not directly:\n"
        + "\n".join(offending)
    )


def test_every_exemption_is_still_needed_and_reasoned() -> None:
    reads = reads_outside_the_door()
    for path, model, reason in EXEMPT:
        assert reason.strip(), (path, model)
        assert any(r.path == path and r.model == model for r in reads), f"stale exemption: {path} {model}"


BAD_VIEW = """
from regie.cases.models import Case, CaseSubject as Link
from regie.subjects import models as subjects

def case_detail(request, case_id):
    case = Case.objects.get(pk=case_id)
    links = Link.objects.filter(case=case)
    kvk = subjects.Business._default_manager.filter(kvk_number="90417326").exists()
    people = subjects.Person.objects.raw("SELECT * FROM subjects_person")
    return case, links, kvk, people
"""


def test_the_check_catches_a_direct_read_in_a_view() -> None:
    reads = unscoped_reads(BAD_VIEW, "cases/views/detail.py")
    assert [(r.model, r.line) for r in reads] == [
        ("Case", 6),
        ("CaseSubject", 7),
        ("Business", 8),
        ("Person", 9),
    ]
    assert not is_inside_door("cases/views/detail.py")
    assert not is_inside_door("park/forms.py")


def test_writes_and_empty_querysets_are_not_reads() -> None:
    source = "from regie.cases.models import TimelineEvent, Person\n"
    source += "TimelineEvent.objects.create(kind='x')\nfield_queryset = Person.objects.none()\n"
    assert unscoped_reads(source, "cases/timeline.py") == []


def test_a_read_in_the_door_a_selector_or_a_service_is_allowed() -> None:
    assert unscoped_reads(BAD_VIEW, "park/selectors.py")  # the read is found …
    for path in (
        "park/selectors.py",  # … but a selector is inside the door
        "access/case_access.py",
        "intake/services/receive.py",
        "subjects/services.py",
        "cases/migrations/0001_initial.py",
        "demo/cases_care.py",
        "intake/management/commands/train_classifier.py",
    ):
        assert is_inside_door(path), path
