"""The demo's zaaksysteem: started on 127.0.0.1 with Regie's service pointed at it and a zaaktype mapping for every
demo case type, so a demo case can be handed over; a later demo run (another port) moves the mappings along."""

from __future__ import annotations

import pytest

from regie.access.case_access import access_to
from regie.cases.models import ZaakTypeMapping
from regie.cases.services.hand_over import case_hand_over
from regie.demo.zaaksysteem import DEMO_RSIN, demo_zaaksysteem, start_zaaksysteem
from regie.integrations.zaken import check_zaken
from tests.worlds.cases import make_case, make_case_type, make_person

pytestmark = pytest.mark.django_db


def test_the_demo_zaaksysteem_takes_a_hand_over_and_survives_a_restart(users, settings, monkeypatch):
    monkeypatch.setenv("REGIE_ZAKEN_RSIN", "")  # start_zaaksysteem writes the environment: undone afterwards
    monkeypatch.setenv("REGIE_ZAKEN_SERVICE", "zaken")
    settings.REGIE_ZAKEN_RSIN = ""
    director = users["procesregisseur"]
    case_type = make_case_type(users["beheerder"])
    case = make_case(director, case_type, person=make_person(director))
    first = start_zaaksysteem()
    try:
        assert settings.REGIE_ZAKEN_RSIN == DEMO_RSIN and check_zaken().ok
        mapping = ZaakTypeMapping.objects.get(case_type=case_type)
        assert mapping.zaaktype.startswith(first.url)
        done = case_hand_over(actor=director, access=access_to(director, case))
        assert done.zaak_url.startswith(first.api_root) and len(first.app.roles_of(done.zaak_url)) == 2
    finally:
        first.stop()
    second = start_zaaksysteem()
    try:
        mapping.refresh_from_db()
        assert mapping.zaaktype.startswith(second.url) and mapping.open_statustype.startswith(second.url)
        again = case_hand_over(actor=director, access=access_to(director, case))
        assert again.zaak_url.startswith(second.api_root) and again.times == 2
        assert first.app.answer_errors == [] and second.app.answer_errors == []
    finally:
        second.stop()


def test_without_the_local_registers_the_demo_zaaksysteem_is_not_connected(users, settings, monkeypatch):
    monkeypatch.setenv("REGIE_ZAKEN_RSIN", "")
    monkeypatch.setenv("REGIE_ZAKEN_SERVICE", "zaken")
    settings.REGIE_ZAKEN_RSIN = ""
    start_zaaksysteem().stop()  # an earlier run's service to a local zaaksysteem that is gone now
    assert demo_zaaksysteem(enabled=False) is None
    assert check_zaken().status_label == "niet gekoppeld"
