"""Personal API tokens: hashed, shown once, revocable, carrying only the user's own rights."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from regie.accounts.models import ApiToken
from regie.accounts.tokens import hash_token
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_it_stores_only_the_hash_and_shows_the_token_once(sign_in, users):
    client = sign_in(users["jurist"])
    response = client.post("/account/api-tokens", {"name": "Koppeling zaaksysteem"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=users["jurist"])
    secret = response.context["issued"].secret
    assert token.key_hash == hash_token(secret) and secret not in token.key_hash
    assert secret in response.content.decode()
    assert secret not in client.get("/account/api-tokens").content.decode()
    assert ProcessingLogEntry.objects.filter(action="token.created").exists()


def test_it_refuses_a_token_without_a_name(sign_in, users):
    response = sign_in(users["jurist"]).post("/account/api-tokens", {"name": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_it_refuses_a_token_name_that_is_too_long(sign_in, users):
    response = sign_in(users["jurist"]).post("/account/api-tokens", {"name": "x" * 81})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_it_answers_401_after_revocation_and_logs_it(sign_in, users):
    client = sign_in(users["jurist"])
    secret = client.post("/account/api-tokens", {"name": "t"}).context["issued"].secret
    api = Client(HTTP_AUTHORIZATION=f"Token {secret}")
    assert api.get("/api/v1/users/me").status_code == 200
    token = ApiToken.objects.get()
    assert client.post(f"/account/api-tokens/{token.pk}/intrekken").status_code == 302
    response = api.get("/api/v1/users/me")
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"
    actions = set(ProcessingLogEntry.objects.values_list("action", flat=True))
    assert {"token.used", "token.revoked"} <= actions


def test_it_hides_another_users_token_from_revocation(sign_in, users, api_as):
    api_as("politie")
    other = ApiToken.objects.get(user=users["politie"])
    response = sign_in(users["jurist"]).post(f"/account/api-tokens/{other.pk}/intrekken")
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.active


def test_it_sends_anonymous_visitors_of_the_token_page_to_login(client: Client, users):
    response = client.get("/account/api-tokens")
    assert response.status_code == 302 and response["Location"].startswith("/login")


def test_it_prints_a_working_token_from_the_command_line(users):
    out = io.StringIO()
    call_command("apitoken", "ggz", stdout=out)
    secret = out.getvalue().strip().splitlines()[-1]
    body = Client(HTTP_AUTHORIZATION=f"Token {secret}").get("/api/v1/users/me").json()
    assert body["username"] == "ggz" and body["role"] == "partner"


def test_it_refuses_a_token_for_an_unknown_user_on_the_command_line(users):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Onbekende gebruiker"):
        call_command("apitoken", "niemand")


def test_it_refuses_a_token_of_a_blocked_user(api_as, users):
    client = api_as("ggz")
    users["ggz"].is_active = False
    users["ggz"].save(update_fields=["is_active"])
    assert client.get("/api/v1/users/me").status_code == 401
