"""The house's rules that `make lint` checks: the import contracts (import-linter) and the late-import rule
(tools/house_rules.py) both hold for the code, and both fail on a deliberately bad line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.house_rules import (
    LATE_IMPORTS,
    late_import_violations,
    late_imports,
    page_import_violations,
    page_imports,
)

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    """Run the contracts of pyproject.toml over the `regie` package found in `src`."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def house_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of src/regie to spoil one line in, leaving the real code alone."""
    src = tmp_path_factory.mktemp("house")
    shutil.copytree(
        ROOT / "src" / "regie", src / "regie", ignore=shutil.ignore_patterns("__pycache__", "static")
    )
    return src


def test_the_code_keeps_the_import_contracts() -> None:
    result = _lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_import_up_the_layers_breaks_the_contract(house_copy: Path) -> None:
    terms = house_copy / "regie" / "core" / "terms.py"
    original = terms.read_text(encoding="utf-8")
    terms.write_text(original + "\nfrom regie.park import selectors as _bad  # noqa\n", encoding="utf-8")
    try:
        result = _lint_imports(house_copy)
    finally:
        terms.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "regie.core is not allowed to import regie.park" in result.stdout
    assert "regie.core.terms -> regie.park.selectors" in result.stdout


def test_the_door_may_read_models_of_the_apps_above_it_but_nothing_else(house_copy: Path) -> None:
    policy = house_copy / "regie" / "access" / "policy.py"
    original = policy.read_text(encoding="utf-8")
    policy.write_text(
        original + "\nfrom regie.cases.services import case as _bad  # noqa\n", encoding="utf-8"
    )
    try:
        result = _lint_imports(house_copy)
    finally:
        policy.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "regie.access.policy -> regie.cases.services.case" in result.stdout


def test_no_regie_import_hides_inside_a_function() -> None:
    assert [str(i) for i in late_import_violations()] == []


def test_the_late_import_check_finds_an_import_in_a_function() -> None:
    source = (
        "from regie.cases.models import Case\n\n"
        "def lot_rows(user):\n"
        "    import json\n"
        "    from regie.procedures.selectors import procedures_visible_to\n"
        "    return procedures_visible_to(user)\n"
    )
    found = late_imports(source, "park/selectors.py")
    assert [(i.line, i.function, i.module) for i in found] == [(5, "lot_rows", "regie.procedures.selectors")]


def test_every_late_import_exemption_is_reasoned_and_used() -> None:
    for path, function, reason in LATE_IMPORTS:
        assert reason.strip(), (path, function)
        source = (ROOT / "src" / "regie" / path).read_text(encoding="utf-8")
        assert any(i.function == function for i in late_imports(source, path)), f"stale: {path} {function}"


def test_make_lint_runs_the_contracts_and_the_house_rules() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "lint-imports" in lint
    assert "tools.house_rules" in lint


def test_no_app_imports_another_apps_pages() -> None:
    assert [str(i) for i in page_import_violations()] == []


def test_the_page_check_finds_a_view_form_or_api_view_of_another_app() -> None:
    source = (
        "from regie.cases.views.case_create import coordinators_for\n"
        "from regie.cases import forms\n"
        "from regie.cases.api.base import require\n"
        "from regie.cases.api.subject_serializers import PersonSerializer\n"
        "from regie.cases.selectors import coordinators_for as fine\n"
        "from regie.intake.views import triage\n"
        "from regie.core.api.casing import snakify\n"
    )
    found = page_imports(source, "intake/views/queue.py")
    assert [(i.line, i.module) for i in found] == [
        (1, "regie.cases.views.case_create"),
        (2, "regie.cases.forms"),
        (3, "regie.cases.api.base"),
    ]
    assert page_imports(source, "urls.py") == []  # the project's routes name every app's views
