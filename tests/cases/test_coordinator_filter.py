"""The coordinator filter of Mijn casussen in a large municipality: a name typed and resolved by the server (one match
filters, several ask to choose, none is an error), the id of a choice in the query string, suggestions from a small
JSON endpoint, and a page that does not grow with the number of colleagues."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regie.accounts.models import Municipality, Organisation, User
from regie.cases.views.case_list import COORDINATOR_SELECT_MAX
from tests.worlds.cases import make_case, make_case_type

pytestmark = pytest.mark.django_db


def add_colleagues(
    organisation: Organisation, names: list[tuple[str, str]], *, role: str = "handhaver"
) -> list[User]:
    """Colleagues who can coordinate, straight into the table (no passwords: they never sign in)."""
    start = User.objects.count()
    return User.objects.bulk_create(
        [
            User(
                username=f"collega-{start + i}",
                first_name=first,
                last_name=last,
                role=role,
                organisation=organisation,
            )
            for i, (first, last) in enumerate(names)
        ]
    )


def fillers(n: int, offset: int = 0) -> list[tuple[str, str]]:
    return [("Medewerker", f"Vulling{offset + i:03d}") for i in range(n)]


@pytest.fixture
def large(users: dict[str, User]) -> dict[str, User]:
    """The demo municipality past the select threshold, with a few names to look for."""
    organisation = users["handhaver"].organisation
    assert organisation is not None
    named = add_colleagues(
        organisation,
        [
            ("Anouk", "Visser"),
            ("Jan", "Jansen"),
            ("Janneke", "de Boer"),
            ("Jan", "Jansen"),
            ("Ruud", "Dekker"),
            ("Marjan", "Bakker"),
        ],
    )
    add_colleagues(organisation, fillers(COORDINATOR_SELECT_MAX))
    add_colleagues(organisation, [("Willem", "Visserman")], role="analist")  # cannot coordinate
    people = {f"{u.first_name} {u.last_name}": u for u in named}
    people["jan1"], people["jan2"] = named[1], named[3]
    return people


@pytest.fixture
def elsewhere() -> Organisation:
    municipality = Municipality.objects.create(name="Gemeente Elders", code="9999")
    organisation = Organisation.objects.create(municipality=municipality, name="Team Elders", kind="afdeling")
    add_colleagues(organisation, [("Anouk", "Vissering"), ("Bram", "Dekkers")])
    return organisation


def test_it_filters_on_the_one_colleague_whose_name_matches(sign_in, users, large):
    director, visser = users["procesregisseur"], large["Anouk Visser"]
    case_type = make_case_type(users["beheerder"])
    theirs = make_case(director, case_type, coordinator=visser, title="Casus van Anouk")
    make_case(director, case_type, title="Casus van de regisseur")

    response = sign_in(director).get("/casussen", {"coordinator_naam": "  VISSER ", "coordinator": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert theirs.title in html and "Casus van de regisseur" not in html
    assert 'value="Anouk Visser"' in html and f'name="coordinator" value="{visser.pk}"' in html
    assert "Gefilterd op coördinator Anouk Visser." in html
    assert "Vulling000" not in html  # the colleagues are not written out


def test_it_keeps_the_chosen_id_while_the_field_shows_its_name(sign_in, users, large):
    director, jan = users["procesregisseur"], large["jan2"]
    make_case(director, make_case_type(users["beheerder"]), coordinator=jan, title="Casus van de tweede Jan")
    # two colleagues are called Jan Jansen: the id decides, the name alone would not
    html = (
        sign_in(director).get("/casussen", {"coordinator": jan.pk, "coordinator_naam": "Jan Jansen"}).content
    )
    assert "Casus van de tweede Jan" in html.decode()
    assert "Gefilterd op coördinator Jan Jansen." in html.decode()


def test_it_asks_to_choose_when_several_colleagues_match_and_does_not_filter(sign_in, users, large):
    director = users["procesregisseur"]
    make_case(director, make_case_type(users["beheerder"]), title="Een casus")

    response = sign_in(director).get("/casussen", {"coordinator_naam": "jan", "status": "alle"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Er zijn meerdere collega&#x27;s met deze naam." in html
    assert "Een casus" not in html and "utrecht-table" not in html  # nothing listed until one is chosen
    for person in (large["jan1"], large["jan2"], large["Janneke de Boer"]):
        assert f'href="/casussen?status=alle&amp;coordinator={person.pk}"' in html


def test_it_lists_at_most_ten_matches_and_says_there_are_more(sign_in, users, large):
    html = (
        sign_in(users["procesregisseur"]).get("/casussen", {"coordinator_naam": "vulling"}).content.decode()
    )
    assert html.count("coordinator=") == 10
    assert "Er zijn meer collega's met deze naam." in html


def test_it_says_in_dutch_when_no_colleague_matches(sign_in, users, large, elsewhere):
    client = sign_in(users["procesregisseur"])
    for text in ("Pietersen", "Bram Dekkers", "Willem"):  # unknown, another municipality, a role that cannot
        response = client.get("/casussen", {"coordinator_naam": text})
        assert response.status_code == 400, text
        assert "Geen collega gevonden met deze naam." in response.content.decode(), text


def test_an_emptied_field_drops_the_coordinator_filter(sign_in, users, large):
    director = users["procesregisseur"]
    make_case(director, make_case_type(users["beheerder"]), title="Van de regisseur")
    html = (
        sign_in(director)
        .get("/casussen", {"coordinator": large["Anouk Visser"].pk, "coordinator_naam": ""})
        .content.decode()
    )
    assert "Van de regisseur" in html and "Gefilterd op" not in html


def test_an_id_still_filters_and_an_unknown_one_gives_the_dutch_error(sign_in, users, large, elsewhere):
    director, dekker = users["procesregisseur"], large["Ruud Dekker"]
    make_case(director, make_case_type(users["beheerder"]), coordinator=dekker, title="Casus van Ruud")
    client = sign_in(director)

    html = client.get("/casussen", {"coordinator": dekker.pk}).content.decode()
    assert "Casus van Ruud" in html and "Gefilterd op coördinator Ruud Dekker." in html
    outsider = User.objects.get(last_name="Dekkers")
    for bad in ("999999999", str(outsider.pk), "abc", "-3", "9" * 30):
        response = client.get("/casussen", {"coordinator": bad})
        assert response.status_code == 400, bad
        assert "Kies een coördinator uit de lijst." in response.content.decode(), bad


def test_a_small_municipality_keeps_the_select(sign_in, users):
    html = sign_in(users["procesregisseur"]).get("/casussen").content.decode()
    assert '<select name="coordinator"' in html and "coordinator_naam" not in html
    assert "coordinator_filter.js" not in html


def test_the_page_costs_the_same_queries_with_5_and_with_60_coordinators(sign_in):
    municipality = Municipality.objects.create(name="Gemeente Telling", code="9998")
    organisation = Organisation.objects.create(
        municipality=municipality, name="Team Telling", kind="afdeling"
    )
    (director,) = add_colleagues(organisation, [("Regie", "Voerder")], role="procesregisseur")
    add_colleagues(organisation, fillers(4))
    client = sign_in(director)
    client.get("/casussen")  # warm the session and the content types

    def queries(params: dict[str, str] | None = None) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/casussen", params or {}).status_code == 200
        return len(captured)

    with_5 = queries()
    add_colleagues(organisation, fillers(55, offset=4))
    assert queries() == with_5
    by_name = queries({"coordinator_naam": "Vulling003"})
    add_colleagues(organisation, fillers(60, offset=59))
    assert queries({"coordinator_naam": "Vulling003"}) == by_name


SUGGESTIONS = "/casussen/coordinatoren"


def test_the_suggestions_give_at_most_ten_names_of_own_coordinators(sign_in, users, large, elsewhere):
    client = sign_in(users["procesregisseur"])

    many = client.get(SUGGESTIONS, {"q": "vulling"}).json()["results"]
    visser = client.get(SUGGESTIONS, {"q": "Viss"}).json()["results"]

    assert len(many) == 10 and all(set(person) == {"id", "name"} for person in many)
    # not Anouk Vissering (another municipality), not Willem Visserman (an analyst cannot coordinate)
    assert visser == [{"id": large["Anouk Visser"].pk, "name": "Anouk Visser"}]
    assert [p["name"] for p in client.get(SUGGESTIONS, {"q": "anouk viss"}).json()["results"]] == [
        "Anouk Visser"
    ]


def test_the_suggestions_put_names_that_start_with_the_text_first(sign_in, users, large):
    names = [
        p["name"] for p in sign_in(users["procesregisseur"]).get(SUGGESTIONS, {"q": "jan"}).json()["results"]
    ]
    # Marjan Bakker comes first by surname, but her name only contains "jan"
    assert names == ["Janneke de Boer", "Jan Jansen", "Jan Jansen", "Marjan Bakker"]


def test_the_suggestions_refuse_anonymous_visitors_and_roles_without_cases(client, sign_in, users, large):
    assert sign_in(users["politie"]).get(SUGGESTIONS, {"q": "viss"}).status_code == 200  # as the list page
    for role in ("analist", "beheerder", "privacy"):
        assert sign_in(users[role]).get(SUGGESTIONS, {"q": "viss"}).status_code == 403, role
    client.logout()
    response = client.get(SUGGESTIONS, {"q": "viss"})
    assert response.status_code == 302 and response["Location"].startswith("/login")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("", 200),
        ("   ", 200),
        ("%", 200),
        ("_", 200),
        ("\\", 200),
        ("'; drop table accounts_user; --", 200),
        ("Zoë 😀", 200),
        ("a" * 101, 400),
        ("viss\x00er", 400),
        ("viss\ner", 400),
    ],
)
def test_the_suggestions_answer_odd_input_without_a_server_error(sign_in, users, large, text, status):
    response = sign_in(users["procesregisseur"]).get(SUGGESTIONS, {"q": text})
    assert response.status_code == status
    if status == 400:
        assert response["Content-Type"] == "application/problem+json"
        assert "hoogstens 100" in response.json()["detail"]
    else:
        assert response.json()["results"] == [] or text == "_"


def test_the_name_field_answers_odd_input_without_a_server_error(sign_in, users, large):
    client = sign_in(users["procesregisseur"])
    for text in ("%", "\\", "a" * 101, "viss\x00er", "Zoë 😀"):
        assert client.get("/casussen", {"coordinator_naam": text}).status_code == 400, text
