"""`cases/{id}/notes`: a note is only ever seen, and written, in a data category granted to the user."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client

from regie.accounts.models import Organisation
from regie.cases.models import Note
from regie.processing_log.models import ProcessingLogEntry
from tests.api.conftest import invalid_names, problem
from tests.worlds import api as f
from tests.worlds.api import World

pytestmark = pytest.mark.postgres

Api = Callable[[str], Client]


def _post(client: Client, url: str, body: object) -> object:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_it_adds_a_note_in_a_granted_category(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}/notes"
    response = _post(api("politie"), url, {"category": "general", "text": "Melding van overlast ontvangen."})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["category"] == "general" and body["author"]["username"] == "politie"
    entry = ProcessingLogEntry.objects.get(action="case.note_added", object_id=body["id"])
    assert world.member_person.pk in entry.person_ids
    assert body["id"] in {n["id"] for n in api("politie").get(url).json()["results"]}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "Zonder categorie"}, "category"),
        ({"category": "care", "text": "Niet toegekend"}, "category"),
        ({"category": "justice", "text": "Niet toegekend"}, "category"),
        ({"category": "geheim", "text": "Bestaat niet"}, "category"),
        ({"category": "general", "text": ""}, "text"),
        ({"category": "general", "text": "   "}, "text"),
        ({"category": "general"}, "text"),
        ({"category": "general", "text": "x" * 20001}, "text"),
    ],
)
def test_it_refuses_a_bad_note_and_saves_nothing(
    world: World, api: Api, body: dict[str, object], field: str
) -> None:
    before = Note.objects.count()
    assert invalid_names(_post(api("ggz"), f"/api/v1/cases/{world.member_case.pk}/notes", body)) == {field}
    assert Note.objects.count() == before


def test_it_refuses_a_note_from_a_read_only_member(world: World, api: Api) -> None:
    the_case = f.case(coordinator=world.coordinator)
    f.member(the_case, by=world.coordinator, user=world.users["politie"], can_edit=False)
    response = _post(
        api("politie"), f"/api/v1/cases/{the_case.pk}/notes", {"category": "general", "text": "Hoi"}
    )
    assert invalid_names(response) == {"text"}
    assert not Note.objects.filter(case=the_case).exists()


def test_it_answers_a_note_on_a_hidden_case_with_the_same_404(world: World, api: Api) -> None:
    before = Note.objects.count()
    response = _post(
        api("politie"), f"/api/v1/cases/{world.hidden_case.pk}/notes", {"category": "general", "text": "x"}
    )
    problem(response, 404)
    assert Note.objects.count() == before


def test_a_partner_organisation_with_only_general_never_sees_care_or_justice(world: World, api: Api) -> None:
    police = world.users["politie"].organisation
    assert isinstance(police, Organisation)
    the_case = f.case(coordinator=world.coordinator, title="Woonoverlast", persons=[world.hidden_person])
    f.member(the_case, by=world.coordinator, organisation=police, categories=["general"])
    f.note(the_case, by=world.coordinator, text="Buurtbemiddeling loopt.")
    f.note(the_case, by=world.coordinator, category="care", text="Schizofrenie vastgesteld bij bewoner.")
    f.note(the_case, by=world.coordinator, category="justice", text="Eerder veroordeeld wegens hennepteelt.")
    f.document(the_case, by=world.coordinator, category="care", title="Behandelplan")
    client = api("politie")
    base = f"/api/v1/cases/{the_case.pk}"

    notes = client.get(f"{base}/notes").json()["results"]
    assert [n["text"] for n in notes] == ["Buurtbemiddeling loopt."]
    detail = client.get(base).json()
    assert detail["access"]["categories"] == ["general"]
    timeline = client.get(f"{base}/timeline").json()["results"]
    assert timeline and {e["category"] for e in timeline} == {"general"}
    assert not any("Behandelplan" in e["summary"] for e in timeline)
    assert client.get(f"{base}/documents").json()["count"] == 0
    for word in ("schizofrenie", "hennepteelt"):
        assert client.get(f"/api/v1/search?q={word}").json()["cases"] == []
    assert [c["id"] for c in client.get("/api/v1/search?q=buurtbemiddeling").json()["cases"]] == [
        str(the_case.pk)
    ]
    # The coordinator finds the case by the care word: the search itself works.
    assert api("regisseur2").get("/api/v1/search?q=schizofrenie").json()["cases"][0]["id"] == str(the_case.pk)
