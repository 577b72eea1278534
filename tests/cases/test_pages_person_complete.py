"""Completing a placeholder person, or merging it into the known person, from the case and person pages.

Who may: a municipal case role that may edit one of the person's cases (the coordinator, an editing member).
A partner on the team, a reader of the case and a role outside it may not; a person outside the user's cases is
the same 404 as a missing one. Bad input gets Dutch messages on the form and changes nothing.
"""

from __future__ import annotations

import uuid

import pytest

from regie.cases.models import CaseSubject
from regie.cases.services.case import SubjectRef, case_subject_add
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Person
from tests.worlds.cases import add_member, make_case, make_person, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(users):
    return make_world(users)


@pytest.fixture
def placeholder(users, world):
    """'J. de Vries', made from a signal: a name only, in the world's case."""
    person = make_person(users["procesregisseur"], given_names="J.", bsn=None, with_address=False)
    case_subject_add(
        actor=users["procesregisseur"], case=world.case, ref=SubjectRef(role="betrokkene", person=person)
    )
    return person


def _form(person: Person, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "surname": person.surname,
        "surname_prefix": person.prefix,
        "given_names": person.given_names,
        "birth_date": "",
        "bsn": "",
        "email": "",
        "phone": "",
        "version": person.version,
    }
    data.update(changes)
    return data


def test_the_case_page_flags_a_placeholder_person_with_links_to_complete_or_merge_it(
    sign_in, users, world, placeholder
):
    html = sign_in(users["procesregisseur"]).get(f"/casussen/{world.case.pk}").content.decode()
    assert "onvolledig: geen BSN of geboortedatum" in html
    assert f'href="/personen/{placeholder.pk}/aanvullen"' in html
    assert f'href="/personen/{placeholder.pk}/samenvoegen"' in html
    assert f'href="/personen/{world.person.pk}/aanvullen"' not in html  # Jan has a BSN


def test_a_partner_on_the_team_sees_the_flag_but_no_links(sign_in, users, world, placeholder):
    html = sign_in(users["politie"]).get(f"/casussen/{world.case.pk}").content.decode()
    assert "onvolledig" in html and "/aanvullen" not in html and "/samenvoegen" not in html
    person_page = sign_in(users["politie"]).get(f"/personen/{placeholder.pk}").content.decode()
    assert "Onvolledige registratie" in person_page and "Gegevens aanvullen" not in person_page


def test_the_coordinator_completes_a_placeholder_and_it_is_logged(sign_in, users, world, placeholder):
    client = sign_in(users["procesregisseur"])
    page = client.get(f"/personen/{placeholder.pk}/aanvullen")
    assert page.status_code == 200 and "Gegevens aanvullen" in page.content.decode()
    response = client.post(
        f"/personen/{placeholder.pk}/aanvullen",
        _form(
            placeholder, given_names="Johanna", birth_date="1984-03-02", bsn="123456782", phone="06 12345678"
        ),
    )
    assert response.status_code == 302 and response["Location"] == f"/personen/{placeholder.pk}"
    placeholder.refresh_from_db()
    assert (placeholder.given_names, str(placeholder.birth_date), placeholder.bsn) == (
        "Johanna",
        "1984-03-02",
        "123456782",
    )
    entry = ProcessingLogEntry.objects.filter(action="person.changed").last()
    assert entry is not None and entry.actor_username == "procesregisseur"
    assert str(placeholder.pk) in [str(p) for p in entry.person_ids]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("surname", "  ", "Achternaam: Dit veld is verplicht."),
        ("bsn", "123456789", "elfproef"),
        ("bsn", "12ab", "alleen cijfers"),
        ("birth_date", "31-02-2020", "geldige geboortedatum"),
        ("birth_date", "2999-01-01", "toekomst"),
        ("email", "geen-adres", "geldig e-mailadres"),
        ("phone", "0" * 31, "hoogstens 30"),
        ("version", "x", ""),
    ],
)
def test_bad_input_is_refused_in_dutch_and_changes_nothing(
    sign_in, users, world, placeholder, field, value, message
):
    before = Person.objects.get(pk=placeholder.pk)
    response = sign_in(users["procesregisseur"]).post(
        f"/personen/{placeholder.pk}/aanvullen", _form(placeholder, **{field: value, "given_names": "Anders"})
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    after = Person.objects.get(pk=placeholder.pk)
    assert (after.given_names, after.version) == (before.given_names, before.version)


def test_a_bsn_of_another_person_is_refused(sign_in, users, world, placeholder):
    response = sign_in(users["procesregisseur"]).post(
        f"/personen/{placeholder.pk}/aanvullen", _form(placeholder, bsn=world.person.bsn)
    )
    assert (
        response.status_code == 400
        and "Er is al een andere persoon met dit BSN." in response.content.decode()
    )


def test_a_stale_version_is_a_conflict(sign_in, users, world, placeholder):
    response = sign_in(users["procesregisseur"]).post(
        f"/personen/{placeholder.pk}/aanvullen", _form(placeholder, version=placeholder.version - 1)
    )
    assert response.status_code == 409 and "Iemand anders heeft deze persoon" in response.content.decode()


def test_who_may_not_complete_is_refused(sign_in, users, world, placeholder):
    add_member(world.case, users["procesregisseur"], user=users["jurist"], can_edit=False, case_role="jurist")
    for username, status in (
        ("politie", 403),
        ("ggz", 403),
        ("jurist", 403),
        ("handhaver", 404),
        ("analist", 403),
    ):
        client = sign_in(users[username])
        assert client.get(f"/personen/{placeholder.pk}/aanvullen").status_code == status, username
        assert (
            client.post(
                f"/personen/{placeholder.pk}/aanvullen", _form(placeholder, given_names="X")
            ).status_code
            == status
        )
    assert Person.objects.get(pk=placeholder.pk).given_names == "J."


def test_the_merge_page_offers_the_known_person_and_logs_the_candidates_shown(
    sign_in, users, world, placeholder
):
    html = sign_in(users["procesregisseur"]).get(f"/personen/{placeholder.pk}/samenvoegen").content.decode()
    assert "Jan de Vries" in html and str(world.person.pk) in html and "overeenkomst" in html
    entry = ProcessingLogEntry.objects.filter(action="person.listed").last()
    assert entry is not None and entry.details == {"purpose": "samenvoegen"}
    assert {str(world.person.pk), str(placeholder.pk)} <= {str(p) for p in entry.person_ids}


def test_merging_moves_the_case_link_to_the_known_person(sign_in, users, world, placeholder):
    response = sign_in(users["procesregisseur"]).post(
        f"/personen/{placeholder.pk}/samenvoegen",
        {"survivor": str(world.person.pk), "reason": "Zelfde persoon, bevestigd in de BRP"},
    )
    assert response.status_code == 302 and response["Location"] == f"/personen/{world.person.pk}"
    placeholder.refresh_from_db()
    assert placeholder.merged_into_id == world.person.pk
    assert not CaseSubject.objects.filter(person=placeholder).exists()
    assert (
        ProcessingLogEntry.objects.filter(action="person.merged").last().actor_username == "procesregisseur"
    )  # type: ignore[union-attr]


def test_merge_bad_input_is_refused_and_merges_nothing(sign_in, users, world, placeholder):
    client = sign_in(users["procesregisseur"])
    url = f"/personen/{placeholder.pk}/samenvoegen"
    no_choice = client.post(url, {"reason": "dubbel"})
    assert no_choice.status_code == 400 and "Dit veld is verplicht." in no_choice.content.decode()
    no_reason = client.post(url, {"survivor": str(world.person.pk), "reason": ""})
    assert no_reason.status_code == 400 and "Waarom is dit dezelfde persoon?" in no_reason.content.decode()
    garbage = client.post(url, {"survivor": "niet-een-id", "reason": "dubbel"})
    assert garbage.status_code == 400 and "Kies een persoon uit de lijst." in garbage.content.decode()
    itself = client.post(url, {"survivor": str(placeholder.pk), "reason": "dubbel"})
    assert itself.status_code == 400 and "niet met zichzelf" in itself.content.decode()
    placeholder.refresh_from_db()
    assert placeholder.merged_into_id is None


def test_two_different_bsns_are_never_merged(sign_in, users, world):
    other = make_person(users["procesregisseur"], given_names="Jan", bsn="123456782", with_address=False)
    case_subject_add(
        actor=users["procesregisseur"], case=world.case, ref=SubjectRef(role="betrokkene", person=other)
    )
    response = sign_in(users["procesregisseur"]).post(
        f"/personen/{other.pk}/samenvoegen", {"survivor": str(world.person.pk), "reason": "dubbel"}
    )
    assert response.status_code == 400 and "verschillende BSN" in response.content.decode()
    other.refresh_from_db()
    assert other.merged_into_id is None


def test_a_survivor_outside_the_users_cases_is_the_same_404_as_a_missing_one(
    sign_in, users, world, placeholder
):
    hidden_case = make_case(users["handhaver"], world.case_type, title="Elders")
    hidden = make_person(users["handhaver"], surname="Verborgen", prefix="", given_names="Anna", bsn=None)
    case_subject_add(
        actor=users["handhaver"], case=hidden_case, ref=SubjectRef(role="betrokkene", person=hidden)
    )
    client = sign_in(users["procesregisseur"])
    for survivor in (hidden.pk, uuid.uuid4()):
        response = client.post(
            f"/personen/{placeholder.pk}/samenvoegen", {"survivor": str(survivor), "reason": "dubbel"}
        )
        assert response.status_code == 404
    placeholder.refresh_from_db()
    assert placeholder.merged_into_id is None


def test_who_may_not_merge_is_refused(sign_in, users, world, placeholder):
    for username, status in (("politie", 403), ("handhaver", 404), ("privacy", 403)):
        client = sign_in(users[username])
        response = client.post(
            f"/personen/{placeholder.pk}/samenvoegen", {"survivor": str(world.person.pk), "reason": "dubbel"}
        )
        assert response.status_code == status, username
    placeholder.refresh_from_db()
    assert placeholder.merged_into_id is None
