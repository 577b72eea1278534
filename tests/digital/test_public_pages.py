"""The public pages: no login, answers never stored with anything about the person, Dutch messages on bad input."""

from __future__ import annotations

from django.test import Client

from regie.digital.models import Campaign, ContentKind, FollowUpStatus, SelfCheckResult, VictimFollowUp
from regie.digital.services.content import content_current
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Address, Person
from tests.digital.conftest import BUSINESSES, RESIDENTS, answers_for

CHECK = "/veilig-online/check/inwoners"


def _counts() -> tuple[int, int, int, int]:
    named = ProcessingLogEntry.objects.exclude(person_ids=[]).count()
    return Person.objects.count(), Address.objects.count(), ProcessingLogEntry.objects.count(), named


def test_it_shows_the_start_page_and_both_checks_without_login(client: Client, users):
    assert "Check voor inwoners" in client.get("/veilig-online").content.decode()
    page = client.get(CHECK).content.decode()
    assert page.count('type="radio"') == 15 * 4
    business = client.get("/veilig-online/check/ondernemers").content.decode()
    assert "Uw risicoklasse" in business
    assert client.get("/veilig-online/check/onbekend").status_code == 404


def test_it_scores_a_check_and_stores_nothing_about_the_person(client: Client, users):
    before = _counts()
    answers = answers_for(RESIDENTS, "worst")
    response = client.post(CHECK, {**answers, "postcode_area": "6971"})
    assert response.status_code == 302 and response["Location"] == f"{CHECK}/uitslag"
    assert _counts() == before  # no person, address or log row (let alone one naming a person)
    result = SelfCheckResult.objects.get()
    assert (result.kind, result.score, result.postcode_area, result.campaign) == (RESIDENTS, 0, "6971", None)
    assert set(result.topic_scores) == {"updates", "wachtwoorden", "inloggen", "back-up", "nep-berichten",
                                        "privacy", "als-het-misgaat"}  # fmt: skip
    page = client.get(f"{CHECK}/uitslag").content.decode()
    assert "Doe dit eerst" in page and "Uw uitslag: Let op" in page
    assert "Zet automatische updates aan op uw telefoon" in page


def test_a_business_gets_its_risk_class(client: Client, users):
    response = client.post("/veilig-online/check/ondernemers", answers_for(BUSINESSES, "first"))
    assert response.status_code == 302
    page = client.get("/veilig-online/check/ondernemers/uitslag").content.decode()
    assert "Risicoklasse" in page
    assert SelfCheckResult.objects.get().risk_class is not None


def test_missing_and_tampered_answers_get_dutch_messages_and_nothing_is_stored(client: Client, users):
    answers = answers_for(RESIDENTS)
    del answers["updates-telefoon"]
    answers["wachtwoord-uniek"] = "<script>"
    response = client.post(CHECK, {**answers, "postcode_area": "69711"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Kies een antwoord op deze vraag." in page
    assert "Dit antwoord hoort niet bij deze vraag" in page
    assert "Nog niet alles is ingevuld." in page
    assert SelfCheckResult.objects.count() == 0


def test_a_postcode_area_is_four_digits_or_nothing(client: Client, users):
    response = client.post(CHECK, {**answers_for(RESIDENTS), "postcode_area": "69AB"})
    assert response.status_code == 400
    assert "Vul alleen de 4 cijfers van uw postcode in" in response.content.decode()
    assert SelfCheckResult.objects.count() == 0


def test_the_result_page_needs_a_check_done_in_this_session(client: Client, users):
    response = client.get(f"{CHECK}/uitslag")
    assert response.status_code == 302 and response["Location"] == CHECK


def test_a_campaign_link_counts_for_that_campaign(client: Client, users, campaign: Campaign):
    assert (
        f"?campagne={campaign.code}"
        in client.get(f"/veilig-online?campagne={campaign.code}").content.decode()
    )
    assert "?campagne=" not in client.get("/veilig-online?campagne=bestaat-niet").content.decode()
    page = client.get(f"{CHECK}?campagne={campaign.code}").content.decode()
    assert f'value="{campaign.code}"' in page
    client.post(CHECK, {**answers_for(RESIDENTS), "campaign": campaign.code})
    client.post(CHECK, {**answers_for(RESIDENTS), "campaign": "geen-campagne"})
    assert list(SelfCheckResult.objects.values_list("campaign", flat=True).order_by("campaign")) == [
        campaign.pk,
        None,
    ]


def test_the_checks_are_rate_limited_like_the_report_form(client: Client, users, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"public": "2/h"}}
    for _ in range(2):
        assert client.post(CHECK, answers_for(RESIDENTS)).status_code == 302
    response = client.post(CHECK, answers_for(RESIDENTS))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "te vaak iets verstuurd" in response.content.decode()
    assert SelfCheckResult.objects.count() == 2


def test_the_victim_guide_lists_every_situation_and_its_steps(client: Client, users):
    page = client.get("/veilig-online/wat-is-er-gebeurd").content.decode()
    for label in ("phishing", "vriend-in-nood", "bankhelpdeskfraude", "sextortion", "identiteitsfraude",
                  "ransomware"):  # fmt: skip
        assert label in page
    assert "Het is niet uw schuld" in page
    situation = client.get("/veilig-online/wat-is-er-gebeurd/vriend-in-nood").content.decode()
    assert situation.index("Bel direct uw bank") < situation.index("Doe online aangifte")
    assert "/veilig-online/terugbellen?situatie=vriend-in-nood" in situation
    assert client.get("/veilig-online/wat-is-er-gebeurd/onbekend").status_code == 404


FORM = {
    "situation": "phishing",
    "story": "Ik heb mijn bankgegevens ingevuld na een sms.",
    "given_names": "Gerrit",
    "surname": "Jansen",
    "phone": "0687654321",
    "email": "",
    "consent": "on",
}


def test_a_call_back_request_with_consent_is_stored_and_can_be_withdrawn(client: Client, users):
    response = client.post("/veilig-online/terugbellen", FORM)
    assert response.status_code == 302
    item = VictimFollowUp.objects.select_related("person").get()
    assert (item.person.surname, item.phone, item.consent_version) == ("Jansen", "0687654321", 1)
    assert "Ik wil dat de gemeente contact met mij opneemt" in item.consent_text
    logged = ProcessingLogEntry.objects.filter(action="digital_follow_up.requested").get()
    assert logged.person_ids == [item.person_id]
    sent = client.get("/veilig-online/terugbellen/verstuurd").content.decode()
    assert item.reference in sent
    link = sent.split('href="http://testserver')[1].split('"')[0]
    assert link.startswith("/veilig-online/intrekken/")
    assert "Ja, trek mijn toestemming in" in client.get(link).content.decode()
    assert VictimFollowUp.objects.get().status == FollowUpStatus.NEW  # a GET only asks
    done = client.post(link)
    assert "Uw toestemming is ingetrokken" in done.content.decode()
    item.refresh_from_db()
    item.person.refresh_from_db()
    assert (item.status, item.story, item.phone, item.email) == (FollowUpStatus.WITHDRAWN, "", "", "")
    assert (item.person.surname, item.person.given_names, item.person.phone) == ("Geanonimiseerd", "", "")
    assert ProcessingLogEntry.objects.filter(
        action="digital_follow_up.withdrawn", person_ids=[item.person_id]
    ).exists()
    assert client.post(link).status_code == 200  # twice is harmless
    assert client.post("/veilig-online/intrekken/onzin").status_code == 404


def test_without_the_consent_box_nothing_is_stored(client: Client, users):
    before = _counts()
    response = client.post("/veilig-online/terugbellen", {**FORM, "consent": ""})
    assert response.status_code == 400
    assert "Zonder toestemming bewaren wij niets" in response.content.decode()
    assert VictimFollowUp.objects.count() == 0 and _counts() == before


def test_a_mail_address_that_is_not_one_and_no_way_to_reach_someone_are_refused(client: Client, users):
    response = client.post("/veilig-online/terugbellen", {**FORM, "phone": "", "email": "jansen@"})
    assert response.status_code == 400
    assert "Dit is geen geldig e-mailadres" in response.content.decode()
    response = client.post("/veilig-online/terugbellen", {**FORM, "phone": "", "email": ""})
    assert "Vul een telefoonnummer of een e-mailadres in" in response.content.decode()
    response = client.post("/veilig-online/terugbellen", {**FORM, "situation": "verzonnen", "surname": ""})
    page = response.content.decode()
    assert response.status_code == 400 and "Vul uw achternaam in." in page
    assert VictimFollowUp.objects.count() == 0 and Person.objects.filter(surname="Jansen").count() == 0


def test_the_receipt_page_without_a_request_goes_back_to_the_form(client: Client, users):
    response = client.get("/veilig-online/terugbellen/verstuurd")
    assert response.status_code == 302 and response["Location"] == "/veilig-online/terugbellen"


def test_content_version_one_is_the_bundled_one(client: Client, users):
    assert content_current(ContentKind.CONSENT).version == 1


def test_every_missing_part_of_a_call_back_request_shows_at_once(client: Client, users):
    response = client.post("/veilig-online/terugbellen", {"situation": "phishing"})
    page = response.content.decode()
    assert response.status_code == 400
    for message in ("Vul uw achternaam in.", "Zonder toestemming bewaren wij niets",
                    "Vul een telefoonnummer of een e-mailadres in"):  # fmt: skip
        assert message in page
    assert "Ik wil dat de gemeente contact met mij opneemt" in page  # the consent text itself, in full
