"""API fuzzing (issue 19, item 8) for the partner role, the police: the same run as test_fuzz.py, in a file of its
own so that CI's workers, which take one file each, fuzz both roles at the same time."""

from __future__ import annotations

from tests.api.test_fuzz import Demo, demo, fuzz_every_operation  # noqa: F401 — demo is the module's fixture


def test_every_operation_keeps_to_its_document_for_a_partner(demo: Demo, db: None) -> None:  # noqa: F811
    fuzz_every_operation(demo, "politie")
