"""The functional administrator manages users and organisations; nobody else may, and bad input is refused."""

from __future__ import annotations

import pytest

from regie.accounts.models import Organisation, User
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "/beheer",
    "/beheer/gebruikers",
    "/beheer/gebruikers/nieuw",
    "/beheer/organisaties",
    "/beheer/organisaties/nieuw",
]
OTHER_ROLES = [
    "procesregisseur",
    "projectleider",
    "handhaver",
    "jurist",
    "brp",
    "politie",
    "ggz",
    "analist",
    "privacy",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_it_shows_admin_pages_to_the_administrator(sign_in, users, path):
    assert sign_in(users["beheerder"]).get(path).status_code == 200


@pytest.mark.parametrize("role", OTHER_ROLES)
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_it_refuses_admin_pages_to_every_other_role_with_a_dutch_403(sign_in, users, role, path):
    response = sign_in(users[role]).get(path)
    assert response.status_code == 403
    assert "U heeft geen toegang tot deze pagina" in response.content.decode()


def _user_form(**overrides):
    org = Organisation.objects.get(name="Toezicht en Handhaving")
    data = {
        "username": "e.vandam",
        "first_name": "Eva",
        "last_name": "van Dam",
        "email": "e.vandam@example.nl",
        "phone": "",
        "job_title": "Toezichthouder",
        "role": "handhaver",
        "organisation": str(org.pk),
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_it_creates_a_user_and_logs_it(sign_in, users):
    response = sign_in(users["beheerder"]).post("/beheer/gebruikers/nieuw", _user_form())
    assert response.status_code == 302
    user = User.objects.get(username="e.vandam")
    assert user.role == "handhaver" and not user.has_usable_password()
    assert ProcessingLogEntry.objects.filter(action="user.created", object_id=str(user.pk)).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("last_name", "", "Dit veld is verplicht."),
        ("username", "Eva Dam!", "Gebruik kleine letters"),
        ("username", "jurist", "Deze gebruikersnaam is al in gebruik."),
        ("email", "geen-adres", "Vul een geldig e-mailadres in"),
        ("role", "koning", "Kies een bestaande rol."),
        ("role", "partner", "Een ketenpartner hoort bij een externe partnerorganisatie."),
        ("organisation", "00000000-0000-0000-0000-000000000000", "Kies een bestaande organisatie."),
        ("phone", "bel me", "Vul een telefoonnummer in"),
    ],
)
def test_it_refuses_bad_user_input_in_dutch_and_saves_nothing(sign_in, users, field, value, message):
    before = User.objects.count()
    response = sign_in(users["beheerder"]).post("/beheer/gebruikers/nieuw", _user_form(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.count() == before


def test_it_refuses_an_internal_role_for_a_partner_organisation(sign_in, users):
    police = Organisation.objects.get(name__startswith="Politie")
    response = sign_in(users["beheerder"]).post(
        "/beheer/gebruikers/nieuw", _user_form(organisation=str(police.pk))
    )
    assert response.status_code == 400
    assert "Medewerkers van een externe partner hebben de rol ketenpartner." in response.content.decode()


def test_it_refuses_a_stale_user_edit_with_a_conflict_and_loses_nothing(sign_in, users):
    target = users["handhaver"]
    client = sign_in(users["beheerder"])
    form = _user_form(username="handhaver", last_name="Hendriks-Bos", version=str(target.version))
    assert client.post(f"/beheer/gebruikers/{target.pk}", form).status_code == 302
    stale = _user_form(username="handhaver", last_name="Hendrikx", version=str(target.version))
    response = client.post(f"/beheer/gebruikers/{target.pk}", stale)
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert 'value="Hendrikx"' in response.content.decode()  # what they typed is still in the form
    target.refresh_from_db()
    assert target.last_name == "Hendriks-Bos"


def test_it_refuses_blocking_your_own_account(sign_in, users):
    admin = users["beheerder"]
    form = _user_form(
        username="beheerder",
        last_name="Jansen",
        role="beheerder",
        organisation=str(admin.organisation.pk),
        version=str(admin.version),
    )
    form.pop("is_active")
    response = sign_in(admin).post(f"/beheer/gebruikers/{admin.pk}", form)
    assert response.status_code == 400
    assert "U kunt uw eigen account niet blokkeren." in response.content.decode()


def test_it_creates_a_partner_organisation(sign_in, users):
    response = sign_in(users["beheerder"]).post(
        "/beheer/organisaties/nieuw",
        {"name": "Reclassering Leger des Heils", "kind": "partner", "partner_type": "reclassering"},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Reclassering Leger des Heils").partner_type == "reclassering"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "kind": "afdeling"}, "Dit veld is verplicht."),
        ({"name": "Wijkteam X", "kind": "partner", "partner_type": ""}, "Kies het type partner."),
        (
            {"name": "Team Y", "kind": "afdeling", "partner_type": "politie"},
            "Een afdeling van de gemeente heeft geen",
        ),
        ({"name": "burgerzaken", "kind": "afdeling"}, "Er bestaat al een organisatie met deze naam."),
        ({"name": "Z", "kind": "iets"}, "Kies afdeling of externe partner."),
        ({"name": "Z", "kind": "partner", "partner_type": "maffia"}, "Onbekend type partner."),
    ],
)
def test_it_refuses_bad_organisation_input_in_dutch(sign_in, users, data, message):
    before = Organisation.objects.count()
    response = sign_in(users["beheerder"]).post("/beheer/organisaties/nieuw", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Organisation.objects.count() == before


def test_it_resets_a_lost_second_factor(sign_in, users):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    sign_in(users["jurist"])
    assert TOTPDevice.objects.filter(user=users["jurist"]).exists()
    response = sign_in(users["beheerder"]).post(
        f"/beheer/gebruikers/{users['jurist'].pk}/tweede-factor-verwijderen"
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=users["jurist"]).exists()
    assert ProcessingLogEntry.objects.filter(action="second_factor.reset").exists()


def test_it_lists_organisations_in_the_api_for_staff_and_404s_unknown_ones(api_as):
    client = api_as("ggz")
    body = client.get("/api/v1/organisations").json()
    first = body["results"][0]
    assert client.get(f"/api/v1/organisations/{first['id']}").json()["name"] == first["name"]
    missing = client.get("/api/v1/organisations/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"


def test_it_shows_the_signed_in_user_in_users_me(api_as):
    body = api_as("handhaver").get("/api/v1/users/me").json()
    assert body["username"] == "handhaver" and body["organisation"]["name"] == "Toezicht en Handhaving"
