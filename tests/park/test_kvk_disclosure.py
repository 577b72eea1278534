"""The park register's KvK lookup goes through the park door: it never tells that Regie knows a business the
project leader may not see (before, "geen bedrijf bekend" or not answered that for any KvK number)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from regie.accounts.models import User
from regie.cases.services.case import SubjectRef, case_create
from regie.park.models import Park, PlanningStatus
from regie.park.services.parks import park_update
from regie.subjects.models import Business
from regie.subjects.services import business_create
from tests.worlds.cases import make_case_type
from tests.worlds.park import ParkWorld

SignIn = Callable[[User], Client]


def _in_a_case_of(director: User, admin: User, business: Business) -> None:
    assert director.organisation is not None
    case_create(
        actor=director,
        case_type=make_case_type(admin),
        title="Ondermijning via een parkbedrijf",
        coordinator=director,
        municipality=director.organisation.municipality,
        priority="normaal",
        subjects=[SubjectRef(role="betrokkene", business=business)],
    )


def _register(client: Client, world: ParkWorld, kvk: str) -> str:
    response = client.post(
        "/vakantiepark/nieuw",
        {
            "name": "Recreatiepark Het Veld",
            "planning_status": PlanningStatus.RECREATIONAL,
            "management_kvk": kvk,
            "contact": "",
            "project_leader": world.users["projectleider"].pk,
        },
    )
    return response.content.decode() if response.status_code == 200 else response["Location"]


def test_a_business_only_in_a_case_the_leader_may_not_see_is_answered_as_unknown(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    users = park_world.users
    hidden = business_create(actor=None, kvk_number="90417326", name="Stil Onderzocht BV")
    _in_a_case_of(users["procesregisseur"], users["beheerder"], hidden)
    answer = _register(sign_in(users["projectleider"]), park_world, "90417326")
    unknown = _register(sign_in(users["projectleider"]), park_world, "12345670")
    assert "Er is geen bedrijf met KvK-nummer 90417326 bekend in Regie." in answer
    assert "Er is geen bedrijf met KvK-nummer 12345670 bekend in Regie." in unknown
    assert not Park.objects.filter(name="Recreatiepark Het Veld").exists()


def test_a_business_of_a_visible_park_or_bare_register_data_is_known(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    users = park_world.users
    manager = business_create(actor=None, kvk_number="90417326", name="Parkbeheer De Meren BV")
    park = park_world.park
    park_update(
        actor=users["projectleider"],
        park=park,
        name=park.name,
        planning_status=park.planning_status,
        management=manager,
        contact=park.contact,
        project_leader=park.project_leader,
    )
    _in_a_case_of(users["procesregisseur"], users["beheerder"], manager)  # also in a case they cannot see
    location = _register(sign_in(users["projectleider"]), park_world, "90417326")
    assert Park.objects.get(name="Recreatiepark Het Veld").management == manager
    assert location.startswith("/vakantiepark/")


def test_only_the_park_manager_may_look_a_business_up() -> None:
    from regie.access.park_access import park_management_for

    assert park_management_for(None, "90417326") is None
