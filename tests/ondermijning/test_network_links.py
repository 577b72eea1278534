"""The links between the nodes of a location's network: each link comes from a case the viewer may see, so a
partner (or colleague) sees no node it may not see, and no link or count that betrays one."""

from __future__ import annotations

import pytest

from regie.access.ondermijning_access import network_of
from regie.cases.models import SubjectRole
from regie.cases.services.case import SubjectRef
from tests.worlds.cases import add_member, make_case, make_person, stored_case_type
from tests.worlds.ondermijning import OndermijningWorld

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(world: OndermijningWorld):  # type: ignore[no-untyped-def]
    """A second case about Unit A with a person only that case knows; the police are on it, the jurist is not."""
    secret = make_person(world.users["procesregisseur"], surname="Verborgen", given_names="Gijs", bsn=None)
    case_type = stored_case_type("ondermijningsonderzoek", "Ondermijningsonderzoek", ["ondermijning"], 10)
    case = make_case(
        world.users["procesregisseur"],
        case_type,
        title="Tweede onderzoek Unit A",
        person=secret,
        role="gebruiker",
        subjects=[SubjectRef(role=SubjectRole.LOCATION, location=world.sites["A"].location)],
    )
    add_member(case, world.users["procesregisseur"], organisation=world.police, case_role="ketenpartner")
    return case


def test_links_join_the_visible_nodes(world: OndermijningWorld, hidden) -> None:  # type: ignore[no-untyped-def]
    network = network_of(world.users["procesregisseur"], world.sites["A"])
    links = {(link["from"], link["relation"], link["to"]) for link in network["links"]}
    assert (f"Casus {world.case.number}", "heeft als betrokkene", str(world.person)) in links
    assert (f"Casus {world.case.number}", "heeft als locatie", "Unit A") in links
    assert (
        f"Casus {hidden.number}",
        "heeft als gebruiker",
        str(hidden.subjects.get(person__isnull=False).person),
    ) in links
    # every end of every link is a node shown (or the location itself)
    shown = (
        {"Unit A"} | {f"Casus {c.number}" for c in network["cases"]} | {str(p) for p in network["persons"]}
    )
    assert all(link["from"] in shown and link["to"] in shown for link in network["links"])


def test_a_hidden_case_leaves_no_node_link_or_count(sign_in, world: OndermijningWorld, hidden) -> None:  # type: ignore[no-untyped-def]
    add_member(
        world.case,
        world.users["procesregisseur"],
        user=world.users["jurist"],
        can_edit=False,
        case_role="jurist",
    )
    html = (
        sign_in(world.users["jurist"]).get(f"/ondermijning/locaties/{world.sites['A'].pk}").content.decode()
    )
    assert world.case.number in html and "Huurder" in html
    assert hidden.number not in html and "Verborgen" not in html and "gebruiker" not in html
    network = network_of(world.users["jurist"], world.sites["A"])
    assert [c.number for c in network["cases"]] == [world.case.number]
    assert all(
        hidden.number not in link["from"] and "Verborgen" not in link["to"] for link in network["links"]
    )


def test_a_partner_sees_only_the_case_it_is_on(world: OndermijningWorld, hidden) -> None:  # type: ignore[no-untyped-def]
    network = network_of(world.users["politie"], world.sites["A"])
    assert [c.number for c in network["cases"]] == [hidden.number]
    assert [str(p) for p in network["persons"]] == [str(hidden.subjects.get(person__isnull=False).person)]
    assert network["addresses"] == [] and network["businesses"] == []  # the team's own nodes, not a partner's
    assert all(
        world.case.number not in link["from"] and str(world.person) != link["to"] for link in network["links"]
    )
    assert (
        len(network["links"]) == 2
    )  # the case to its person and to the location: nothing about the other case


def test_a_partner_on_no_case_sees_no_node_and_no_link(world: OndermijningWorld) -> None:
    network = network_of(world.users["politie"], world.sites["A"])
    assert network == {"cases": [], "persons": [], "businesses": [], "addresses": [], "links": []}


def test_the_site_page_refuses_partners(sign_in, world: OndermijningWorld, hidden) -> None:  # type: ignore[no-untyped-def]
    assert sign_in(world.users["politie"]).get(
        f"/ondermijning/locaties/{world.sites['A'].pk}"
    ).status_code in (403, 404)
