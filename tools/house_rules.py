"""The house's rules that a linter cannot see, checked over the source: `python -m tools.house_rules`.

1. **One door for reads** (architecture rule 1): no unscoped read of case or person data outside the door.
   The door is `src/regie/access/`; reads may also live in an app's `selectors.py` and in its services
   (`services.py`, `services/`), which take objects that were fetched through the door, and in its `figures.py`
   (aggregates for monitoring, which show no person). Migrations, the demo
   package and management commands run without a user and are left out. Anywhere else, a `<Model>.objects…`,
   `<Model>._default_manager…` or `<Model>._base_manager…` on one of the GUARDED models fails the check, unless
   it is listed in EXEMPT with a reason.
2. **No import inside a function to dodge a cycle** (decision 0010): an import of a `regie` module belongs at
   the top of the module, where import-linter sees it. The few that must wait (the app registry in
   `AppConfig.ready`, the settings module before Django is set up) are listed in LATE_IMPORTS with a reason.

3. **Apps meet through services and selectors** (issue 11): an app does not import another app's pages — its
   views, forms, urls, template tags or API views (core's API and HTML conventions are the shared kernel;
   serializers are shared representations and may be reused; the project's `urls.py` and `api_urls.py` route to
   every app's views).

All three print what they find and make the command exit 1; tests/core/test_house_rules.py shows each failing on a
deliberately bad line.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "regie"

# Models that hold case or person data (cases, subjects, park occupants and lots, signals, procedures).
GUARDED = frozenset(
    {
        # regie.cases.models
        "Case", "CaseMember", "CaseSubject", "Note", "Document", "Task", "TimelineEvent", "CaseLink",
        "BreakTheGlass",
        # regie.subjects.models
        "Person", "Address", "Location", "Business", "BrpRetrieval",
        # regie.park.models: lots, their occupants, permits, decisions, inspections and follow-ups
        "ParkLot", "Occupancy", "PersonalPermit", "ToleranceDecision", "ResidenceStatusChange", "Inspection",
        "FollowUp",
        # regie.intake.models, regie.procedures.models
        "Signal", "Procedure",
        # regie.pga.models (issue 14)
        "Referral", "PgaCase", "DomainPlan", "DomainScore", "Evaluation",
        # regie.ondermijning.models (issue 17)
        "AreaLocation", "LocationRisk", "Finding", "InspectionSite", "AreaContact", "StaffReport", "KvoDocument",
        # regie.meetings.models (issue 15)
        "AgendaItem", "ItemGrant", "MinutesEntry", "AgreedAction", "DiscussionRequest",
        # regie.digital.models (issue 16)
        "VictimFollowUp",
    }
)  # fmt: skip
MANAGERS = frozenset({"objects", "_default_manager", "_base_manager"})
# Manager calls that read nothing: writing a new row, or an empty queryset.
NOT_READS = frozenset({"create", "bulk_create", "none"})

# (path under src/regie, model, reason): every entry is a read that must stay unscoped.
EXEMPT: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("subjects/matching.py", "Person", "only candidates=None (system work) reads all persons"),
        ("subjects/importer.py", "Person", "the BRP register import (no user) matches against every person"),
        (
            "search/hit_check.py",
            "Person",
            "hit/no-hit asks across all persons by design: it answers only known or "
            "unknown and which coordinator to call, and logs the question",
        ),
        (
            "search/hit_check.py",
            "Case",
            "hit/no-hit counts the open cases of a matched person to name their "
            "coordinators; nothing of the case is shown",
        ),
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
        # An app's figures for monitoring (core.indicators): counts and averages, never a row about a person.
        or name == "figures.py"
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


def exempt(read: Read) -> bool:
    return any(read.path == path and read.model == model for path, model, _reason in EXEMPT)


def door_violations() -> list[Read]:
    return [read for read in reads_outside_the_door() if not exempt(read)]


# (path under src/regie, function, reason): imports that must run late, and why.
LATE_IMPORTS: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("park/apps.py", "ready", "contributions to lower apps register once the app registry is ready"),
        (
            "procedures/apps.py",
            "ready",
            "contributions to lower apps register once the app registry is ready",
        ),
        ("pga/apps.py", "ready", "contributions to lower apps register once the app registry is ready"),
        ("intake/apps.py", "ready", "what the app counts for monitoring registers once the registry is ready"),
        ("cases/apps.py", "ready", "what the app counts for monitoring registers once the registry is ready"),
        ("ondermijning/apps.py", "ready", "what the app counts for monitoring registers once the registry is ready"),
        ("digital/apps.py", "ready", "what the app counts for monitoring registers once the registry is ready"),
        ("meetings/apps.py", "ready", "contributions to lower apps register once the app registry is ready"),
        ("privacy/apps.py", "ready", "the register of processing activities is completed after migrate and flush"),
        ("settings.py", "_database", "the embedded server is loaded only when DATABASE_URL is unset"),
    }
)


@dataclass(frozen=True)
class LateImport:
    path: str
    line: int
    function: str
    module: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function}(): {self.module}"


def late_imports(source: str, path: str) -> list[LateImport]:
    """Every import of a `regie` module inside a function body."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.ImportFrom) and inner.module and inner.level == 0:
                modules = [inner.module]
            elif isinstance(inner, ast.Import):
                modules = [alias.name for alias in inner.names]
            else:
                continue
            found += [
                LateImport(path, inner.lineno, node.name, m)
                for m in modules
                if m == "regie" or m.startswith("regie.")
            ]
    return sorted(set(found), key=lambda i: i.line)


def late_import_violations() -> list[LateImport]:
    found = []
    for file in sorted(SRC.rglob("*.py")):
        path = file.relative_to(SRC).as_posix()
        if "migrations" in path.split("/"):
            continue
        found += [
            i
            for i in late_imports(file.read_text(encoding="utf-8"), path)
            if not any(i.path == p and i.function == f for p, f, _reason in LATE_IMPORTS)
        ]
    return found


PAGE_MODULES = re.compile(r"^(views|urls|api_urls|forms|templatetags|\w+_views|\w+_forms)$")


@dataclass(frozen=True)
class PageImport:
    path: str
    line: int
    module: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.module}"


def _is_page_module(module: str) -> bool:
    parts = module.split(".")  # regie.<app>.<sub>…
    if len(parts) < 3:
        return False
    if PAGE_MODULES.match(parts[2]):
        return True
    return parts[2] == "api" and not any("serializers" in part for part in parts[3:])


def page_imports(source: str, path: str) -> list[PageImport]:
    """Imports of another app's pages from the module at `path` (relative to src/regie)."""
    parts = path.split("/")
    if len(parts) < 2:
        return []  # the project's own modules (urls.py, api_urls.py) route to every app
    app = parts[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            names = module.split(".")
            if (
                names[0] == "regie"
                and len(names) > 2
                and names[1] not in (app, "core")
                and _is_page_module(module)
            ):
                found.append(PageImport(path, node.lineno, module))
                break
    return found


def page_import_violations() -> list[PageImport]:
    found = []
    for file in sorted(SRC.rglob("*.py")):
        path = file.relative_to(SRC).as_posix()
        if "migrations" not in path.split("/"):
            found += page_imports(file.read_text(encoding="utf-8"), path)
    return found


def main() -> int:
    failed = False
    if reads := door_violations():
        failed = True
        print(
            "Lees casus- of persoonsgegevens via de toegangsdeur (regie.access: cases_visible_to, get_case_for, "
            "persons_visible_to, lots_visible_to …) of de selectors.py van een app, niet rechtstreeks:"
        )
        print("\n".join(f"  {read}" for read in reads))
    if late := late_import_violations():
        failed = True
        print(
            "Import binnen een functie (zet hem bovenaan de module; een kring los je op, je verstopt hem niet):"
        )
        print("\n".join(f"  {i}" for i in late))
    if pages := page_import_violations():
        failed = True
        print("Een app gebruikt de pagina's van een andere app (gebruik haar services of selectors):")
        print("\n".join(f"  {i}" for i in pages))
    if not failed:
        print("Huisregels: de deur, de imports en de grenzen tussen apps zijn in orde.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
