"""Rule 1 of the house, enforced: no unscoped read of case or person data outside the door.

The check itself lives in tools/house_rules.py, which `make lint` runs; these tests run it in the suite and show
it failing on deliberately bad lines.
"""

from __future__ import annotations

import pytest

from tools.house_rules import EXEMPT, door_violations, is_inside_door, reads_outside_the_door, unscoped_reads

pytestmark = pytest.mark.postgres  # its snippets name .raw(); a source scan, cheap in both passes


def test_no_unscoped_read_of_case_or_person_data_outside_the_door() -> None:
    offending = [str(read) for read in door_violations()]
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
