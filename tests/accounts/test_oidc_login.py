"""Single sign-on against a real OIDC provider (django-oauth-toolkit in its own process on 127.0.0.1): login,
claims to role and organisation, MFA from the provider or Regie's own second factor, refusals, logout, expiry."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import time_machine
from django.test import Client
from django.utils import timezone

from regie.accounts.models import ExternalIdentity, OidcRoleMapping, Role, User
from regie.accounts.oidc import services
from regie.processing_log.models import ProcessingLogEntry
from tests.integrations.oidc_provider import csrf_token, local_path, provider_login, sign_on
from tests.integrations.oidc_provider.fixtures import mappings_fixture, provider_fixture, sso_fixture  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # CI runs it on PostgreSQL 15 too
BUTTON = "Inloggen met de gemeentelijke account"


def _entries(action: str) -> list[ProcessingLogEntry]:
    return list(ProcessingLogEntry.objects.filter(action=action).order_by("seq"))


# The login page


def test_without_a_provider_sign_on_is_off_and_the_login_page_has_no_button(client: Client, settings):
    settings.REGIE_SSO_PROVIDERS = ()
    assert BUTTON not in client.get("/login").content.decode()
    assert client.get("/login/oidc/gemeente").status_code == 404


def test_with_a_provider_the_login_page_offers_the_municipal_account_beside_the_local_form(
    client: Client, sso
):
    page = client.get("/login?next=/casussen").content.decode()
    assert BUTTON in page and 'href="/login/oidc/gemeente?next=/casussen"' in page
    assert 'name="password"' in page  # local accounts (partners without a provider) keep their form


# Login end to end, claims to role and organisation


def test_a_staff_member_whose_provider_checked_mfa_lands_on_the_start_page(client: Client, mappings):
    response = sign_on(client, "a.jansen")

    assert response.status_code == 302 and response["Location"] == "/"
    start = client.get("/")
    assert start.status_code == 200 and "Goedendag, Anna" in start.content.decode()
    user = User.objects.get(external_identities__provider="gemeente")
    assert (user.username, user.role, user.organisation.name) == (
        "a.jansen",
        Role.INSPECTOR,
        "Toezicht en Handhaving",
    )
    assert (user.first_name, user.last_name, user.email) == ("Anna", "Jansen", "a.jansen@lingewaard.example")
    assert not user.has_usable_password()
    [login] = _entries("auth.oidc_login")
    assert login.details == {"provider": "gemeente", "secondFactor": "aanbieder"}
    assert login.actor_username == "a.jansen"
    assert _entries("user.created")


def test_the_mapping_with_the_lowest_position_decides_between_two_groups(client: Client, mappings):
    sign_on(client, "d.visser")  # regie-juristen (10) and regie-handhaving (20)
    user = User.objects.get(username="d.visser")
    assert (user.role, user.organisation.name) == (Role.LAWYER, "Juridische Zaken")


def test_the_next_sign_on_finds_the_same_user_by_sub_and_follows_a_changed_mapping(
    client: Client, mappings, users
):
    browser = requests.Session()
    sign_on(client, "a.jansen", browser=browser)
    first = User.objects.get(username="a.jansen")
    row = OidcRoleMapping.objects.get(claim_value="regie-handhaving")
    services.oidc_mapping_update(
        actor=users["beheerder"],
        mapping=row,
        version=row.version,
        role="projectleider",
        organisation=users["projectleider"].organisation,
    )
    services.oidc_mapping_approve(actor=users["beheerder2"], mapping=row)

    response = sign_on(
        Client(), "a.jansen", browser=browser
    )  # the provider remembers its session: no password

    assert response.status_code == 302
    again = User.objects.get(external_identities__subject=ExternalIdentity.objects.get().subject)
    assert again.pk == first.pk and again.role == Role.PROJECT_LEADER
    assert _entries("user.changed")[-1].details["fields"] == ["organisation", "role"]


def test_it_never_takes_over_a_local_account_with_the_same_username(client: Client, mappings, users):
    local = users["jurist"]
    User.objects.filter(pk=local.pk).update(username="a.jansen")

    sign_on(client, "a.jansen")

    created = User.objects.get(external_identities__provider="gemeente")
    assert created.pk != local.pk and created.username == "a.jansen-2"
    assert User.objects.get(pk=local.pk).role == Role.LAWYER


def test_with_two_providers_each_has_its_button_identities_and_provider_specific_mappings(
    client: Client, mappings, settings, sso
):
    settings.REGIE_SSO_PROVIDERS = (
        sso.config(),
        sso.config(key="regio", label="Inloggen met de regio-account"),
    )
    page = client.get("/login").content.decode()
    assert 'href="/login/oidc/gemeente?next=/"' in page and "Inloggen met de regio-account" in page

    # regie-handhaving is mapped for "gemeente" only: through "regio" Anna has no role
    refused = sign_on(Client(), "a.jansen", provider_key="regio")
    assert refused.status_code == 403
    # regie-juristen is mapped for every provider: Bram gets in through "regio" too, as his own regio identity
    sign_on(Client(), "b.bakker", provider_key="regio")
    sign_on(Client(), "b.bakker", provider_key="gemeente")
    assert sorted(ExternalIdentity.objects.values_list("provider", flat=True)) == ["gemeente", "regio"]
    assert _entries("auth.oidc_refused")[-1].details == {"provider": "regio", "reason": "no_role"}


def test_the_beheerder_sees_on_the_user_page_that_the_account_signs_on_at_the_provider(
    client: Client, mappings, users, sign_in
):
    sign_on(Client(), "a.jansen")
    user = User.objects.get(username="a.jansen")

    page = sign_in(users["beheerder"]).get(f"/beheer/gebruikers/{user.pk}").content.decode()

    assert "meldt zich aan met een account bij de inlogdienst gemeente" in page
    assert 'href="/beheer/eenmalige-aanmelding"' in page


# The second factor: asserted by the provider, or Regie's own


def test_without_mfa_at_the_provider_regie_asks_its_own_second_factor(client: Client, mappings):
    response = sign_on(client, "b.bakker")  # amr: pwd only

    assert response.status_code == 302 and response["Location"] == "/login/tweede-factor?next=%2F"
    assert client.get("/")["Location"] == "/login/tweede-factor"  # no page before it
    assert _entries("auth.oidc_login")[0].details["secondFactor"] == "regie"


def test_amr_values_that_are_not_configured_do_not_count_as_a_second_factor(
    client: Client, mappings, settings, sso
):
    settings.REGIE_SSO_PROVIDERS = (sso.config(mfa_amr=("hwk",)),)
    response = sign_on(client, "a.jansen")  # amr: pwd, mfa — but only hwk is accepted
    assert response["Location"].startswith("/login/tweede-factor")


# Refusals: each in Dutch, each logged, nobody signed in


def test_a_staff_member_without_a_mapped_role_gets_no_access_and_is_told_so(client: Client, mappings):
    response = sign_on(client, "c.devries")  # groups: kantine, personeelsvereniging

    assert response.status_code == 403
    page = response.content.decode()
    assert "Geen toegang tot Regie" in page and "geen rol in Regie" in page
    assert not User.objects.filter(username="c.devries").exists()
    assert client.get("/").status_code == 302
    [refusal] = _entries("auth.oidc_refused")
    assert refusal.details == {"provider": "gemeente", "reason": "no_role"}
    assert refusal.actor_username == "c.devries"


def test_a_row_still_waiting_for_a_second_beheerder_gives_no_access(client: Client, users, sso):
    services.oidc_mapping_create(
        actor=users["beheerder"],
        provider="",
        claim_value="regie-handhaving",
        role="handhaver",
        organisation=users["handhaver"].organisation,
    )
    response = sign_on(client, "a.jansen")
    assert response.status_code == 403 and "Geen toegang tot Regie" in response.content.decode()


def test_an_account_the_beheerder_switched_off_is_refused(client: Client, mappings):
    sign_on(client, "a.jansen")
    User.objects.filter(username="a.jansen").update(is_active=False)

    response = sign_on(Client(), "a.jansen")

    assert response.status_code == 403 and services.INACTIVE in response.content.decode()
    assert _entries("auth.oidc_refused")[-1].details["reason"] == "inactive"


def test_a_wrong_client_secret_is_refused_with_a_dutch_message(client: Client, mappings, settings, sso):
    settings.REGIE_SSO_PROVIDERS = (sso.config(client_secret="niet-het-geheim"),)
    response = sign_on(client, "a.jansen")

    assert response.status_code == 403 and services.NOT_CHECKED in response.content.decode()
    assert 'name="password"' in response.content.decode()  # the local form is still there
    assert _entries("auth.oidc_refused")[-1].details["reason"] == "invalid_response"
    assert not User.objects.filter(username="a.jansen").exists()


def test_a_callback_used_twice_is_refused(client: Client, mappings):
    start = client.get("/login/oidc/gemeente")
    answer = provider_login(requests.Session(), start["Location"], "a.jansen")
    callback = local_path(answer.headers["Location"])
    assert client.get(callback).status_code == 302
    client.post("/uitloggen")

    replay = client.get(callback)

    assert replay.status_code == 403 and services.NOT_CHECKED in replay.content.decode()
    assert _entries("auth.oidc_refused")[-1].details["reason"] == "unknown_state"


def test_a_callback_without_a_sign_on_started_in_this_browser_is_refused(client: Client, sso):
    response = client.get("/login/oidc/terug?code=abc&state=verzonnen")
    assert response.status_code == 403 and services.NOT_CHECKED in response.content.decode()


def test_the_provider_saying_no_is_told_as_cancelled(client: Client, mappings):
    start = client.get("/login/oidc/gemeente")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]

    response = client.get(f"/login/oidc/terug?error=access_denied&state={state}")

    assert response.status_code == 403 and services.CANCELLED in response.content.decode()
    assert _entries("auth.oidc_refused")[-1].details["reason"] == "provider_error"


# A provider that is down: a clear message, local login still works


def test_a_provider_that_is_down_is_told_and_local_login_still_works(client: Client, users, settings, sso):
    settings.REGIE_SSO_PROVIDERS = (sso.config(issuer="http://127.0.0.1:9/o"),)  # nothing listens on port 9

    response = client.get("/login/oidc/gemeente")

    assert response.status_code == 503 and services.UNAVAILABLE in response.content.decode()
    assert _entries("auth.oidc_refused")[-1].details["reason"] == "provider_unreachable"
    local = client.post("/login", {"username": "politie", "password": "regie-demo"})
    assert local.status_code == 302 and local["Location"].startswith("/login/tweede-factor")


def test_a_provider_that_goes_down_between_start_and_return_is_told_and_nothing_is_created(
    client: Client, mappings, settings, sso
):
    start = client.get("/login/oidc/gemeente")
    answer = provider_login(requests.Session(), start["Location"], "a.jansen")
    settings.REGIE_SSO_PROVIDERS = (
        sso.config(issuer="http://127.0.0.1:9/o"),
    )  # the same provider, now unreachable

    response = client.get(local_path(answer.headers["Location"]))

    assert response.status_code == 503 and services.UNAVAILABLE in response.content.decode()
    assert not User.objects.filter(username="a.jansen").exists()
    assert _entries("auth.oidc_refused")[-1].details["reason"] == "provider_unreachable"


# Where the staff member goes after signing on


def test_the_page_asked_for_before_signing_on_is_where_the_staff_member_lands(client: Client, mappings):
    response = sign_on(client, "a.jansen", next_url="/zoeken")
    assert response["Location"] == "/zoeken"


def test_an_address_outside_regie_is_never_followed_after_signing_on(client: Client, mappings):
    response = sign_on(client, "a.jansen", next_url="https://elders.example/")
    assert response["Location"] == "/"


# Logout ends the provider's session; an idle session expires


def test_logout_ends_the_session_at_the_provider_too(client: Client, mappings, sso):
    browser = requests.Session()
    sign_on(client, "a.jansen", browser=browser)

    response = client.post("/uitloggen")

    end = response["Location"]
    assert end.startswith(f"{sso.issuer}/logout/?")
    assert parse_qs(urlsplit(end).query) == {
        "client_id": [sso.client_id],
        "post_logout_redirect_uri": ["http://testserver/login?uitgelogd=1"],
    }
    assert "id_token" not in end  # no personal data in the address
    assert client.get("/").status_code == 302
    prompt = browser.get(end)  # without an ID token in the address the provider asks to confirm
    assert prompt.status_code == 200
    confirmed = browser.post(
        end,
        data={
            "allow": "on",
            "csrfmiddlewaretoken": csrf_token(prompt.text),
            "client_id": sso.client_id,
            "post_logout_redirect_uri": "http://testserver/login?uitgelogd=1",
        },
        headers={"Referer": end},
        allow_redirects=False,
    )
    assert confirmed.status_code == 302, confirmed.text[:500]
    assert confirmed.headers["Location"] == "http://testserver/login?uitgelogd=1"
    again = browser.get(Client().get("/login/oidc/gemeente")["Location"], allow_redirects=False)
    assert "/accounts/login/" in again.headers["Location"]  # the provider asks for the password again


def test_a_local_account_logs_out_to_regies_own_login_page(client: Client, users, sso, sign_in):
    response = sign_in(users["politie"]).post("/uitloggen")
    assert response["Location"] == "/login?uitgelogd=1"


def test_an_idle_sso_session_expires_like_any_other(client: Client, mappings):
    sign_on(client, "a.jansen")
    assert client.get("/").status_code == 200

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.get("/")

    assert response.status_code == 302 and response["Location"] == "/login?verlopen=1"
    assert _entries("auth.session_expired")
