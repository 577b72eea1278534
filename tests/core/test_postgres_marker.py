"""CI's second pass runs the tests marked `postgres` against the machine's PostgreSQL 15 (the embedded server is
a newer major version). The marker must sit on every test module that touches what differs between servers, and
every source module with hand-written SQL must be exercised by at least one marked module; these tests keep it so.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
SRC = ROOT / "src"

# Raw SQL, triggers, row and advisory locks, full-text search, migrations, threads racing on the database, and
# the choice between the embedded and an external server.
SERVER_SENSITIVE = re.compile(
    r"connection\.cursor|\.execute\(|RawSQL|\.raw\(|select_for_update|skip_locked|SKIP LOCKED|pg_advisory"
    r"|RunSQL|tsvector|tsquery|trigger|threading|ThreadPoolExecutor|[\"']migrate[\"']|MigrationExecutor"
    r"|MigrationLoader|DATABASE_URL|embedded_db|pgserver"
    r"|session_replication_role",
    re.IGNORECASE,
)
# Hand-written SQL in the application (outside migrations).
RAW_SQL = re.compile(
    r"connection\.cursor|\.execute\(|RawSQL|\.raw\(|select_for_update|skip_locked|SKIP LOCKED|pg_advisory"
    r"|SearchQuery|SearchVector|SearchRank|to_tsvector|tsquery|TrigramSimilarity"
)
# Source modules reached over HTTP rather than imported by their tests: the marked module that exercises each.
THROUGH_HTTP = {
    "regie.search.api": "tests/api/test_search.py",
    "regie.web.views": "tests/web/test_health.py",
    "regie.intake.services.rate_limit": "tests/intake/test_bad_input.py",
    # The theme apps' services, reached through their pages, API and test worlds.
    "regie.digital.services.campaigns": "tests/digital/test_staff_pages.py",
    "regie.digital.services.follow_ups": "tests/digital/test_staff_pages.py",
    "regie.meetings.services.series": "tests/meetings/test_api.py",
    "regie.ondermijning.services.inspections": "tests/ondermijning/test_authorisation.py",
    "regie.pga.services.cases": "tests/pga/test_api.py",
    "regie.pga.services.plans": "tests/pga/test_api.py",
    "regie.pga.services.referrals": "tests/pga/test_api.py",
    "regie.privacy.retention": "tests/privacy/test_destruction.py",
    "regie.privacy.services": "tests/privacy/test_requests.py",
    "regie.cases.services.notes": "tests/api/test_notes.py",
}


def _test_modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py") if p != Path(__file__).resolve())


def _is_marked_postgres(tree: ast.Module) -> bool:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets
        ):
            return any(
                isinstance(n, ast.Attribute) and n.attr == "postgres" for n in ast.walk(node.value)
            )
    return False


def _imported_modules(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _source_modules_with_raw_sql() -> set[str]:
    found = set()
    for path in (SRC / "regie").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        if RAW_SQL.search(path.read_text(encoding="utf-8")):
            found.add(".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__"))
    return found


def test_the_check_sees_the_suite() -> None:
    modules = _test_modules()
    assert len(modules) > 50
    assert sum(_is_marked_postgres(ast.parse(p.read_text(encoding="utf-8"))) for p in modules) >= 10


def test_every_module_that_uses_raw_sql_triggers_locks_or_the_server_start_is_marked_postgres() -> None:
    unmarked = []
    for path in _test_modules():
        source = path.read_text(encoding="utf-8")
        match = SERVER_SENSITIVE.search(source)
        if match and not _is_marked_postgres(ast.parse(source)):
            unmarked.append(f"{path.relative_to(ROOT)} ({match.group(0)})")
    assert not unmarked, "zet `pytestmark = pytest.mark.postgres` in: " + ", ".join(unmarked)


def test_every_source_module_with_raw_sql_is_exercised_by_a_marked_test_module() -> None:
    covered: set[str] = set()
    for path in _test_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if _is_marked_postgres(tree):
            covered |= _imported_modules(tree)
            covered |= {src for src, test in THROUGH_HTTP.items() if path == ROOT / test}
    missing = sorted(_source_modules_with_raw_sql() - covered)
    assert not missing, "geen test met het merk `postgres` importeert: " + ", ".join(missing)
