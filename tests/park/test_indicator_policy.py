"""The indicators of main residence are a versioned policy table: the functional administrator sets a new version
on /beheer/indicatoren-hoofdverblijf, the inspection form and service follow the version in force, and an
inspection keeps reading as it was recorded."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from regie.accounts.models import User
from regie.cases.services.documents import storage_root
from regie.park.indicator_selectors import (
    SHIPPED_VERSION_1,
    indicator_labels,
    indicators_in_force,
    latest_indicators,
)
from regie.park.models import IndicatorPolicy, Inspection, ResidenceIndicator
from regie.park.services.indicators import IndicatorInput, residence_indicators_set
from regie.park.services.inspections import inspection_submit
from regie.processing_log.models import ProcessingLogEntry
from tests.conftest import ROLES, verified_session
from tests.worlds.park import ParkWorld

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _documents_in_a_temporary_directory(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "documents"


URL = "/beheer/indicatoren-hoofdverblijf"


def _form(**changes: dict[str, Any]) -> dict[str, Any]:
    """The page's form as the administrator sees it, with `changes` per code (a code not yet there is added)."""
    version, rows = latest_indicators()
    data: dict[str, Any] = {"version": str(version), "note": "Raadsbesluit 2027"}
    for n, row in enumerate(rows):
        values = {"code": row.code, "label": row.label, "order": row.order, "active": row.active}
        values |= changes.get(row.code, {})
        data |= {
            f"i{n}-code": values["code"],
            f"i{n}-label": values["label"],
            f"i{n}-order": str(values["order"]),
        }
        if values["active"]:
            data[f"i{n}-active"] = "on"
    new = [code for code in changes if code not in {r.code for r in rows}]
    for n, code in enumerate(new):
        data |= {f"n{n}-code": code, f"n{n}-label": changes[code]["label"], f"n{n}-active": "on"}
    return data


def _log_count() -> int:
    return ProcessingLogEntry.objects.filter(action="park_indicator_policy.created").count()


def _submit(world: ParkWorld, number: int, indicators: list[str]) -> Inspection:
    return inspection_submit(
        actor=world.users["handhaver"],
        inspection_round=world.round,
        lot=world.lots[number],
        indicators=indicators,
        entry_consent=False,
        findings="Auto's bij de kavel, post op naam.",
        outcome="aanwijzingen",
    ).inspection


def test_version_1_is_todays_list_as_the_migration_seeded_it() -> None:
    migration = importlib.import_module("regie.park.migrations.0005_indicator_policy")
    assert migration.VERSION_1 == SHIPPED_VERSION_1
    version, rows = latest_indicators()
    assert version >= 1
    assert [(r.code, r.label) for r in rows] == list(SHIPPED_VERSION_1)
    assert [i.code for i in indicators_in_force()] == [code for code, _ in SHIPPED_VERSION_1]


def test_the_administrator_sets_a_new_version_and_the_form_follows_it(
    users: dict[str, User], client: Client
) -> None:
    admin = verified_session(client, users["beheerder"])
    page = admin.get(URL)
    assert page.status_code == 200 and "Post op naam van de bewoners" in page.content.decode()
    before, logged = IndicatorPolicy.objects.count(), _log_count()
    response = admin.post(
        URL,
        _form(
            post={"label": "Post op naam van bewoners op het parkadres"},
            was={"active": False},
            zonnepanelen={"label": "Zonnepanelen en een vaste aansluiting voor internet"},
        ),
    )
    assert response.status_code == 302 and response["Location"] == URL
    assert IndicatorPolicy.objects.count() == before + 1
    latest = IndicatorPolicy.objects.order_by("-version").first()
    assert (
        latest is not None and latest.created_by == users["beheerder"] and latest.note == "Raadsbesluit 2027"
    )
    offered = {i.code: i.label for i in indicators_in_force()}
    assert offered["post"] == "Post op naam van bewoners op het parkadres"
    assert "was" not in offered and "zonnepanelen" in offered
    assert list(offered)[-1] == "zonnepanelen"  # a new indicator without an order goes last
    entry = ProcessingLogEntry.objects.filter(action="park_indicator_policy.created").order_by("-seq").first()
    assert _log_count() == logged + 1 and entry is not None
    assert entry.details["version"] == latest.version
    assert entry.details["added"] == ["zonnepanelen"] and entry.details["switchedOff"] == ["was"]
    shown = admin.get(URL).content.decode()
    assert f"Versie {latest.version} van de indicatoren is vastgesteld" in shown
    assert f"versie {latest.version}." in shown


@pytest.mark.parametrize("role", [r for r in ROLES if r != "beheerder"])
def test_other_roles_may_not_see_or_change_the_indicators(users: dict[str, User], role: str) -> None:
    other = verified_session(Client(), users[role])
    before, logged = IndicatorPolicy.objects.count(), _log_count()
    assert other.get(URL).status_code == 403
    assert other.post(URL, _form(post={"label": "Iets anders"})).status_code == 403
    assert (IndicatorPolicy.objects.count(), _log_count()) == (before, logged)


def test_signed_out_is_sent_to_the_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"post": {"label": " "}}, "Indicator ‘post’: vul de omschrijving in."),
        ({"post": {"order": "-1"}}, "De volgorde is ten minste 0."),
        ({"Nieuw Ding": {"label": "Iets"}}, "een code bestaat uit kleine letters, cijfers en streepjes"),
        ({"kinderspullen-2": {"label": "x" * 161}}, "een omschrijving heeft hoogstens 160 tekens"),
        ({}, "Er is niets gewijzigd; er is geen nieuwe versie gemaakt."),
        (
            {code: {"active": False} for code, _ in SHIPPED_VERSION_1},
            "Laat ten minste één indicator actief",
        ),
    ],
)
def test_bad_input_is_answered_in_dutch_and_nothing_is_written(
    users: dict[str, User], client: Client, changes: dict[str, Any], message: str
) -> None:
    admin = verified_session(client, users["beheerder"])
    before, rows, logged = IndicatorPolicy.objects.count(), ResidenceIndicator.objects.count(), _log_count()
    response = admin.post(URL, _form(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (IndicatorPolicy.objects.count(), ResidenceIndicator.objects.count(), _log_count()) == (
        before,
        rows,
        logged,
    )


def test_the_service_refuses_dropping_or_doubling_a_code(users: dict[str, User]) -> None:
    _, rows = latest_indicators()
    kept = [IndicatorInput(r.code, r.label, r.order, r.active) for r in rows]
    with pytest.raises(ValidationError) as dropped:
        residence_indicators_set(actor=users["beheerder"], indicators=kept[1:], based_on=None)
    assert "kan niet worden verwijderd" in dropped.value.messages[0]
    with pytest.raises(ValidationError) as doubled:
        residence_indicators_set(
            actor=users["beheerder"],
            indicators=[*kept, IndicatorInput("post", "Nog eens post", 5)],
            based_on=None,
        )
    assert "komt twee keer voor" in doubled.value.messages[0]


def test_a_stale_form_conflicts_and_saves_nothing(users: dict[str, User], client: Client) -> None:
    admin = verified_session(client, users["beheerder"])
    stale = _form(post={"label": "Post, versie van de een"})
    assert admin.post(URL, _form(post={"label": "Post, versie van de ander"})).status_code == 302
    before = IndicatorPolicy.objects.count()
    response = admin.post(URL, stale)
    assert response.status_code == 409 and "Iemand anders heeft intussen" in response.content.decode()
    assert IndicatorPolicy.objects.count() == before


def test_old_inspections_keep_their_labels_after_a_change(park_world: ParkWorld, client: Client) -> None:
    old = _submit(park_world, 2, ["post", "autos"])
    assert indicator_labels(old) == ["Post op naam van de bewoners", "Auto's en kentekens op of bij de kavel"]
    version, rows = latest_indicators()
    changed = [
        IndicatorInput(
            r.code, "Brieven aan de bewoners" if r.code == "post" else r.label, r.order, r.code != "autos"
        )
        for r in rows
    ]
    residence_indicators_set(actor=park_world.users["beheerder"], indicators=changed, based_on=version)
    old.refresh_from_db()
    assert indicator_labels(old) == ["Post op naam van de bewoners", "Auto's en kentekens op of bij de kavel"]
    inspector = verified_session(client, park_world.users["handhaver"])
    page = inspector.get(f"/vakantiepark/inspecties/{old.pk}").content.decode()
    assert "Post op naam van de bewoners" in page and "Brieven aan de bewoners" not in page
    # The new version: its label for a new inspection, and a switched-off indicator is refused.
    with pytest.raises(ValidationError) as refused:
        _submit(park_world, 3, ["autos"])
    assert refused.value.message_dict["indicators"] == ["Kies alleen indicatoren uit de lijst."]
    new = _submit(park_world, 3, ["post"])
    assert new.indicator_policy is not None and new.indicator_policy.version == version + 1
    assert indicator_labels(new) == ["Brieven aan de bewoners"]
    form = inspector.get(f"/vakantiepark/rondes/{park_world.round.pk}/kavels/{park_world.lots[4].pk}")
    assert "Brieven aan de bewoners" in form.content.decode()
    assert "Auto&#x27;s en kentekens" not in form.content.decode()


def test_the_report_of_findings_names_the_labels_of_its_version(park_world: ParkWorld) -> None:
    inspection = _submit(park_world, 2, ["kinderspullen", "post"])
    assert inspection.report is not None
    text = (storage_root() / inspection.report.storage_name).read_text()
    assert "- Kinderspullen (speelgoed, fietsjes, schooltas)\n- Post op naam van de bewoners\n" in text


def test_an_emptied_table_falls_back_to_the_shipped_version_and_stores_it_on_use(
    park_world: ParkWorld,
) -> None:
    Inspection.objects.update(indicator_policy=None)
    ResidenceIndicator.objects.all().delete()
    IndicatorPolicy.objects.all().delete()
    assert latest_indicators()[0] == 1
    assert [i.code for i in indicators_in_force()] == [code for code, _ in SHIPPED_VERSION_1]
    inspection = _submit(park_world, 2, ["post"])
    assert inspection.indicator_policy is not None and inspection.indicator_policy.version == 1
    assert indicator_labels(inspection) == ["Post op naam van de bewoners"]
