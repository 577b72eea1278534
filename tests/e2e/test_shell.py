"""The shell in a real browser: logging in per role, keyboard use, accessibility, lockout, admin and privacy pages.

Headless system Chromium against pytest-django's live server on the PostgreSQL test database.
"""

from __future__ import annotations

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Locator, Page, Response, expect

from regie.accounts.models import Role, User
from regie.demo.accounts import USERS
from regie.processing_log.models import ProcessingLogEntry
from tests.conftest import ROLES

pytestmark = pytest.mark.e2e

FIRST_NAMES = {username: first for username, first, *_ in USERS}
WRONG_PASSWORD = "niet-het-goede-wachtwoord"
LOGIN_ERROR = "De combinatie van gebruikersnaam en wachtwoord klopt niet."
LOCK_MESSAGE = "Inloggen als jurist is vanaf dit adres tijdelijk geblokkeerd na"


def _main_menu(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Hoofdmenu")


def _open_user_menu(page: Page) -> Locator:
    """Open the user's own menu in the header (name, role, personal links) and return it."""
    menu = page.get_by_role("banner").locator("details.regie-user-menu")
    menu.locator("summary").click()
    return menu


def _is_login_post(response: Response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/login")


def _focused(page: Page) -> Locator:
    return page.locator(":focus")


# 1. Every role logs in through the real form and lands on its own start page.


@pytest.mark.parametrize("username", ROLES)
def test_it_lands_every_role_on_its_own_start_page(users, log_in, base_url, username):
    page = log_in(username)

    expect(page).to_have_url(f"{base_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Goedendag, {FIRST_NAMES[username]}")
    expect(page.get_by_role("region", name="Demo-omgeving")).to_contain_text("DEMO — fictieve gegevens")
    menu = _main_menu(page)
    expect(menu.get_by_role("link", name="Start", exact=True)).to_have_attribute("aria-current", "page")
    # Personal things are not work: the API sits in the user's own menu, not in the main menu.
    expect(menu.get_by_role("link", name=re.compile("API"))).to_have_count(0)
    expect(_open_user_menu(page).get_by_role("link", name="Mijn API-tokens", exact=True)).to_be_visible()
    expect(menu.get_by_role("link", name="Beheer", exact=True)).to_have_count(
        1 if username == "beheerder" else 0
    )
    expect(menu.get_by_role("link", name="Verwerkingslog", exact=True)).to_have_count(
        1 if username == "privacy" else 0
    )


# 2. axe-core finds nothing serious or critical on any page of the shell.


def test_the_login_page_passes_axe_also_with_an_error(users, page, log_in, assert_accessible):
    page.goto("/login")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Regie")
    assert_accessible(page)

    log_in("jurist", WRONG_PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text(LOGIN_ERROR)
    assert_accessible(page)


@pytest.mark.parametrize("username", ROLES)
def test_every_start_page_passes_axe(users, log_in, assert_accessible, username):
    page = log_in(username)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Goedendag")
    assert_accessible(page)


def test_the_error_pages_pass_axe_and_explain_in_dutch(users, page, log_in, assert_accessible):
    log_in("analist")

    response = page.goto("/beheer")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("U heeft geen toegang tot deze pagina")
    assert_accessible(page)

    response = page.goto("/bestaat-niet")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet")
    assert_accessible(page)


def test_the_accessibility_statement_passes_axe(users, page, assert_accessible):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Toegankelijkheid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toegankelijkheidsverklaring")
    assert_accessible(page)


def test_the_admin_pages_pass_axe(users, page, log_in, assert_accessible):
    log_in("beheerder")
    _main_menu(page).get_by_role("link", name="Beheer", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beheer")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^Gebruikers")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruikers")
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe gebruiker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe gebruiker")
    assert_accessible(page)

    page.get_by_role("button", name="Opslaan").click()  # empty form: every required field in error
    expect(page.get_by_role("alert")).to_contain_text("Controleer uw invoer.")
    assert_accessible(page)

    page.goto(f"/beheer/gebruikers/{users['jurist'].pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruiker wijzigen")
    assert_accessible(page)


def test_the_processing_log_page_passes_axe(users, page, log_in, assert_accessible):
    log_in("privacy")
    _main_menu(page).get_by_role("link", name="Verwerkingslog", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verwerkingslog")
    assert_accessible(page)


def test_the_api_token_page_passes_axe_also_with_a_new_token(users, page, log_in, assert_accessible):
    log_in("procesregisseur")
    _open_user_menu(page).get_by_role("link", name="Mijn API-tokens", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn API-tokens")
    assert_accessible(page)

    page.get_by_label("Naam van het token").fill("Koppeling zaaksysteem")
    page.get_by_role("button", name="Token aanmaken").click()
    expect(page.get_by_role("status")).to_contain_text("Token 'Koppeling zaaksysteem' is aangemaakt.")
    assert_accessible(page)


def test_the_api_docs_page_passes_axe(users, page, log_in, assert_accessible):
    log_in("analist")
    _open_user_menu(page).get_by_role("link", name="API-documentatie", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Regie API")
    assert_accessible(page)


# 3. Keyboard only.


def test_it_can_be_used_with_the_keyboard_alone(users, page, base_url):
    page.goto("/login")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip_link).to_be_focused()
    box = skip_link.bounding_box()
    assert box is not None and box["width"] > 20 and box["height"] > 10, "skiplink onzichtbaar bij focus"
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()

    page.keyboard.press("Tab")
    expect(page.get_by_label("Gebruikersnaam", exact=True)).to_be_focused()
    page.keyboard.type("procesregisseur")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Wachtwoord", exact=True)).to_be_focused()
    page.keyboard.type("regie-demo")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Inloggen")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{base_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedendag, Sanne")
    menu_links = _main_menu(page).get_by_role("link")
    expected = menu_links.all_inner_texts()
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if _focused(page).evaluate("el => !!el.closest('nav[aria-label=\"Hoofdmenu\"]')"):
            reached.append(_focused(page).inner_text())
        elif reached:
            break
    assert reached == expected, f"met Tab bereikt: {reached}, verwacht: {expected}"


# 4. Wrong passwords, and the lockout after five.


def test_it_refuses_a_wrong_password_in_dutch_and_locks_the_account_after_five_failures(users, page, log_in):
    for attempt in range(1, 6):
        with page.expect_response(_is_login_post) as answer:
            log_in("jurist", WRONG_PASSWORD)
        if attempt < 5:
            assert answer.value.status == 400
            expect(page.get_by_role("alert")).to_have_text(LOGIN_ERROR)

    assert answer.value.status == 429
    expect(page.get_by_role("alert")).to_contain_text(LOCK_MESSAGE)

    with page.expect_response(_is_login_post) as answer:
        log_in("jurist")  # the right password
    assert answer.value.status == 429
    expect(page.get_by_role("alert")).to_contain_text(LOCK_MESSAGE)
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Regie")
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Regie")
    assert ProcessingLogEntry.objects.filter(action="auth.locked_out", actor_username="jurist").exists()


# 5. The administrator creates a user; bad input is refused in Dutch at the field.


def test_it_lets_the_administrator_create_a_user_and_refuses_bad_input_at_the_field(users, page, log_in):
    log_in("beheerder")
    page.goto("/beheer/gebruikers/nieuw")
    page.get_by_label("Gebruikersnaam").fill("e.devries")
    page.get_by_label("Voornaam").fill("Eva")
    page.get_by_label("Rol", exact=True).select_option(label=Role.PARTNER.label)
    page.get_by_label("Organisatie").select_option(label="Team Zorg en Veiligheid")

    page.get_by_role("button", name="Opslaan").click()  # no last name
    expect(page.get_by_role("alert")).to_contain_text("Controleer uw invoer.")
    last_name = page.get_by_label("Achternaam")
    expect(last_name).to_have_attribute("aria-invalid", "true")
    expect(last_name).to_have_accessible_description(re.compile("Dit veld is verplicht."))
    assert not User.objects.filter(username="e.devries").exists()

    last_name.fill("de Vries")
    page.get_by_role("button", name="Opslaan").click()  # a partner role in a municipal department
    organisation = page.get_by_label("Organisatie")
    expect(organisation).to_have_accessible_description(
        re.compile("Een ketenpartner hoort bij een externe partnerorganisatie.")
    )
    expect(page.get_by_role("alert").get_by_role("link", name=re.compile("^Organisatie:"))).to_be_visible()
    assert not User.objects.filter(username="e.devries").exists()

    page.get_by_label("Rol", exact=True).select_option(label=Role.PROCESS_DIRECTOR.label)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruikers")
    expect(page.get_by_role("status")).to_have_text("De gebruiker is opgeslagen.")
    expect(page.get_by_role("link", name="Eva de Vries")).to_be_visible()
    created = User.objects.select_related("organisation").get(username="e.devries")
    assert (created.last_name, created.role, created.organisation.name) == (
        "de Vries",
        Role.PROCESS_DIRECTOR,
        "Team Zorg en Veiligheid",
    )


# 6. The privacy officer reads the processing log and filters it.


def test_it_shows_the_privacy_officer_the_login_events_and_filters_them_by_action(users, page, log_in):
    log_in("handhaver", WRONG_PASSWORD)
    log_in("privacy")
    _main_menu(page).get_by_role("link", name="Verwerkingslog", exact=True).click()

    actions = page.locator("tbody td:nth-child(4)")  # the action, by its Dutch label (never the code)
    expect(actions.filter(has_text=re.compile(r"^\s*Ingelogd\s*$"))).not_to_have_count(0)
    expect(actions.filter(has_text=re.compile(r"^\s*Inloggen mislukt\s*$"))).to_have_count(1)

    # The filter offers the actions by their Dutch label; the table shows the label.
    page.get_by_label("Handeling").select_option(label="Inloggen mislukt")
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"action=auth\.login_failed"))
    expect(page.locator("caption")).to_have_text("1 regels")
    expect(actions).to_have_text(["Inloggen mislukt"])
    expect(page.locator("tbody tr")).to_contain_text(["handhaver"])

    # A link with an action that is not in the list is answered at the field, in Dutch.
    page.goto("/privacy/verwerkingslog?action=Niet+Geldig!")
    expect(page.get_by_label("Handeling")).to_have_accessible_description(
        re.compile("Kies een handeling uit de lijst")
    )


# 7. Logging out.


def test_it_logs_out_from_the_header_and_says_so(users, log_in, base_url):
    page = log_in("projectleider")
    page.get_by_role("banner").get_by_role("button", name="Uitloggen").click()

    expect(page).to_have_url(f"{base_url}/login?uitgelogd=1")
    expect(page.get_by_role("status")).to_have_text("U bent uitgelogd.")
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Regie")


# 8. The Content-Security-Policy blocks nothing the shell itself needs.


def test_it_breaks_no_content_security_policy_rule(users, log_in, console_errors):
    page = log_in("beheerder")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Goedendag")
    # The stylesheets were allowed to load and apply: the header is Regie's blue, not the browser default.
    expect(page.get_by_role("banner")).to_have_css("background-color", "rgb(36, 87, 143)")
    page.goto(f"/beheer/gebruikers/{User.objects.get(username='jurist').pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruiker wijzigen")

    csp_errors = [
        m for m in console_errors if "Content Security Policy" in m or "Content-Security-Policy" in m
    ]
    assert not csp_errors, "\n".join(csp_errors)


# The second factor outside demo mode: enrolment with a QR code, then recovery codes.


def test_it_enrols_a_second_factor_with_a_qr_code_and_shows_recovery_codes(users, log_in, settings, base_url):
    settings.DEMO_MODE = False
    settings.REGIE_REQUIRE_SECOND_FACTOR = True
    page = log_in("procesregisseur")

    expect(page).to_have_url(re.compile(r"/login/tweede-factor\?next=/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Stel uw tweede factor in")
    qr = page.get_by_role("img", name=re.compile("QR-code"))
    expect(qr).to_be_visible()
    shown = qr.evaluate("img => img.decode().then(() => img.naturalWidth > 0, () => false)")
    assert shown, "de QR-code is een kapotte afbeelding"
    page.goto("/")  # nothing else is reachable before the second factor
    expect(page).to_have_url(re.compile(r"/login/tweede-factor$"))
    page.go_back()

    device = TOTPDevice.objects.get(user__username="procesregisseur", confirmed=False)
    page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Instellen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Uw tweede factor is ingesteld")
    expect(page.locator(".regie-codes li")).to_have_count(10)
    for code in page.locator(".regie-codes li").all_inner_texts():
        assert re.fullmatch(r"\d{8}", code)
    page.get_by_role("link", name="Verder naar Regie").click()
    expect(page).to_have_url(f"{base_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedendag, Sanne")
    assert TOTPDevice.objects.filter(user__username="procesregisseur", confirmed=True).count() == 1
