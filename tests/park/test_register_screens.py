"""The park register screens: the list of parks, registering and changing a park, ending an occupancy.

Each happy path has its refusals next to it; every bad field is answered in Dutch and leaves the database as it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from regie.accounts.models import Municipality, User
from regie.park.models import Occupancy, Park, PlanningStatus
from regie.park.services.lots import occupancy_end
from regie.park.services.parks import park_create, park_update
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Business
from regie.subjects.services import business_create
from tests.worlds.park import ParkWorld

SignIn = Callable[[User], Client]
OUTSIDERS = ["ggz", "politie", "analist", "beheerder", "privacy"]
NOT_MANAGERS = ["handhaver", "brp", "procesregisseur", "jurist", "provincie", *OUTSIDERS]


def _as(sign_in: SignIn, world: ParkWorld, name: str) -> Client:
    return sign_in(world.users[name])


def _logged(action: str) -> int:
    return ProcessingLogEntry.objects.filter(action=action).count()


@pytest.fixture
def business(park_world: ParkWorld) -> Business:
    return business_create(actor=None, kvk_number="90417326", name="Parkbeheer De Meren BV")


def _snapshot(park: Park) -> tuple[object, ...]:
    park.refresh_from_db()
    return (park.name, park.planning_status, park.management_id, park.contact, park.project_leader_id)


# The list of parks ------------------------------------------------------------------------------------------


def test_it_lists_the_parks_with_register_links_for_the_project_leader(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    body = _as(sign_in, park_world, "projectleider").get("/vakantiepark/parken").content.decode()
    assert "Recreatiepark Testmeren" in body
    assert 'href="/vakantiepark/nieuw"' in body
    assert f'href="/vakantiepark/{park_world.park.pk}/bewerken"' in body


def test_it_lists_the_parks_without_register_links_for_an_inspector(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    response = _as(sign_in, park_world, "handhaver").get("/vakantiepark/parken")
    body = response.content.decode()
    assert response.status_code == 200 and "Recreatiepark Testmeren" in body
    assert "/vakantiepark/nieuw" not in body and "/bewerken" not in body


@pytest.mark.parametrize("name", OUTSIDERS)
def test_it_refuses_the_list_of_parks_outside_the_park_team(
    sign_in: SignIn, park_world: ParkWorld, name: str
) -> None:
    assert _as(sign_in, park_world, name).get("/vakantiepark/parken").status_code == 403


def test_it_sends_anonymous_visitors_of_the_register_screens_to_login(
    client: Client, park_world: ParkWorld
) -> None:
    occupancy = Occupancy.objects.get(lot=park_world.lots[1])
    for url in (
        "/vakantiepark/parken",
        "/vakantiepark/nieuw",
        f"/vakantiepark/{park_world.park.pk}/bewerken",
        f"/vakantiepark/kavels/{park_world.lots[1].pk}/bewoners/{occupancy.pk}/beeindigen",
    ):
        response = client.post(url, {"name": "Anoniem park", "to_date": "2024-01-01"})
        assert response.status_code == 302 and response["Location"].startswith("/login"), url
    assert Park.objects.count() == 1
    assert Occupancy.objects.get(pk=occupancy.pk).to_date is None


# Registering a park -----------------------------------------------------------------------------------------


def test_it_registers_a_park_for_the_project_leader(
    sign_in: SignIn, park_world: ParkWorld, business: Business
) -> None:
    client = _as(sign_in, park_world, "projectleider")
    form = client.get("/vakantiepark/nieuw").content.decode()
    assert "Nieuw park registreren" in form and "KvK-nummer van de eigenaar of het parkbeheer" in form
    leader = park_world.users["projectleider"]
    response = client.post(
        "/vakantiepark/nieuw",
        {
            "name": "  Recreatiepark De Nieuwe Meren ",
            "planning_status": PlanningStatus.LEGALISATION,
            "management_kvk": "9041 7326",
            "contact": "Receptie, 026 111 2222",
            "project_leader": leader.pk,
        },
    )
    park = Park.objects.get(name="Recreatiepark De Nieuwe Meren")
    assert response["Location"] == f"/vakantiepark/{park.pk}"
    assert park.municipality_id == park_world.park.municipality_id
    assert (park.planning_status, park.management, park.contact, park.project_leader) == (
        PlanningStatus.LEGALISATION,
        business,
        "Receptie, 026 111 2222",
        leader,
    )
    entry = ProcessingLogEntry.objects.filter(action="park.created", object_id=str(park.pk)).get()
    assert entry.actor_username == "projectleider"
    overview = client.get(f"/vakantiepark/{park.pk}").content.decode()
    assert "legalisatietraject" in overview
    assert "Parkbeheer De Meren BV" in overview


@pytest.mark.parametrize("name", NOT_MANAGERS)
def test_it_refuses_registering_a_park_to_anyone_but_the_project_leader(
    sign_in: SignIn, park_world: ParkWorld, name: str
) -> None:
    client = _as(sign_in, park_world, name)
    assert client.get("/vakantiepark/nieuw").status_code == 403
    assert (
        client.post(
            "/vakantiepark/nieuw", {"name": "Stiekem park", "planning_status": "transformatie"}
        ).status_code
        == 403
    )
    assert not Park.objects.filter(name="Stiekem park").exists()


BAD_PARK_INPUT = [
    ({"name": ""}, "Vul de naam van het park in."),
    ({"name": "   "}, "Vul de naam van het park in."),
    ({"name": "x" * 161}, "De naam van het park is hoogstens 160 tekens."),
    ({"planning_status": ""}, "Kies de planologische status."),
    ({"planning_status": "camping"}, "Kies een bestaande planologische status."),
    ({"management_kvk": "1234"}, "Het KvK-nummer moet uit 8 cijfers bestaan."),
    ({"management_kvk": "abcdefgh"}, "Het KvK-nummer mag alleen cijfers bevatten."),
    ({"management_kvk": "12345678"}, "Er is geen bedrijf met KvK-nummer 12345678 bekend in Regie."),
    ({"contact": "y" * 201}, "Het contact van het parkbeheer is hoogstens 200 tekens."),
    ({"project_leader": "geen-id"}, "Kies een projectleider uit de lijst."),
    ({"project_leader": str(uuid.uuid4())}, "Kies een projectleider uit de lijst."),
]


def _valid_park(world: ParkWorld, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Recreatiepark Zonnedauw",
        "planning_status": PlanningStatus.RECREATIONAL,
        "management_kvk": "",
        "contact": "",
        "project_leader": world.users["projectleider"].pk,
    }
    return {**data, **changes}


@pytest.mark.parametrize(("changes", "message"), BAD_PARK_INPUT)
def test_it_answers_bad_input_when_registering_a_park(
    sign_in: SignIn, park_world: ParkWorld, changes: dict[str, object], message: str
) -> None:
    created = _logged("park.created")
    response = _as(sign_in, park_world, "projectleider").post(
        "/vakantiepark/nieuw", _valid_park(park_world, **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Park.objects.count() == 1
    assert _logged("park.created") == created


def test_it_refuses_a_second_park_with_the_same_name(sign_in: SignIn, park_world: ParkWorld) -> None:
    response = _as(sign_in, park_world, "projectleider").post(
        "/vakantiepark/nieuw", _valid_park(park_world, name="recreatiepark TESTMEREN")
    )
    assert "Er is al een park met deze naam." in response.content.decode()
    assert Park.objects.count() == 1


def test_it_allows_the_same_name_in_another_municipality(park_world: ParkWorld) -> None:
    other = Municipality.objects.create(code="0202", name="Gemeente Arnhem")
    park = park_create(actor=None, municipality=other, name="Recreatiepark Testmeren")
    assert park.municipality == other


def test_it_offers_the_overview_links_only_to_those_allowed(sign_in: SignIn, park_world: ParkWorld) -> None:
    url = f"/vakantiepark/{park_world.park.pk}"
    leader = _as(sign_in, park_world, "projectleider").get(url).content.decode()
    assert f'href="{url}/bewerken"' in leader and 'href="/vakantiepark/parken"' in leader
    inspector = _as(sign_in, park_world, "handhaver").get(url).content.decode()
    assert "/bewerken" not in inspector and 'href="/vakantiepark/parken"' in inspector


def test_it_offers_a_first_park_to_the_project_leader_when_there_is_none(
    sign_in: SignIn, users: dict[str, User]
) -> None:
    body = sign_in(users["projectleider"]).get("/vakantiepark").content.decode()
    assert 'href="/vakantiepark/nieuw"' in body
    assert (
        'href="/vakantiepark/nieuw"' not in sign_in(users["handhaver"]).get("/vakantiepark").content.decode()
    )


# Changing a park --------------------------------------------------------------------------------------------


def test_it_changes_a_park_for_the_project_leader(
    sign_in: SignIn, park_world: ParkWorld, business: Business
) -> None:
    park = park_world.park
    client = _as(sign_in, park_world, "projectleider")
    form = client.get(f"/vakantiepark/{park.pk}/bewerken").content.decode()
    assert 'value="Recreatiepark Testmeren"' in form and "Parkgegevens opslaan" in form
    response = client.post(
        f"/vakantiepark/{park.pk}/bewerken",
        {
            "name": "Recreatiepark Testmeren-Zuid",
            "planning_status": PlanningStatus.TRANSFORMATION,
            "management_kvk": business.kvk_number,
            "contact": "Beheerder ter plaatse",
            "project_leader": "",
        },
    )
    assert response["Location"] == f"/vakantiepark/{park.pk}"
    assert _snapshot(park) == (
        "Recreatiepark Testmeren-Zuid",
        PlanningStatus.TRANSFORMATION,
        business.pk,
        "Beheerder ter plaatse",
        None,
    )
    entry = ProcessingLogEntry.objects.get(action="park.updated")
    assert entry.object_id == str(park.pk) and entry.actor_username == "projectleider"
    assert sorted(entry.details["changed"]) == [
        "contact",
        "management",
        "name",
        "planning_status",
        "project_leader",
    ]
    again = client.get(f"/vakantiepark/{park.pk}/bewerken").content.decode()
    assert f'value="{business.kvk_number}"' in again


def test_it_saves_and_logs_nothing_when_nothing_changed(sign_in: SignIn, park_world: ParkWorld) -> None:
    park = park_world.park
    before = _snapshot(park)
    response = _as(sign_in, park_world, "projectleider").post(
        f"/vakantiepark/{park.pk}/bewerken",
        _valid_park(park_world, name=park.name),
    )
    assert response.status_code == 302
    assert _snapshot(park) == before
    assert _logged("park.updated") == 0


@pytest.mark.parametrize("name", NOT_MANAGERS)
def test_it_refuses_changing_a_park_to_anyone_but_the_project_leader(
    sign_in: SignIn, park_world: ParkWorld, name: str
) -> None:
    park = park_world.park
    before = _snapshot(park)
    client = _as(sign_in, park_world, name)
    url = f"/vakantiepark/{park.pk}/bewerken"
    assert client.get(url).status_code == 403
    assert client.post(url, _valid_park(park_world, name="Overgenomen")).status_code == 403
    assert _snapshot(park) == before


def test_it_answers_404_for_a_park_that_is_missing_or_of_another_municipality(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    other = park_create(
        actor=None,
        municipality=Municipality.objects.create(code="0202", name="Gemeente Arnhem"),
        name="Elders",
    )
    client = _as(sign_in, park_world, "projectleider")
    assert client.get(f"/vakantiepark/{uuid.uuid4()}/bewerken").status_code == 404
    assert client.get("/vakantiepark/geen-id/bewerken").status_code == 404
    assert client.post(f"/vakantiepark/{other.pk}/bewerken", _valid_park(park_world)).status_code == 404
    assert Park.objects.get(pk=other.pk).name == "Elders"


@pytest.mark.parametrize(("changes", "message"), BAD_PARK_INPUT)
def test_it_answers_bad_input_when_changing_a_park(
    sign_in: SignIn, park_world: ParkWorld, changes: dict[str, object], message: str
) -> None:
    park = park_world.park
    before = _snapshot(park)
    response = _as(sign_in, park_world, "projectleider").post(
        f"/vakantiepark/{park.pk}/bewerken", _valid_park(park_world, **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _snapshot(park) == before
    assert _logged("park.updated") == 0


def test_it_refuses_renaming_a_park_to_the_name_of_another(sign_in: SignIn, park_world: ParkWorld) -> None:
    park_create(actor=None, municipality=park_world.park.municipality, name="Recreatiepark Anders")
    before = _snapshot(park_world.park)
    response = _as(sign_in, park_world, "projectleider").post(
        f"/vakantiepark/{park_world.park.pk}/bewerken", _valid_park(park_world, name="RECREATIEPARK anders")
    )
    assert "Er is al een park met deze naam." in response.content.decode()
    assert _snapshot(park_world.park) == before


def test_the_service_refuses_other_roles_and_foreign_project_leaders(park_world: ParkWorld) -> None:
    from regie.accounts.models import Organisation, OrganisationKind, Role
    from regie.accounts.services import user_create

    park = park_world.park
    data = {
        "park": park,
        "name": "Ander",
        "planning_status": PlanningStatus.RECREATIONAL,
        "management": None,
        "contact": "",
    }
    with pytest.raises(PermissionDenied):
        park_update(actor=park_world.users["handhaver"], project_leader=None, **data)  # type: ignore[arg-type]
    arnhem = Municipality.objects.create(code="0202", name="Gemeente Arnhem")
    team = Organisation.objects.create(
        name="Team OOV Arnhem", kind=OrganisationKind.DEPARTMENT, municipality=arnhem
    )
    foreign = user_create(
        actor=None,
        username="pl-arnhem",
        first_name="Ad",
        last_name="Arnhem",
        email="pl@arnhem.example",
        role=Role.PROJECT_LEADER,
        organisation=team,
    )
    with pytest.raises(ValidationError) as exc:
        park_update(actor=park_world.users["projectleider"], project_leader=foreign, **data)  # type: ignore[arg-type]
    assert exc.value.message_dict["project_leader"] == [
        "Kies een actieve projectleider van de eigen gemeente."
    ]
    assert _snapshot(park)[0] == "Recreatiepark Testmeren"


# Ending an occupancy ----------------------------------------------------------------------------------------


def _end_url(world: ParkWorld, occupancy: Occupancy) -> str:
    return f"/vakantiepark/kavels/{occupancy.lot_id}/bewoners/{occupancy.pk}/beeindigen"


@pytest.fixture
def occupancy(park_world: ParkWorld) -> Occupancy:
    return Occupancy.objects.get(lot=park_world.lots[1], person=park_world.occupant)


@pytest.mark.parametrize("name", ["projectleider", "handhaver"])
def test_it_ends_an_occupancy_from_the_lot_page(
    sign_in: SignIn, park_world: ParkWorld, occupancy: Occupancy, name: str
) -> None:
    client = _as(sign_in, park_world, name)
    lot_url = f"/vakantiepark/kavels/{park_world.lots[1].pk}"
    lot_page = client.get(lot_url).content.decode()
    assert f'href="{_end_url(park_world, occupancy)}"' in lot_page
    assert "Bewoning door Piet Permanent beëindigen" in lot_page
    form = client.get(_end_url(park_world, occupancy)).content.decode()
    assert "Laatste dag van de bewoning" in form and "1 januari 2020" in form
    response = client.post(_end_url(park_world, occupancy), {"to_date": "2024-06-30"})
    assert response["Location"] == lot_url
    occupancy.refresh_from_db()
    assert occupancy.to_date == date(2024, 6, 30)
    entry = ProcessingLogEntry.objects.get(action="park_lot.occupancy_ended")
    assert entry.actor_username == name and [str(p) for p in entry.person_ids] == [
        str(park_world.occupant.pk)
    ]
    after = client.get(lot_url).content.decode()
    assert "tot en met 30 juni 2024" in after and _end_url(park_world, occupancy) not in after
    assert "is beëindigd per 30 juni 2024" in after


def test_it_accepts_today_and_the_first_day_as_the_end(park_world: ParkWorld, occupancy: Occupancy) -> None:
    leader = park_world.users["projectleider"]
    assert occupancy_end(actor=leader, occupancy=occupancy, to_date=timezone.localdate()).to_date
    same_day = Occupancy.objects.create(
        lot=park_world.lots[2], person=park_world.occupant, from_date=date(2025, 3, 1)
    )
    assert occupancy_end(actor=leader, occupancy=same_day, to_date=date(2025, 3, 1)).to_date == date(
        2025, 3, 1
    )


def test_it_refuses_ending_an_occupancy_twice(
    sign_in: SignIn, park_world: ParkWorld, occupancy: Occupancy
) -> None:
    client = _as(sign_in, park_world, "projectleider")
    client.post(_end_url(park_world, occupancy), {"to_date": "2024-06-30"})
    again = client.post(_end_url(park_world, occupancy), {"to_date": "2024-07-31"})
    assert again.status_code == 200
    assert "Deze bewoning is al beëindigd per 30 juni 2024." in again.content.decode()
    occupancy.refresh_from_db()
    assert occupancy.to_date == date(2024, 6, 30)
    assert _logged("park_lot.occupancy_ended") == 1
    revisit = client.get(_end_url(park_world, occupancy), follow=True)
    assert "Deze bewoning is al beëindigd per 30 juni 2024." in revisit.content.decode()


def _bad_end_dates() -> list[tuple[str, str]]:
    tomorrow = timezone.localdate() + timedelta(days=1)
    return [
        ("", "Vul de einddatum van de bewoning in."),
        ("eind juni", "Vul een geldige datum in (dag, maand en jaar)."),
        ("2024-02-30", "Vul een geldige datum in (dag, maand en jaar)."),
        ("2019-12-31", "De einddatum ligt voor de begindatum (1 januari 2020)."),
        (tomorrow.isoformat(), "De einddatum kan niet in de toekomst liggen"),
    ]


@pytest.mark.parametrize(("value", "message"), _bad_end_dates())
def test_it_answers_a_bad_end_date(
    sign_in: SignIn, park_world: ParkWorld, occupancy: Occupancy, value: str, message: str
) -> None:
    response = _as(sign_in, park_world, "projectleider").post(
        _end_url(park_world, occupancy), {"to_date": value}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    occupancy.refresh_from_db()
    assert occupancy.to_date is None
    assert _logged("park_lot.occupancy_ended") == 0


@pytest.mark.parametrize("name", ["brp", "jurist", "procesregisseur", "provincie", *OUTSIDERS])
def test_it_refuses_ending_an_occupancy_to_other_roles(
    sign_in: SignIn, park_world: ParkWorld, occupancy: Occupancy, name: str
) -> None:
    client = _as(sign_in, park_world, name)
    assert client.get(_end_url(park_world, occupancy)).status_code == 403
    assert client.post(_end_url(park_world, occupancy), {"to_date": "2024-06-30"}).status_code == 403
    occupancy.refresh_from_db()
    assert occupancy.to_date is None


def test_it_hides_the_end_link_from_those_who_may_not_end(
    sign_in: SignIn, park_world: ParkWorld, occupancy: Occupancy
) -> None:
    body = (
        _as(sign_in, park_world, "brp").get(f"/vakantiepark/kavels/{park_world.lots[1].pk}").content.decode()
    )
    assert "Piet Permanent" in body and "beeindigen" not in body


def test_it_answers_404_for_an_unknown_occupancy_or_one_of_another_lot(
    sign_in: SignIn, park_world: ParkWorld, occupancy: Occupancy
) -> None:
    client = _as(sign_in, park_world, "projectleider")
    other_lot = park_world.lots[2].pk
    assert (
        client.get(
            f"/vakantiepark/kavels/{park_world.lots[1].pk}/bewoners/{uuid.uuid4()}/beeindigen"
        ).status_code
        == 404
    )
    assert (
        client.get(f"/vakantiepark/kavels/{park_world.lots[1].pk}/bewoners/x/beeindigen").status_code == 404
    )
    wrong = client.post(
        f"/vakantiepark/kavels/{other_lot}/bewoners/{occupancy.pk}/beeindigen", {"to_date": "2024-06-30"}
    )
    assert wrong.status_code == 404
    occupancy.refresh_from_db()
    assert occupancy.to_date is None
