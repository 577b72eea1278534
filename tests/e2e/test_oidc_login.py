"""Single sign-on in a real browser: Regie's login page, the provider's own login form (django-oauth-toolkit on
127.0.0.1 in its own process), back to Regie's start page — with the second factor asserted by the provider, so
Regie asks for no code. axe-core finds nothing serious or critical on Regie's pages on the way."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from regie.accounts.models import Role, User
from regie.processing_log.models import ProcessingLogEntry
from tests.integrations.oidc_provider.fixtures import mappings_fixture, provider_fixture, sso_fixture  # noqa: F401
from tests.integrations.oidc_provider.staff import PASSWORD

pytestmark = pytest.mark.e2e
BUTTON = "Inloggen met de gemeentelijke account"


@pytest.fixture
def second_factor_required(demo_settings):
    """Outside demo mode, as in production: only the provider's MFA spares the staff member Regie's own code."""
    demo_settings.DEMO_MODE = False
    demo_settings.REGIE_REQUIRE_SECOND_FACTOR = True
    return demo_settings


def test_a_staff_member_signs_on_with_the_municipal_account_and_lands_on_the_start_page(
    second_factor_required, mappings, page, base_url, assert_accessible
):
    page.goto("/login")
    button = page.get_by_role("link", name=BUTTON)
    expect(button).to_be_visible()
    assert_accessible(page)

    button.focus()
    page.keyboard.press("Enter")  # by keyboard
    expect(page.get_by_role("heading", level=1)).to_have_text("Inlogdienst van de gemeente")
    page.get_by_label("Gebruikersnaam bij de gemeente").fill("a.jansen")
    page.get_by_label("Wachtwoord bij de gemeente").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()

    expect(page).to_have_url(f"{base_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedendag, Anna")
    assert_accessible(page)
    user = User.objects.get(username="a.jansen")
    assert user.role == Role.INSPECTOR
    assert ProcessingLogEntry.objects.filter(action="auth.oidc_login", actor_username="a.jansen").exists()


def test_a_staff_member_without_a_mapped_role_reads_why_in_dutch(
    second_factor_required, mappings, page, assert_accessible
):
    page.goto("/login")
    page.get_by_role("link", name=BUTTON).click()
    page.get_by_label("Gebruikersnaam bij de gemeente").fill("c.devries")
    page.get_by_label("Wachtwoord bij de gemeente").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang tot Regie")
    expect(page.get_by_role("alert")).to_contain_text("geen rol in Regie")
    assert_accessible(page)


def test_the_beheerder_fills_the_mapping_table_by_keyboard_and_its_pages_pass_axe(
    users, log_in, page, assert_accessible
):
    log_in("beheerder")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beheer", exact=True).click()
    page.get_by_role("link", name="Eenmalige aanmelding: rollen uit de gemeentelijke account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eenmalige aanmelding")
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe koppeling").click()
    page.get_by_role("button", name="Opslaan").click()  # nothing filled in
    expect(page.get_by_label("Waarde in de claim")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    page.get_by_label("Waarde in de claim").fill("regie-handhaving")
    page.get_by_label("Rol in Regie").select_option(label="Handhaver")
    page.get_by_label("Organisatie").select_option(label="Toezicht en Handhaving")
    page.get_by_label("Volgorde").fill("20")
    page.get_by_label("Volgorde").press("Enter")  # submitted by keyboard

    expect(page.get_by_role("status").first).to_contain_text("geldt pas als een andere beheerder")
    row = page.get_by_role("row", name="regie-handhaving")
    expect(row).to_contain_text("wacht op goedkeuring")
    assert_accessible(page)
