"""Fixtures for the sign-on tests (imported by their modules as `*_fixture`, used by their names): the running
provider, Regie configured for it, and the beheerder's mapping table filled through the real services."""

from __future__ import annotations

from typing import Any

import pytest

from regie.accounts.models import Organisation, User
from regie.accounts.oidc import discovery
from regie.accounts.oidc.services import oidc_mapping_approve, oidc_mapping_create
from tests.integrations.oidc_provider import RunningProvider, running_provider


@pytest.fixture(name="provider")
def provider_fixture() -> RunningProvider:
    return running_provider()


@pytest.fixture(name="sso")
def sso_fixture(settings: Any, provider: RunningProvider) -> RunningProvider:
    """Regie with the test provider as its one identity provider (MFA: amr "mfa")."""
    settings.REGIE_SSO_PROVIDERS = (provider.config(),)
    discovery.forget()
    return provider


@pytest.fixture(name="mappings")
def mappings_fixture(users: dict[str, User], sso: RunningProvider) -> None:
    """regie-juristen → jurist (Juridische Zaken, first); regie-handhaving → handhaver (Toezicht en Handhaving,
    for the provider "gemeente" only); both approved by a second beheerder."""
    beheerder = users["beheerder"]
    juristen = oidc_mapping_create(
        actor=beheerder,
        provider="",
        claim_value="regie-juristen",
        role="jurist",
        organisation=Organisation.objects.get(name="Juridische Zaken"),
        position=10,
    )
    handhaving = oidc_mapping_create(
        actor=beheerder,
        provider="gemeente",
        claim_value="regie-handhaving",
        role="handhaver",
        organisation=Organisation.objects.get(name="Toezicht en Handhaving"),
        position=20,
    )
    for row in (juristen, handhaving):  # both give roles that work on cases: a second beheerder approves them
        oidc_mapping_approve(actor=users["beheerder2"], mapping=row)
