"""The procesregisseur's work list (pages, the denormalised last score date kept by the score service, a fixed
number of queries whatever the number of cases), and the partner without the care category who sees no health
domain anywhere: the PGA page with its chart and table, the API, the case overview and timeline, the work list,
search and the letter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regie.accounts.models import User
from regie.pga import selectors
from regie.pga.models import PgaCase
from regie.pga.services.plans import score_record
from regie.pga.services.referrals import referral_decide
from tests.worlds.pga import ALL_MET, PgaWorld, refer

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]
Api = Callable[[str], Any]
HEALTH = ("Geestelijke gezondheid", "Lichamelijke gezondheid", "Middelengebruik", "Basale ADL")


def _include_another(world: PgaWorld, surname: str, bsn: str) -> PgaCase:
    made = referral_decide(
        actor=world.users["procesregisseur"],
        referral=refer(world.users["procesregisseur"], surname=surname, given="Kim", bsn=bsn),
        criteria=ALL_MET,
        decision="lokale-pga",
        reasons="Voldoet",
    )
    assert made is not None
    return made


def test_the_score_service_keeps_the_last_score_date(pga_world: PgaWorld) -> None:
    pga = pga_world.pga
    pga.refresh_from_db()
    today = timezone.localdate()
    assert pga.last_scored_on == today - timedelta(days=5)
    score_record(
        actor=pga_world.users["procesregisseur"], pga_case=pga, domain=pga_world.domain("financien"),
        score=3, scored_on=today - timedelta(days=60), reason="Oude ronde nagekomen",
    )  # fmt: skip
    pga.refresh_from_db()
    assert pga.last_scored_on == today - timedelta(days=5)  # an older score does not move it back
    score_record(
        actor=pga_world.users["procesregisseur"], pga_case=pga, domain=pga_world.domain("financien"),
        score=3, scored_on=today, reason="Nieuwe ronde",
    )  # fmt: skip
    pga.refresh_from_db()
    assert pga.last_scored_on == today


def test_the_work_list_pages(sign_in: SignIn, pga_world: PgaWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selectors, "PAGE_SIZE", 1)
    _include_another(pga_world, "Mulder", "")
    client = sign_in(pga_world.users["procesregisseur"])
    first = client.get("/pga").content.decode()
    second = client.get("/pga?pagina=2").content.decode()
    assert "2 in totaal, pagina 1 van 2" in first and "pagina=2" in first
    assert ("Kim Mulder" in first) != ("Kim Mulder" in second)
    assert ("Jan de Vries" in first) != ("Jan de Vries" in second)
    assert client.get("/pga?pagina=nul").status_code == 200  # a bad page number is the first page


def test_the_work_list_costs_the_same_queries_for_more_cases(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["procesregisseur"])
    client.get("/pga")
    with CaptureQueriesContext(connection) as one:
        client.get("/pga")
    for surname, bsn in (("Mulder", ""), ("Visser", "")):
        _include_another(pga_world, surname, bsn)
    with CaptureQueriesContext(connection) as three:
        page = client.get("/pga")
    assert "Kim Visser" in page.content.decode()
    assert len(three.captured_queries) == len(one.captured_queries)


def test_the_work_list_shows_no_score_values(sign_in: SignIn, pga_world: PgaWorld) -> None:
    text = sign_in(pga_world.users["politie"]).get("/pga").content.decode()
    assert "Jan de Vries" in text
    for label in HEALTH:
        assert label not in text


def test_a_partner_without_care_sees_no_health_domain_anywhere(
    sign_in: SignIn, api_as: Api, pga_world: PgaWorld
) -> None:
    pga = pga_world.pga
    police = sign_in(pga_world.users["politie"])
    pages = {
        "PGA-pagina met grafiek en tabel": police.get(f"/pga/casussen/{pga.pk}"),
        "casusoverzicht met PGA-paneel": police.get(f"/casussen/{pga.case_id}"),
        "tijdlijn": police.get(f"/casussen/{pga.case_id}/tijdlijn"),
        "zoeken op naam": police.get("/zoeken", {"q": "Vries"}),
        "zoeken op de toelichting": police.get("/zoeken", {"q": "geestelijke"}),
    }
    for where, response in pages.items():
        assert response.status_code == 200, where
        text = response.content.decode()
        for label in HEALTH:
            assert label not in text, f"{label} op {where}"
        assert "Toelichting geestelijke-gezondheid" not in text, where
    chart = pages["PGA-pagina met grafiek en tabel"].content.decode()
    assert "Justitie" in chart and "Financiën" in chart  # the domains the partner holds are there
    for url in (f"/api/v1/pga-cases/{pga.pk}", f"/api/v1/pga-cases/{pga.pk}/scores"):
        body = api_as("politie").get(url).content.decode()
        assert "geestelijke-gezondheid" not in body and "Geestelijke gezondheid" not in body, url
    # The holder of the care category does see it, on the same pages.
    care = sign_in(pga_world.users["ggz"]).get(f"/pga/casussen/{pga.pk}").content.decode()
    assert "Geestelijke gezondheid" in care
