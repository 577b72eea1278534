"""Procedures are data: each shipped definition is consistent, stored per version and read back unchanged."""

from __future__ import annotations

import pytest

from regie.procedures.definitions import SHIPPED
from regie.procedures.definitions.schema import check, from_data, to_data
from regie.procedures.models import ProcedureDefinition
from regie.procedures.services.definitions import KNOWN_ROLES, DefinitionChanged, definition_register
from regie.procedures.services.rules import known_rules


@pytest.mark.parametrize("code", sorted(SHIPPED))
def test_every_shipped_definition_is_consistent(code):
    assert check(SHIPPED[code], known_rules=known_rules(), known_roles=KNOWN_ROLES) == []


@pytest.mark.parametrize("code", sorted(SHIPPED))
def test_a_definition_survives_storage_as_json(code):
    assert from_data(to_data(SHIPPED[code])) == SHIPPED[code]


def test_the_checker_names_what_is_wrong():
    from dataclasses import replace

    definition = SHIPPED["permanent-residence"]
    broken_step = replace(definition.steps[0], next=("nergens",), rules=("onzin",))
    broken = replace(definition, steps=(broken_step, *definition.steps[1:]), start_step="begin")
    problems = check(broken, known_rules=known_rules(), known_roles=KNOWN_ROLES)
    assert "Beginstap 'begin' bestaat niet." in problems
    assert "Stap 'signal': volgende stap 'nergens' bestaat niet." in problems
    assert "Stap 'signal': onbekende regel 'onzin'." in problems


def test_every_step_may_go_back_or_on_and_the_objection_steps_exist_in_both_enforcement_procedures():
    for code in ("permanent-residence", "opiumwet-13b"):
        definition = SHIPPED[code]
        assert "intended-decision" in definition.allowed_after(
            "view-received"
        )  # back: a new intended decision
        assert {"objection-received", "objection-decision", "appeal-filed"} <= {
            s.code for s in definition.steps
        }


@pytest.mark.django_db
def test_it_registers_a_definition_version_once_and_refuses_a_silent_change(monkeypatch):
    from dataclasses import replace

    first = definition_register("brp-address-investigation")
    assert definition_register("brp-address-investigation").pk == first.pk
    assert ProcedureDefinition.objects.count() == 1
    changed = replace(SHIPPED["brp-address-investigation"], label="Iets anders")
    monkeypatch.setitem(SHIPPED, "brp-address-investigation", changed)
    with pytest.raises(DefinitionChanged):
        definition_register("brp-address-investigation")
