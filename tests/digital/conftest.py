"""Digital-safety fixtures: complete answers for a check, and a consented follow-up made through the service."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from regie.accounts.models import User
from regie.digital.content import all_questions, bundled, options_of
from regie.digital.models import Campaign, VictimFollowUp
from regie.digital.services.campaigns import campaign_create
from regie.digital.services.follow_ups import follow_up_request

RESIDENTS = "check-inwoners"
BUSINESSES = "check-ondernemers"


def answers_for(kind: str, pick: str = "best") -> dict[str, str]:
    """Every question answered: its best option, its worst, or the first."""
    definition = bundled(kind)
    out = {}
    for q in all_questions(definition):
        options = sorted(options_of(definition, q), key=lambda o: o["points"])
        chosen = {"first": options_of(definition, q)[0], "best": options[-1], "worst": options[0]}[pick]
        out[q["code"]] = chosen["value"]
    return out


def make_follow_up(**overrides: Any) -> tuple[VictimFollowUp, str]:
    values: dict[str, Any] = {
        "situation_code": "vriend-in-nood",
        "given_names": "Fenna",
        "surname": "Oosterhuis",
        "email": "fenna@example.nl",
        "phone": "0612345678",
        "story": "Een 'dochter' vroeg via WhatsApp om 950 euro.",
        "consent": True,
    }
    values.update(overrides)
    return follow_up_request(**values)


@pytest.fixture
def follow_up(users: dict[str, User]) -> tuple[VictimFollowUp, str]:
    return make_follow_up()


@pytest.fixture
def campaign(users: dict[str, User]) -> Campaign:
    return campaign_create(
        actor=users["projectleider"],
        name="Doe je updates",
        code="doe-je-updates",
        target_group="inwoners",
        channel="sociale-media",
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 3, 31),
        views=12000,
        checks=["check-inwoners"],
    )
