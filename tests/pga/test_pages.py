"""The PGA pages: happy path and access denied for each, bad input answered in Dutch with nothing written, the
need-to-know per life domain, and every read logged with the person it is about."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regie.accounts.models import User
from regie.cases.models import Task
from regie.pga.models import DomainPlan, DomainScore, Evaluation, PgaCase, PgaStatus, Referral
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.pga import PgaWorld, refer

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]


def _url(world: PgaWorld, suffix: str = "") -> str:
    return f"/pga/casussen/{world.pga.pk}{suffix}"


def _logged(action: str, person_id: object) -> bool:
    return ProcessingLogEntry.objects.filter(action=action, person_ids__contains=[person_id]).exists()


def test_anonymous_is_sent_to_login(client: Client, pga_world: PgaWorld) -> None:
    for url in ("/pga", "/pga/aanmelden", _url(pga_world)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login")


def test_work_list_of_the_procesregisseur(sign_in: SignIn, pga_world: PgaWorld) -> None:
    page = sign_in(pga_world.users["procesregisseur"]).get("/pga")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Els Bakker" in text and "Jan de Vries" in text and "Triage" in text
    assert _logged("pga_referral.listed", pga_world.waiting.person_id)
    assert _logged("pga_case.listed", pga_world.pga.person_id)


def test_work_list_of_a_partner_shows_own_referrals_and_cases_on_the_team(
    sign_in: SignIn, pga_world: PgaWorld
) -> None:
    text = sign_in(pga_world.users["ggz"]).get("/pga").content.decode()
    assert "Mijn aanmeldingen" in text and "Els Bakker" in text and "Jan de Vries" in text
    assert "Triage" not in text
    other = sign_in(pga_world.users["projectleider"]).get("/pga").content.decode()
    assert "Jan de Vries" not in other and "Els Bakker" not in other


@pytest.mark.parametrize("name", ["analist", "beheerder", "privacy"])
def test_roles_without_cases_are_refused(sign_in: SignIn, pga_world: PgaWorld, name: str) -> None:
    client = sign_in(pga_world.users[name])
    assert client.get("/pga").status_code == 403
    assert client.get("/pga/aanmelden").status_code == 403
    assert client.get(_url(pga_world)).status_code == 403


def test_refer_a_person(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["politie"])
    response = client.post(
        "/pga/aanmelden",
        {
            "surname": "Pieters",
            "given_names": "Mark",
            "reason": "Overlast",
            "goal": "Rust",
            "urgency": "hoog",
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get(person__surname="Pieters")
    assert response["Location"] == f"/pga/aanmeldingen/{referral.pk}"
    assert referral.referred_by == pga_world.users["politie"] and referral.urgency == "hoog"
    assert _logged("pga_referral.created", referral.person_id)


def test_refer_matches_a_known_person_on_bsn(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["politie"])
    client.post(
        "/pga/aanmelden",
        {"bsn": "111222333", "surname": "X", "reason": "r", "goal": "g", "urgency": "normaal"},
    )
    assert Referral.objects.filter(person=pga_world.pga.person).count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"surname": "A", "reason": "", "goal": "g", "urgency": "normaal"}, "Dit veld is verplicht"),
        ({"surname": "A", "bsn": "123456789", "reason": "r", "goal": "g", "urgency": "normaal"}, "elfproef"),
        ({"surname": "", "reason": "r", "goal": "g", "urgency": "normaal"}, "achternaam of het BSN"),
        ({"surname": "A", "reason": "r", "goal": "g", "urgency": "morgen"}, "Selecteer een geldige keuze"),
        (
            {"surname": "A", "reason": "r", "goal": "g", "urgency": "normaal", "birth_date": "2099-01-01"},
            "toekomst",
        ),
    ],
)
def test_refer_bad_input(sign_in: SignIn, pga_world: PgaWorld, data: dict[str, str], message: str) -> None:
    before = Referral.objects.count()
    response = sign_in(pga_world.users["politie"]).post("/pga/aanmelden", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Referral.objects.count() == before


def test_referral_page_for_triage_referrer_and_outsider(sign_in: SignIn, pga_world: PgaWorld) -> None:
    url = f"/pga/aanmeldingen/{pga_world.waiting.pk}"
    page = sign_in(pga_world.users["procesregisseur"]).get(url)
    assert page.status_code == 200 and "Besluit vastleggen" in page.content.decode()
    assert _logged("pga_referral.viewed", pga_world.waiting.person_id)
    own = sign_in(pga_world.users["ggz"])
    assert own.get(url).status_code == 200
    assert "Besluit vastleggen" not in own.get(url).content.decode()
    assert own.post(url, {"decision": "lokale-pga", "reasons": "x"}).status_code == 403
    assert sign_in(pga_world.users["projectleider"]).get(url).status_code == 404
    assert (
        sign_in(pga_world.users["procesregisseur"]).get(f"/pga/aanmeldingen/{uuid.uuid4()}").status_code
        == 404
    )
    assert sign_in(pga_world.users["procesregisseur"]).get("/pga/aanmeldingen/geen-id").status_code == 404


def _screen(client: Client, referral: Referral, **data: str) -> Client:
    return client.post(f"/pga/aanmeldingen/{referral.pk}", data)  # type: ignore[return-value]


ALL = {
    "criterium_meerdere-leefdomeinen": "on",
    "criterium_ketensamenwerking": "on",
    "criterium_impact-omgeving": "on",
}


def test_screening_includes_and_opens_the_pga_case(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["procesregisseur"])
    response = _screen(client, pga_world.waiting, decision="zvh", reasons="Ernstig, bovenlokaal", **ALL)
    assert response.status_code == 302
    made = PgaCase.objects.get(referral=pga_world.waiting)
    assert response["Location"] == f"/pga/casussen/{made.pk}"
    assert made.level == "zvh" and made.case.coordinator == pga_world.users["procesregisseur"]
    assert (
        made.referral.decided_by == pga_world.users["procesregisseur"]
        and made.referral.criteria["ketensamenwerking"]
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"decision": "lokale-pga", "reasons": "", **ALL}, "Dit veld is verplicht"),
        (
            {"decision": "lokale-pga", "reasons": "Ja", "criterium_impact-omgeving": "on"},
            "criteria zijn vervuld",
        ),
        ({"decision": "niet-opgenomen", "reasons": "Eén domein"}, "verwijsadvies"),
        ({"decision": "misschien", "reasons": "x"}, "Selecteer een geldige keuze"),
    ],
)
def test_screening_bad_input(
    sign_in: SignIn, pga_world: PgaWorld, data: dict[str, str], message: str
) -> None:
    response = _screen(sign_in(pga_world.users["procesregisseur"]), pga_world.waiting, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    pga_world.waiting.refresh_from_db()
    assert (
        pga_world.waiting.status == "wacht"
        and not PgaCase.objects.filter(referral=pga_world.waiting).exists()
    )


def test_a_second_active_pga_case_for_the_same_person_is_refused(
    sign_in: SignIn, pga_world: PgaWorld
) -> None:
    again = refer(pga_world.users["politie"])
    cases = PgaCase.objects.count()
    response = _screen(
        sign_in(pga_world.users["procesregisseur"]), again, decision="lokale-pga", reasons="x", **ALL
    )
    assert response.status_code == 400
    assert "al een actieve PGA-casus" in response.content.decode()
    assert PgaCase.objects.count() == cases
    again.refresh_from_db()
    assert again.status == "wacht"


def test_case_page_shows_only_the_domains_of_the_users_categories(
    sign_in: SignIn, pga_world: PgaWorld
) -> None:
    full = sign_in(pga_world.users["procesregisseur"]).get(_url(pga_world)).content.decode()
    assert "Geestelijke gezondheid" in full and "Justitie" in full and "Toelichting justitie 2" in full
    police = sign_in(pga_world.users["politie"]).get(_url(pga_world)).content.decode()
    assert "Justitie" in police and "Toelichting justitie 2" in police
    assert "Geestelijke gezondheid" not in police and "Toelichting geestelijke-gezondheid" not in police
    assert "Lichamelijke gezondheid" not in police
    care = sign_in(pga_world.users["ggz"]).get(_url(pga_world)).content.decode()
    assert "Geestelijke gezondheid" in care and "Toelichting justitie" not in care
    assert _logged("pga_case.viewed", pga_world.pga.person_id)


def test_case_page_is_not_found_for_outsiders(sign_in: SignIn, pga_world: PgaWorld) -> None:
    assert sign_in(pga_world.users["projectleider"]).get(_url(pga_world)).status_code == 404
    client = sign_in(pga_world.users["procesregisseur"])
    assert client.get(f"/pga/casussen/{uuid.uuid4()}").status_code == 404
    assert client.get("/pga/casussen/nietsnut").status_code == 404


def test_record_a_score(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["ggz"])
    today = timezone.localdate().isoformat()
    response = client.post(
        _url(pga_world, "/scores"),
        {"domain": "geestelijke-gezondheid", "score": "4", "scored_on": today, "reason": "Stabiel"},
    )
    assert response.status_code == 302
    assert DomainScore.objects.filter(pga_case=pga_world.pga, score=4, reason="Stabiel").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"domain": "financien", "score": "6", "reason": "x"}, "Selecteer een geldige keuze"),
        ({"domain": "financien", "score": "0", "reason": "x"}, "Selecteer een geldige keuze"),
        ({"domain": "financien", "score": "3", "reason": "x", "future": "1"}, "toekomst"),
        ({"domain": "financien", "score": "3", "reason": ""}, "Dit veld is verplicht"),
        ({"domain": "geestelijke-gezondheid", "score": "3", "reason": "x"}, "Selecteer een geldige keuze"),
    ],
)
def test_score_bad_input(sign_in: SignIn, pga_world: PgaWorld, data: dict[str, str], message: str) -> None:
    day = timezone.localdate() + timedelta(days=3 if data.pop("future", "") else 0)
    before = DomainScore.objects.count()
    response = sign_in(pga_world.users["politie"]).post(
        _url(pga_world, "/scores"), {**data, "scored_on": day.isoformat()}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert DomainScore.objects.count() == before


def test_plan_per_domain_with_a_task_and_a_stale_version(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["procesregisseur"])
    url = _url(pga_world, "/plan/financien")
    assert client.get(url).status_code == 200
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    data = {"version": "0", "goal": "Schulden in beeld", "actions": "Budgetcoach", "task_title": "Intake budgetcoach",
            "task_owner": str(pga_world.users["politie"].pk), "task_due": due}  # fmt: skip
    assert client.post(url, data).status_code == 302
    plan = DomainPlan.objects.get(pga_case=pga_world.pga, domain__code="financien")
    assert plan.goal == "Schulden in beeld" and plan.version == 1
    assert Task.objects.filter(case=pga_world.pga.case, title="Financiën: Intake budgetcoach").exists()
    stale = client.post(url, {**data, "goal": "Iets anders", "task_title": ""})
    assert stale.status_code == 409
    assert "Iets anders" in stale.content.decode()
    plan.refresh_from_db()
    assert plan.goal == "Schulden in beeld"


def test_plan_of_a_hidden_domain_is_not_found(sign_in: SignIn, pga_world: PgaWorld) -> None:
    assert (
        sign_in(pga_world.users["politie"]).get(_url(pga_world, "/plan/geestelijke-gezondheid")).status_code
        == 404
    )
    assert sign_in(pga_world.users["politie"]).get(_url(pga_world, "/plan/bestaat-niet")).status_code == 404


def test_evaluation(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["procesregisseur"])
    today = timezone.localdate().isoformat()
    bad = client.post(
        _url(pga_world, "/evaluaties"),
        {"held_on": today, "cooperation": "goed", "progress": "", "result": "x"},
    )
    assert bad.status_code == 400 and not Evaluation.objects.exists()
    good = {"held_on": today, "cooperation": "goed", "progress": "Stappen gezet", "result": "Minder overlast"}
    assert client.post(_url(pga_world, "/evaluaties"), good).status_code == 302
    assert Evaluation.objects.filter(pga_case=pga_world.pga, cooperation="goed").exists()


def test_inform_or_contra_indication(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["procesregisseur"])
    url = _url(pga_world, "/informeren")
    assert client.get(url).status_code == 200
    missing = client.post(
        url, {"version": str(pga_world.pga.version), "contra_indication": "Strafrechtelijk onderzoek"}
    )
    assert missing.status_code == 400 and "opnieuw wordt bekeken" in missing.content.decode()
    review = (timezone.localdate() + timedelta(days=60)).isoformat()
    ok = client.post(
        url, {"version": str(pga_world.pga.version), "contra_indication": "Onderzoek", "review_on": review}
    )
    assert ok.status_code == 302
    pga_world.pga.refresh_from_db()
    assert pga_world.pga.contra_indication == "Onderzoek" and pga_world.pga.informed_on is None
    assert sign_in(pga_world.users["politie"]).get(url).status_code == 403


def test_exit_with_follow_up_task_and_re_referral_flag(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["procesregisseur"])
    url = _url(pga_world, "/uitstroom")
    version = str(pga_world.pga.version)
    missing = client.post(url, {"version": version, "kind": "afschalen", "reason": "doelen-bereikt"})
    assert missing.status_code == 400 and "nazorgcontrole" in missing.content.decode()
    no_reason = client.post(url, {"version": version, "kind": "afschalen", "reason": ""})
    assert no_reason.status_code == 400
    follow_up = (timezone.localdate() + timedelta(days=182)).isoformat()
    data = {"version": version, "kind": "afschalen", "reason": "reguliere-zorg", "follow_up_on": follow_up}
    assert client.post(url, data).status_code == 302
    pga_world.pga.refresh_from_db()
    assert pga_world.pga.status == PgaStatus.STEPPED_DOWN
    assert Task.objects.filter(case=pga_world.pga.case, title__startswith="Nazorgcontrole").exists()
    assert refer(pga_world.users["politie"]).re_referral
    assert sign_in(pga_world.users["politie"]).get(url).status_code == 403


def test_case_overview_shows_the_pga_panel(sign_in: SignIn, pga_world: PgaWorld) -> None:
    text = sign_in(pga_world.users["politie"]).get(f"/casussen/{pga_world.pga.case_id}").content.decode()
    assert "Persoonsgerichte aanpak" in text and _url(pga_world) in text


def test_counts_for_the_analist_name_no_person(sign_in: SignIn, pga_world: PgaWorld) -> None:
    page = sign_in(pga_world.users["analist"]).get("/pga/cijfers")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Instroom" in text and "Lokale PGA" in text
    assert "Jan de Vries" not in text and "Vries" not in text
    assert sign_in(pga_world.users["ggz"]).get("/pga/cijfers").status_code == 403
    assert sign_in(pga_world.users["beheerder"]).get("/pga/cijfers").status_code == 403
