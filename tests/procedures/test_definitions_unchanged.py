"""A shipped definition version is frozen: it must serialise to exactly its committed snapshot.

Running procedures keep the definition version they started with, and `definition_register` refuses a stored
version whose content changed. So a refactoring of the definition modules (shared step builders and the like)
must leave every version's data as it was, to the letter: steps and their order, transitions, terms,
statutory flags, letters, fields and roles. A deliberate change is a new version with a new snapshot, written by

    .venv/bin/python -m tests.procedures.test_definitions_unchanged
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from regie.procedures.definitions import SHIPPED
from regie.procedures.definitions.schema import Definition, to_data

SNAPSHOTS = Path(__file__).parent / "snapshots"


def snapshot_of(definition: Definition) -> dict[str, Any]:
    """Everything the schema holds, plus what the engine derives from it (transitions, terms, letters)."""
    return {
        "spec": to_data(definition),
        "allowed_after": {s.code: list(definition.allowed_after(s.code)) for s in definition.steps},
        "terms": {code: _plain(term) for code, term in definition.terms().items()},
        "letters": {code: _plain(letter) for code, letter in definition.letters().items()},
    }


def _plain(spec: Any) -> Any:
    return json.loads(json.dumps(asdict(spec)))


def path_of(definition: Definition) -> Path:
    return SNAPSHOTS / f"{definition.code}-v{definition.version}.json"


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("code", sorted(SHIPPED))
def test_a_shipped_definition_version_equals_its_committed_snapshot(code):
    definition = SHIPPED[code]
    path = path_of(definition)
    assert path.exists(), (
        f"Geen snapshot voor {path.name}: schrijf hem bij een nieuwe versie (zie de docstring)."
    )
    # Compared as text: the order of keys, steps, fields and choices is part of the definition.
    assert dump(snapshot_of(definition)) == path.read_text(encoding="utf-8")


if __name__ == "__main__":  # write the snapshot of a new version; an existing one is never overwritten
    for shipped in SHIPPED.values():
        target = path_of(shipped)
        if not target.exists():
            target.write_text(dump(snapshot_of(shipped)), encoding="utf-8")
            print(f"written: {target}")
