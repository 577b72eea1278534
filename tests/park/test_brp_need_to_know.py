"""BRP and enforcement stay apart on the pages too: a BRP officer sees the park's lots without enforcement steps
(even of a case they are on) and is offered, by page and API, only the BRP address investigation."""

from __future__ import annotations

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from regie.access.case_access import access_to
from regie.cases.services.team import case_member_add
from regie.park.services.follow_ups import (
    brp_referral_take_up,
    follow_up_refer_brp,
    follow_up_start_procedure,
)
from regie.park.services.inspections import inspection_submit
from regie.procedures.models import Procedure
from regie.procedures.services.engine import procedure_start
from tests.park.conftest import ParkWorld

ENFORCEMENT = "Handhaving permanente bewoning"
BRP = "BRP-adresonderzoek"


@pytest.fixture
def both(park_world: ParkWorld) -> tuple[Procedure, Procedure]:
    """An enforcement procedure and an address investigation on lot 1; the BRP officer is on both cases."""
    inspector = park_world.users["handhaver"]
    inspection = inspection_submit(
        actor=inspector,
        inspection_round=park_world.round,
        lot=park_world.lots[1],
        indicators=["brp"],
        entry_consent=True,
        findings="Woont er permanent.",
        outcome="vastgesteld",
    ).inspection
    follow_up_start_procedure(actor=inspector, inspection=inspection)
    referral = follow_up_refer_brp(actor=inspector, inspection=inspection, note="Ingeschreven?")
    case = brp_referral_take_up(actor=park_world.users["brp"], follow_up=referral)
    enforcement = Procedure.objects.get(type_code="permanent-residence")
    case_member_add(
        actor=park_world.users["projectleider"],
        case=enforcement.case,
        case_role="meelezer",
        categories=["general"],
        user=park_world.users["brp"],
    )
    return enforcement, Procedure.objects.get(type_code="brp-address-investigation", case=case)


@pytest.mark.parametrize("page", ["", "/kaart"])
def test_a_brp_officer_sees_the_lots_without_enforcement_steps(sign_in, park_world, both, page):
    enforcement, brp = both
    url = f"/vakantiepark/{park_world.park.pk}{page}"
    body = sign_in(park_world.users["brp"]).get(url).content.decode()
    assert f'href="/procedures/{brp.pk}"' in body
    assert f'href="/procedures/{enforcement.pk}"' not in body and ENFORCEMENT not in body
    inspector = sign_in(park_world.users["handhaver"]).get(url).content.decode()
    assert f'href="/procedures/{enforcement.pk}"' in inspector


def test_a_brp_officer_opens_a_lot_without_enforcement_content(sign_in, park_world, both):
    response = sign_in(park_world.users["brp"]).get(f"/vakantiepark/kavels/{park_world.lots[1].pk}")
    body = response.content.decode()
    assert response.status_code == 200 and "Kavel 1" in body
    assert ENFORCEMENT not in body and "Status wijzigen" not in body


def _options(body: str) -> str:
    return body[body.index('id="soort"') : body.index("</select>", body.index('id="soort"'))]


def test_the_start_page_offers_a_brp_officer_only_the_address_investigation(sign_in, park_world):
    client = sign_in(park_world.users["brp"])
    options = _options(client.get("/procedures/starten").content.decode())
    assert 'value="brp-address-investigation"' in options
    assert 'value="permanent-residence"' not in options and 'value="opiumwet-13b"' not in options
    refused = client.get("/procedures/starten?soort=permanent-residence")
    assert refused.status_code == 400
    assert "Deze soort procedure kunt u niet starten" in refused.content.decode()
    inspector = _options(sign_in(park_world.users["handhaver"]).get("/procedures/starten").content.decode())
    assert 'value="permanent-residence"' in inspector and 'value="brp-address-investigation"' not in inspector


def test_a_role_that_starts_nothing_is_told_so(sign_in, park_world):
    body = sign_in(park_world.users["procesregisseur"]).get("/procedures/starten").content.decode()
    assert "U kunt zelf geen procedure starten" in body and 'id="soort"' not in body


def test_the_api_offers_a_brp_officer_only_the_address_investigation(sign_in, park_world, both):
    enforcement, _ = both
    client = sign_in(park_world.users["brp"])
    types = client.get("/api/v1/procedure-types").json()["results"]
    assert [(t["code"], t["mayStart"]) for t in types] == [("brp-address-investigation", True)]
    jurist = sign_in(park_world.users["jurist"]).get("/api/v1/procedure-types").json()["results"]
    assert {t["code"]: t["mayStart"] for t in jurist} == {
        "permanent-residence": True,
        "opiumwet-13b": True,
        "brp-address-investigation": False,
    }
    client = sign_in(park_world.users["brp"])
    before = Procedure.objects.count()
    body = {"case": str(enforcement.case_id), "type": "opiumwet-13b", "date": "2026-01-05", "data": {}}
    refused = client.post("/api/v1/procedures", json.dumps(body), content_type="application/json")
    assert refused.status_code == 400, refused.content
    assert refused["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in refused.json()["invalidParams"]] == ["type"]
    assert Procedure.objects.count() == before


def test_the_engine_refuses_a_brp_officer_an_enforcement_procedure(park_world, both):
    enforcement, _ = both
    brp = park_world.users["brp"]
    with pytest.raises(ValidationError) as refused:
        procedure_start(
            actor=brp,
            access=access_to(brp, enforcement.case),
            type_code="opiumwet-13b",
            on_date=timezone.localdate(),
        )
    assert "U kunt geen" in str(refused.value) and "starten" in str(refused.value)


ENFORCEMENT_TYPES = {"permanent-residence", "opiumwet-13b"}
START_OFFERS: dict[str, set[str] | int] = {
    "procesregisseur": set(),
    "projectleider": ENFORCEMENT_TYPES,
    "handhaver": ENFORCEMENT_TYPES,
    "jurist": ENFORCEMENT_TYPES,
    "brp": {"brp-address-investigation"},
    "politie": 403,
    "ggz": 403,
    "analist": 403,
    "beheerder": 403,
    "privacy": 403,
}


@pytest.mark.parametrize("role", START_OFFERS)
def test_each_role_is_offered_only_the_procedures_it_starts(sign_in, users, role):
    response = sign_in(users[role]).get("/procedures/starten")
    expected = START_OFFERS[role]
    if isinstance(expected, int):
        assert response.status_code == expected
        return
    body = response.content.decode()
    offered = (
        set()
        if 'id="soort"' not in body
        else set(re.findall(r'<option value="([a-z0-9-]+)"', _options(body)))
    )
    assert response.status_code == 200 and offered == expected


LOT_PAGE = {
    "projectleider": 200,
    "handhaver": 200,
    "jurist": 200,
    "brp": 200,
    "procesregisseur": 200,
    "politie": 403,
    "ggz": 403,
    "analist": 403,
    "beheerder": 403,
    "privacy": 403,
}


@pytest.mark.parametrize("role", LOT_PAGE)
def test_each_role_on_the_lot_and_overview_pages(sign_in, park_world, both, role):
    enforcement, _ = both
    client = sign_in(park_world.users[role])
    lot = client.get(f"/vakantiepark/kavels/{park_world.lots[1].pk}")
    overview = client.get(f"/vakantiepark/{park_world.park.pk}")
    assert lot.status_code == overview.status_code == LOT_PAGE[role]
    if LOT_PAGE[role] == 200:
        # Enforcement steps show to whoever works on (or reads) the enforcement case, never to burgerzaken.
        shows_enforcement = f'href="/procedures/{enforcement.pk}"' in overview.content.decode()
        assert shows_enforcement == (role in ("projectleider", "handhaver"))
