"""Four eyes on access: a new role or organisation with which an account works on cases waits for a second
administrator; less access applies at once; the privacy officer sees every step with old and new values."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from regie.accounts.account_changes import account_change_approve, account_change_request
from regie.accounts.models import AccountChange, Organisation, User
from regie.accounts.services import user_create
from regie.processing_log.models import ProcessingLogEntry
from tests.accounts.test_own_account import _own_form
from tests.conftest import ROLES

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # row locks on the change and the account

LIST = "/beheer/toegangswijzigingen"


def _org(name: str) -> Organisation:
    return Organisation.objects.get(name__startswith=name)


def _request(
    users, username="analist", role="procesregisseur", org="Team Zorg en Veiligheid", by="beheerder"
):
    target = users[username]
    return account_change_request(actor=users[by], target=target, role=role, organisation=_org(org))


def _decide(client, change, decision="goedkeuren", note=""):
    prefix = f"w{change.pk.hex[:12]}"
    data = {f"{prefix}-note": note}
    if decision is not None:
        data[f"{prefix}-decision"] = decision
    return client.post(f"{LIST}/{change.pk}", data)


def _role_and_org(user: User) -> tuple[str, str]:
    user.refresh_from_db()
    return user.role, user.organisation.name


def test_a_new_case_role_waits_for_a_second_administrator(sign_in, users, api_as):
    analist = users["analist"]
    token = api_as("analist")
    form = _own_form(analist, role="procesregisseur", organisation=str(_org("Team Zorg").pk))
    client = sign_in(users["beheerder"])
    response = client.post(f"/beheer/gebruikers/{analist.pk}", form, follow=True)
    assert "gaat pas in als een andere beheerder haar goedkeurt" in response.content.decode()
    assert _role_and_org(analist) == ("analist", "Informatie en Monitoring")
    assert token.get("/api/v1/cases").status_code == 403
    change = AccountChange.objects.get(user=analist)
    assert (change.status, change.old_role, change.new_role) == ("wacht", "analist", "procesregisseur")
    entry = ProcessingLogEntry.objects.get(action="user.access_change_requested")
    assert entry.actor_username == "beheerder" and entry.object_id == str(analist.pk)
    assert entry.details["old"]["role"] == "analist" and entry.details["new"] == {
        "role": "procesregisseur",
        "organisation": "Team Zorg en Veiligheid",
        "municipality": "Gemeente Lingewaard",
    }
    assert "Wacht op goedkeuring" in client.get(f"/beheer/gebruikers/{analist.pk}").content.decode()


def test_a_second_administrator_approves_and_only_then_the_account_changes(sign_in, users, api_as):
    change = _request(users)
    token = api_as("analist")
    response = _decide(sign_in(users["beheerder2"]), change, note="Overstap per 1 december")
    assert response.status_code == 302
    assert _role_and_org(users["analist"]) == ("procesregisseur", "Team Zorg en Veiligheid")
    change.refresh_from_db()
    assert (change.status, change.decided_by) == ("goedgekeurd", users["beheerder2"])
    entry = ProcessingLogEntry.objects.get(action="user.access_change_approved")
    assert entry.actor_username == "beheerder2" and entry.details["requestedBy"] == "beheerder"
    assert entry.details["old"]["role"] == "analist" and entry.details["new"]["role"] == "procesregisseur"
    assert token.get("/api/v1/cases").status_code == 200


def test_the_administrator_who_asked_cannot_approve_it_themselves(sign_in, users):
    change = _request(users)
    client = sign_in(users["beheerder"])
    page = client.get(LIST).content.decode()
    assert "wacht op een andere beheerder" in page and "Goedkeuren" not in page
    response = _decide(client, change)
    assert response.status_code == 403
    assert "U heeft deze wijziging zelf aangevraagd" in response.content.decode()
    change.refresh_from_db()
    assert change.status == "wacht" and _role_and_org(users["analist"]) == (
        "analist",
        "Informatie en Monitoring",
    )
    assert not ProcessingLogEntry.objects.filter(action="user.access_change_approved").exists()


def test_nobody_approves_a_change_of_their_own_account(users):
    third = user_create(
        actor=None,
        username="beheerder3",
        first_name="Lot",
        last_name="Peters",
        email="",
        role="beheerder",
        organisation=_org("Functioneel Beheer"),
    )
    change = _request(users, username="beheerder2", role="procesregisseur", org="Team Zorg")
    with pytest.raises(PermissionDenied, match="uw eigen account"):
        account_change_approve(actor=users["beheerder2"], change=change)
    assert _role_and_org(users["beheerder2"]) == ("beheerder", "Functioneel Beheer")
    account_change_approve(actor=third, change=change)
    assert _role_and_org(users["beheerder2"]) == ("procesregisseur", "Team Zorg en Veiligheid")


def test_a_rejection_needs_a_reason_and_leaves_the_account_as_it_was(sign_in, users):
    change = _request(users)
    client = sign_in(users["beheerder2"])
    refused = _decide(client, change, decision="afwijzen")
    assert (
        refused.status_code == 400
        and "Licht toe waarom u deze wijziging afwijst." in refused.content.decode()
    )
    assert (
        _decide(client, change, decision="afwijzen", note="Geen casuswerk in deze functie").status_code == 302
    )
    change.refresh_from_db()
    assert change.status == "afgewezen" and _role_and_org(users["analist"]) == (
        "analist",
        "Informatie en Monitoring",
    )
    entry = ProcessingLogEntry.objects.get(action="user.access_change_rejected")
    assert (
        entry.details["note"] == "Geen casuswerk in deze functie"
        and entry.details["new"]["role"] == "procesregisseur"
    )


def test_a_change_that_takes_case_access_away_applies_at_once(sign_in, users):
    director = users["procesregisseur"]
    form = _own_form(director, role="analist")
    assert sign_in(users["beheerder"]).post(f"/beheer/gebruikers/{director.pk}", form).status_code == 302
    assert _role_and_org(director) == ("analist", "Team Zorg en Veiligheid")
    assert not AccountChange.objects.exists()
    entry = ProcessingLogEntry.objects.get(action="user.changed", object_id=str(director.pk))
    assert entry.details["old"]["role"] == "procesregisseur" and entry.details["new"]["role"] == "analist"


def test_moving_a_partner_to_another_partner_organisation_waits_too(sign_in, users):
    police = users["politie"]
    form = _own_form(police, organisation=str(_org("GGZ").pk))
    assert sign_in(users["beheerder"]).post(f"/beheer/gebruikers/{police.pk}", form).status_code == 302
    assert _role_and_org(police) == ("partner", "Politie basisteam Rijk van Nijmegen-Noord")
    assert AccountChange.objects.get(user=police).new_organisation.name == "GGZ Rivierenland Oost"


def test_other_fields_of_the_same_edit_are_saved_at_once(sign_in, users):
    analist = users["analist"]
    form = _own_form(
        analist, role="procesregisseur", organisation=str(_org("Team Zorg").pk), phone="06 1111 2222"
    )
    sign_in(users["beheerder"]).post(f"/beheer/gebruikers/{analist.pk}", form)
    analist.refresh_from_db()
    assert (analist.phone, analist.role) == ("06 1111 2222", "analist")


@pytest.mark.parametrize(
    ("role", "org", "message"),
    [
        ("partner", "Team Zorg", "Een ketenpartner hoort bij een externe partnerorganisatie."),
        ("procesregisseur", "Politie", "Medewerkers van een externe partner hebben de rol ketenpartner."),
    ],
)
def test_a_request_that_could_never_be_approved_is_refused_at_once(sign_in, users, role, org, message):
    analist = users["analist"]
    form = _own_form(analist, role=role, organisation=str(_org(org).pk))
    response = sign_in(users["beheerder"]).post(f"/beheer/gebruikers/{analist.pk}", form)
    assert response.status_code == 400 and message in response.content.decode()
    assert not AccountChange.objects.exists()


def test_only_one_change_waits_per_user(sign_in, users):
    _request(users)
    analist = users["analist"]
    form = _own_form(analist, role="handhaver", organisation=str(_org("Toezicht").pk))
    response = sign_in(users["beheerder2"]).post(f"/beheer/gebruikers/{analist.pk}", form)
    assert response.status_code == 400
    assert "wacht al een wijziging van rol of organisatie" in response.content.decode()
    assert AccountChange.objects.filter(user=analist).count() == 1


def test_an_approval_after_the_account_changed_meanwhile_is_refused(sign_in, users):
    change = _request(users)
    analist = users["analist"]
    moved = _own_form(analist, organisation=str(_org("Burgerzaken").pk))  # analyst elsewhere: no case access
    assert sign_in(users["beheerder"]).post(f"/beheer/gebruikers/{analist.pk}", moved).status_code == 302
    response = _decide(sign_in(users["beheerder2"]), change)
    assert response.status_code == 409 and "intussen gewijzigd" in response.content.decode()
    assert _role_and_org(analist) == ("analist", "Burgerzaken")


@pytest.mark.parametrize(
    ("decision", "note", "message"),
    [
        (None, "", "Kies goedkeuren of afwijzen."),
        ("misschien", "", "Kies goedkeuren of afwijzen."),
        ("goedkeuren", "x" * 501, "De toelichting is hoogstens 500 tekens."),
    ],
)
def test_it_refuses_a_bad_decision_in_dutch_and_decides_nothing(sign_in, users, decision, note, message):
    change = _request(users)
    response = _decide(sign_in(users["beheerder2"]), change, decision=decision, note=note)
    assert response.status_code == 400 and message in response.content.decode()
    change.refresh_from_db()
    assert change.status == "wacht" and _role_and_org(users["analist"])[0] == "analist"


def test_it_answers_a_decided_or_unknown_change_without_deciding_again(sign_in, users):
    change = _request(users)
    client = sign_in(users["beheerder2"])
    assert _decide(client, change).status_code == 302
    again = _decide(client, change, decision="afwijzen", note="Toch niet")
    assert again.status_code == 400 and "Over deze wijziging is al beslist." in again.content.decode()
    assert AccountChange.objects.get(pk=change.pk).status == "goedgekeurd"
    assert client.post(f"{LIST}/00000000-0000-0000-0000-000000000000", {}).status_code == 404
    assert client.post(f"{LIST}/geen-id", {}).status_code == 404


def test_the_privacy_officer_sees_every_change_with_old_and_new_values(sign_in, users):
    _request(users)
    decided = _request(users, username="brp", role="handhaver", org="Toezicht")
    account_change_approve(actor=users["beheerder2"], change=decided)
    client = sign_in(users["privacy"])
    html = client.get("/privacy/toegangswijzigingen").content.decode()
    assert "Koen Smits" in html and "Analist" in html and "Procesregisseur" in html
    assert "Fatima El Idrissi" in html and "Goedgekeurd door Yusuf Demir" in html
    assert "Goedkeuren" not in html and 'method="post"' not in html.split("<main", 1)[-1].split("</main>")[0]
    page = client.get("/privacy/verwerkingslog", {"action": "user.access_change"}).content.decode()
    log = page.split("<tbody", 1)[1]  # the rows, not the filter that offers every action
    assert log.count("Toegangswijziging aangevraagd") == 2 and "Toegangswijziging goedgekeurd" in log


@pytest.mark.parametrize("role", [role for role in ROLES if role != "beheerder"])
def test_only_administrators_decide(sign_in, users, role):
    change = _request(users)
    client = sign_in(users[role])
    assert client.get(LIST).status_code == 403
    assert _decide(client, change).status_code == 403
    assert AccountChange.objects.get(pk=change.pk).status == "wacht"


@pytest.mark.parametrize("role", ["procesregisseur", "politie", "analist", "beheerder"])
def test_only_the_privacy_officer_has_the_privacy_overview(sign_in, users, role):
    assert sign_in(users[role]).get("/privacy/toegangswijzigingen").status_code == 403


def test_the_database_itself_refuses_a_change_decided_by_who_asked_or_whom_it_is_about(users):
    change = _request(users)
    now = timezone.now()
    for decider in ("beheerder", "analist"):
        with pytest.raises(IntegrityError), transaction.atomic():
            AccountChange.objects.filter(pk=change.pk).update(
                status="goedgekeurd", decided_by=users[decider], decided_at=now
            )
    with pytest.raises(IntegrityError), transaction.atomic():
        AccountChange.objects.filter(pk=change.pk).update(requested_by=users["analist"])
    assert AccountChange.objects.get(pk=change.pk).status == "wacht"
