"""Sign-on settings from the environment (off by default; a bad value stops start-up with a message naming it) and
its line in `regie check-connections`."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from regie.accounts.oidc import discovery
from regie.accounts.oidc.checks import check_oidc
from regie.accounts.oidc.config import DEFAULT_LABEL, providers_from_environment
from tests.integrations.oidc_provider.fixtures import provider_fixture, sso_fixture  # noqa: F401

ONE = {
    "REGIE_OIDC_ISSUER": "https://login.lingewaard.example/realms/medewerkers",
    "REGIE_OIDC_CLIENT_ID": "regie",
    "REGIE_OIDC_CLIENT_SECRET": "geheim",
}


def test_nothing_set_means_sign_on_is_off():
    assert providers_from_environment({}) == ()


def test_one_provider_from_the_plain_names_with_safe_defaults():
    [provider] = providers_from_environment(ONE)
    assert (provider.key, provider.label, provider.user_claim, provider.role_claim) == (
        "gemeente",
        DEFAULT_LABEL,
        "sub",
        "groups",
    )
    assert provider.mfa_amr == ("mfa",) and provider.mfa_acr == ()
    assert provider.discovery_url == ONE["REGIE_OIDC_ISSUER"] + "/.well-known/openid-configuration"


def test_claims_and_mfa_values_are_configurable():
    [provider] = providers_from_environment(
        {
            **ONE,
            "REGIE_OIDC_USER_CLAIM": "oid",
            "REGIE_OIDC_ROLE_CLAIM": "roles",
            "REGIE_OIDC_MFA_AMR": "mfa, hwk",
            "REGIE_OIDC_MFA_ACR": "urn:gemeente:loa:substantieel",
        }
    )
    assert (provider.user_claim, provider.role_claim) == ("oid", "roles")
    assert provider.mfa_amr == ("mfa", "hwk") and provider.mfa_acr == ("urn:gemeente:loa:substantieel",)


def test_several_providers_each_with_their_own_names_and_shared_claim_settings():
    found = providers_from_environment(
        {
            "REGIE_OIDC_PROVIDERS": "gemeente,regio-ggd",
            "REGIE_OIDC_ROLE_CLAIM": "roles",
            "REGIE_OIDC_GEMEENTE_ISSUER": "https://login.lingewaard.example",
            "REGIE_OIDC_GEMEENTE_CLIENT_ID": "regie",
            "REGIE_OIDC_GEMEENTE_CLIENT_SECRET": "a",
            "REGIE_OIDC_REGIO_GGD_ISSUER": "https://login.ggd.example",
            "REGIE_OIDC_REGIO_GGD_CLIENT_ID": "regie-ggd",
            "REGIE_OIDC_REGIO_GGD_CLIENT_SECRET": "b",
            "REGIE_OIDC_REGIO_GGD_LABEL": "Inloggen met uw GGD-account",
            "REGIE_OIDC_REGIO_GGD_ROLE_CLAIM": "groups",
        }
    )
    assert [(p.key, p.client_id, p.role_claim) for p in found] == [
        ("gemeente", "regie", "roles"),
        ("regio-ggd", "regie-ggd", "groups"),
    ]
    assert found[1].label == "Inloggen met uw GGD-account"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({**ONE, "REGIE_OIDC_ISSUER": "login.lingewaard.example"}, "REGIE_OIDC_ISSUER"),
        ({**ONE, "REGIE_OIDC_ISSUER": "http://login.lingewaard.example"}, "REGIE_OIDC_ISSUER moet https"),
        ({**ONE, "REGIE_OIDC_CLIENT_SECRET": ""}, "REGIE_OIDC_CLIENT_SECRET"),
        ({**ONE, "REGIE_OIDC_USER_CLAIM": "sub id"}, "REGIE_OIDC_USER_CLAIM"),
        ({**ONE, "REGIE_OIDC_SIGN_ALGORITHM": "HS256"}, "REGIE_OIDC_SIGN_ALGORITHM"),
        ({**ONE, "REGIE_OIDC_SCOPES": "profile email"}, "REGIE_OIDC_SCOPES"),
        ({"REGIE_OIDC_PROVIDERS": "Gemeente!"}, "REGIE_OIDC_PROVIDERS"),
        ({"REGIE_OIDC_PROVIDERS": "ggd"}, "REGIE_OIDC_GGD_ISSUER ontbreekt"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(env, named):
    with pytest.raises(ImproperlyConfigured, match=named):
        providers_from_environment(env)


def test_http_is_allowed_only_on_the_machine_itself():
    [provider] = providers_from_environment({**ONE, "REGIE_OIDC_ISSUER": "http://127.0.0.1:8080/realms/test"})
    assert provider.issuer.startswith("http://127.0.0.1")


# regie check-connections


def test_check_connections_says_sign_on_is_not_configured(settings):
    settings.REGIE_SSO_PROVIDERS = ()
    state = check_oidc()
    assert (state.configured, state.status_label) == (False, "niet gekoppeld")


def test_check_connections_fetches_the_discovery_document(sso, capsys):
    state = check_oidc()
    assert (state.configured, state.ok, state.status_label) == (True, True, "werkt")
    assert sso.issuer in state.detail and "met uitlog-adres" in state.detail


@pytest.mark.django_db  # the other connections' checks may count what they hold
def test_check_connections_reports_a_provider_that_is_down_and_exits_1(settings, sso, capsys):
    settings.REGIE_SSO_PROVIDERS = (sso.config(issuer="http://127.0.0.1:9/o"),)
    discovery.forget()
    state = check_oidc()
    assert (state.ok, state.status_label) == (False, "storing")
    with pytest.raises(SystemExit) as exited:
        call_command("check_connections")
    assert exited.value.code == 1
    assert "Eenmalige aanmelding (OIDC): storing" in capsys.readouterr().out


def test_a_discovery_document_for_another_issuer_is_not_trusted(settings, sso):
    settings.REGIE_SSO_PROVIDERS = (sso.config(issuer=sso.issuer + "/"),)  # the same document, another issuer name
    discovery.forget()
    state = check_oidc()
    assert (state.ok, state.status_label) == (False, "storing")
    assert f"issuer '{sso.issuer}' is niet '{sso.issuer}/'" in state.detail
