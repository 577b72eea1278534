"""The demo's local BRP and BAG: seeded from the demo data in the published shapes, switchable to "niet gekoppeld"."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import pytest

from regie.demo.registers import EXTRA, seed, start_registers
from regie.demo.seed import seed_demo
from regie.integrations.local import bag_server, brp_server
from regie.integrations.local.spec import load, schema_errors
from regie.park.models import ParkLot
from regie.subjects.models import Address, BrpRetrieval, Person
from tests.worlds.cases import make_world
from tests.worlds.park import make_park_world, make_province_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # CI runs it on PostgreSQL 15 too


@pytest.fixture
def park_world(users: Any) -> Any:
    return make_park_world(users, make_province_user(users))


def test_the_seed_is_valid_against_the_published_documents(users: Any, park_world: Any) -> None:
    make_world(users)
    addresses, persons = seed()
    _, bag_document = load(bag_server.SPEC)
    _, brp_document = load(brp_server.SPEC)
    assert addresses and persons
    assert all(not schema_errors(bag_document, "AdresIOHal", a) for a in addresses)
    assert all(not schema_errors(brp_document, "Persoon", p) for p in persons)
    assert any(p["burgerservicenummer"] == "111222333" for p in persons)  # Jan de Vries of the cases world


def test_the_demo_registers_serve_the_lot_page(
    sign_in: Any, users: Any, park_world: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("REGIE_BAG_URL", "REGIE_BRP_URL", "REGIE_BAG_API_KEY", "REGIE_BRP_API_KEY"):
        monkeypatch.setenv(name, os.environ.get(name, ""))  # restored after the test
        setattr(settings, name, "")
    servers = start_registers()
    try:
        assert servers[1].url == settings.REGIE_BRP_URL and os.environ["REGIE_BAG_URL"] == servers[0].url
        lot = park_world.lots[1]
        html = sign_in(users["projectleider"]).post(f"/vakantiepark/kavels/{lot.pk}/brp", follow=True)
        page = html.content.decode()
        assert "De BRP-inschrijvingen zijn bijgewerkt" in page, re.findall(
            r"utrecht-alert__message[^>]*>([^<]*)", page
        )
        assert BrpRetrieval.objects.filter(address_id=lot.location.address_id).exists()
    finally:
        for server in servers:
            server.stop()


def _settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Import the settings afresh in a child process with this environment (as tests/core/test_settings.py does)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_") and k != "SECRET_KEY"}
    base.pop("PYTEST_VERSION", None)
    base.update({"REGIE_DEMO": "true", "DATABASE_URL": "postgres://postgres@127.0.0.1:1/none", **env})
    code = "import regie.settings as s; print(s.REGIE_DEMO_REGISTERS, repr(s.REGIE_BRP_URL))"
    return subprocess.run(
        [sys.executable, "-c", code], env=base, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(("value", "on"), [("aan", "True"), ("uit", "False"), ("", "True")])
def test_regie_demo_registers_switches_the_local_registers(value: str, on: str) -> None:
    result = _settings({"REGIE_DEMO_REGISTERS": value, "REGIE_BRP_URL": "https://brp.example/api/brp/"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [on, "'https://brp.example/api/brp'"]


@pytest.mark.parametrize(
    ("name", "value"),
    [("REGIE_DEMO_REGISTERS", "misschien"), ("REGIE_BRP_URL", "ftp://brp"), ("REGIE_BAG_TIMEOUT", "0")],
)
def test_bad_connection_settings_stop_the_start(name: str, value: str) -> None:
    result = _settings({name: value})
    assert result.returncode != 0 and name in result.stderr


def test_the_demo_municipality_is_served_whole(
    sign_in: Any, users: Any, settings: Any, monkeypatch: Any
) -> None:
    seed_demo()
    addresses, persons = seed()
    with_bsn = Person.objects.filter(bsn__isnull=False, merged_into__isnull=True).count()
    assert len(persons) == with_bsn + len(EXTRA)  # no demo person falls outside the published patterns
    assert len(addresses) == Address.objects.count()
    for name in ("REGIE_BAG_URL", "REGIE_BRP_URL", "REGIE_BAG_API_KEY", "REGIE_BRP_API_KEY"):
        monkeypatch.setenv(name, os.environ.get(name, ""))
    servers = start_registers()
    try:
        lot = ParkLot.objects.get(park__name="Recreatiepark Rhederlaagse Meren", number=14)
        page = sign_in(users["projectleider"]).post(f"/vakantiepark/kavels/{lot.pk}/brp", follow=True)
        assert "Bram Verhoeven" in page.content.decode() and "Lotte Verhoeven" in page.content.decode()
    finally:
        for server in servers:
            server.stop()
