"""The beheerder's mapping table for single sign-on: pages for the beheerder only, every field's bad input answered
in Dutch with nothing written, every change in the processing log."""

from __future__ import annotations

import pytest
from django.test import Client

from regie.accounts.models import OidcRoleMapping, Organisation
from regie.processing_log.models import ProcessingLogEntry
from tests.conftest import verified_session
from tests.integrations.oidc_provider.fixtures import provider_fixture, sso_fixture  # noqa: F401

pytestmark = pytest.mark.django_db
LIST = "/beheer/eenmalige-aanmelding"
NEW = "/beheer/eenmalige-aanmelding/nieuw"
OTHER_ROLES = [
    "procesregisseur",
    "projectleider",
    "handhaver",
    "jurist",
    "brp",
    "politie",
    "analist",
    "privacy",
]


def _form(**overrides: str) -> dict[str, str]:
    data = {
        "claim_value": "regie-handhaving",
        "provider": "",
        "role": "handhaver",
        "organisation": str(Organisation.objects.get(name="Toezicht en Handhaving").pk),
        "position": "20",
    }
    data.update(overrides)
    return data


@pytest.fixture
def beheerder(sign_in, users) -> Client:
    return sign_in(users["beheerder"])


def _row(beheerder: Client, **overrides: str) -> OidcRoleMapping:
    response = beheerder.post(NEW, _form(**overrides))
    assert response.status_code == 302, response.content.decode()[:500]
    return OidcRoleMapping.objects.get(claim_value=overrides.get("claim_value", "regie-handhaving"))


def test_the_beheerder_reaches_the_table_from_the_admin_home(beheerder):
    home = beheerder.get("/beheer").content.decode()
    assert f'href="{LIST}"' in home
    page = beheerder.get(LIST)
    assert page.status_code == 200
    assert "geen inlogdienst ingesteld" in page.content.decode()  # no provider: the page says sign-on is off


def test_the_table_names_the_configured_provider_and_its_claims(beheerder, sso):
    page = beheerder.get(LIST).content.decode()
    assert sso.issuer in page and "<code>groups</code>" in page and "<code>sub</code>" in page


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_other_role_is_refused_the_pages_with_a_dutch_403(beheerder, users, role):
    row = _row(beheerder)
    signed = verified_session(Client(), users[role])
    for path in (LIST, NEW, f"{LIST}/{row.pk}"):
        response = signed.get(path)
        assert (
            response.status_code == 403
            and "U heeft geen toegang tot deze pagina" in response.content.decode()
        )
    assert signed.post(f"{LIST}/{row.pk}/verwijderen").status_code == 403
    assert signed.post(f"{LIST}/{row.pk}/goedkeuren").status_code == 403
    assert signed.post(NEW, _form(claim_value="iets-anders")).status_code == 403
    assert OidcRoleMapping.objects.count() == 1
    assert not OidcRoleMapping.objects.get().in_effect


def test_without_signing_in_the_pages_send_to_the_login():
    assert Client().get(LIST)["Location"].startswith("/login")


def test_the_beheerder_adds_changes_and_deletes_a_mapping_each_logged(beheerder):
    row = _row(beheerder)
    assert (row.role, row.organisation.name, row.position, row.provider) == (
        "handhaver",
        "Toezicht en Handhaving",
        20,
        "",
    )

    changed = beheerder.post(
        f"{LIST}/{row.pk}",
        _form(
            role="jurist", organisation=str(Organisation.objects.get(name="Juridische Zaken").pk), version="1"
        ),
    )
    assert changed.status_code == 302
    row.refresh_from_db()
    assert (row.role, row.version) == ("jurist", 2)

    deleted = beheerder.post(f"{LIST}/{row.pk}/verwijderen")
    assert deleted.status_code == 302 and not OidcRoleMapping.objects.exists()
    actions = list(
        ProcessingLogEntry.objects.filter(action__startswith="oidc_mapping.")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == ["oidc_mapping.created", "oidc_mapping.changed", "oidc_mapping.deleted"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("claim_value", "", "Dit veld is verplicht."),
        ("claim_value", "   ", "Dit veld is verplicht."),
        ("claim_value", "x" * 201, "Gebruik hoogstens 200 tekens."),
        ("claim_value", "regie\nhandhaving", "Gebruik geen regeleinden of andere stuurtekens."),
        ("role", "", "Dit veld is verplicht."),
        ("role", "opperhoofd", "Kies een bestaande rol."),
        ("role", "partner", "Een ketenpartner hoort bij een externe partnerorganisatie."),
        ("organisation", "", "Dit veld is verplicht."),
        ("organisation", "00000000-0000-0000-0000-000000000000", "Kies een bestaande, actieve organisatie."),
        ("organisation", "geen-uuid", "is geen geldige UUID."),
        ("position", "0", "Vul een getal van 1 tot en met 999 in."),
        ("position", "1000", "Vul een getal van 1 tot en met 999 in."),
        ("position", "twintig", "Vul een geheel getal in."),
        ("provider", "elders", "Kies een ingestelde inlogdienst, of laat dit leeg voor elke inlogdienst."),
    ],
)
def test_bad_input_is_answered_in_dutch_and_nothing_is_written(beheerder, field, value, message):
    response = beheerder.post(NEW, _form(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OidcRoleMapping.objects.exists()
    assert not ProcessingLogEntry.objects.filter(action="oidc_mapping.created").exists()


def test_a_partner_role_needs_a_partner_organisation_and_a_department_no_partner_role(beheerder):
    police = str(Organisation.objects.get(name="Politie basisteam Rijk van Nijmegen-Noord").pk)
    response = beheerder.post(NEW, _form(role="handhaver", organisation=police))
    assert response.status_code == 400
    assert "Medewerkers van een externe partner hebben de rol ketenpartner." in response.content.decode()
    assert beheerder.post(NEW, _form(role="partner", organisation=police)).status_code == 302


def test_the_same_value_twice_for_the_same_provider_is_refused(beheerder):
    _row(beheerder)
    response = beheerder.post(NEW, _form(role="jurist"))
    assert response.status_code == 400
    assert "Voor deze waarde bestaat al een koppeling bij deze inlogdienst." in response.content.decode()
    assert OidcRoleMapping.objects.count() == 1


def test_a_change_on_a_stale_version_is_refused_and_nothing_changes(beheerder):
    row = _row(beheerder)
    beheerder.post(f"{LIST}/{row.pk}", _form(position="30", version="1"))

    stale = beheerder.post(f"{LIST}/{row.pk}", _form(position="40", version="1"))

    assert (
        stale.status_code == 409
        and "Iemand anders heeft deze koppeling intussen gewijzigd" in stale.content.decode()
    )
    row.refresh_from_db()
    assert row.position == 30


# Four eyes: a row that gives a role working on cases takes effect only after another beheerder approved it


def test_a_row_giving_a_case_role_waits_until_another_beheerder_approves_it(beheerder, users, sign_in):
    row = _row(beheerder)
    assert not row.in_effect and row.requested_by == users["beheerder"]
    page = beheerder.get(f"{LIST}/{row.pk}").content.decode()
    assert "wacht op goedkeuring" in page and "Goedkeuren" not in page  # not for the one who asked

    assert "Eenmalige aanmelding: rollen uit de gemeentelijke account (1 wachten op goedkeuring)" in (
        beheerder.get("/beheer").content.decode()
    )
    own = beheerder.post(f"{LIST}/{row.pk}/goedkeuren", follow=True)
    assert "U kunt uw eigen koppeling niet goedkeuren" in own.content.decode()
    row.refresh_from_db()
    assert not row.in_effect

    second = verified_session(Client(), users["beheerder2"])
    assert "Goedkeuren" in second.get(f"{LIST}/{row.pk}").content.decode()
    approved = second.post(f"{LIST}/{row.pk}/goedkeuren")
    assert approved.status_code == 302
    row.refresh_from_db()
    assert row.in_effect and row.approved_by == users["beheerder2"]
    assert ProcessingLogEntry.objects.filter(
        action="oidc_mapping.approved", actor_username="beheerder2"
    ).exists()
    again = second.post(f"{LIST}/{row.pk}/goedkeuren", follow=True)
    assert "Deze koppeling geldt al." in again.content.decode()


def test_changing_an_approved_row_needs_approval_again_but_saving_it_unchanged_does_not(beheerder, users):
    row = _row(beheerder)
    verified_session(Client(), users["beheerder2"]).post(f"{LIST}/{row.pk}/goedkeuren")
    row.refresh_from_db()

    beheerder.post(f"{LIST}/{row.pk}", _form(version=str(row.version)))  # the same values
    row.refresh_from_db()
    assert row.in_effect

    beheerder.post(f"{LIST}/{row.pk}", _form(position="5", version=str(row.version)))
    row.refresh_from_db()
    assert not row.in_effect and row.position == 5


def test_a_row_giving_a_role_without_cases_is_in_effect_at_once(beheerder):
    row = _row(beheerder, claim_value="regie-analisten", role="analist")
    assert row.in_effect and row.approved_by is None
