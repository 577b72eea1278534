"""The NL API Design Rules conventions every API response keeps."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

STANDARDS = Path(__file__).resolve().parents[3] / "shared" / "standards" / "nl-api-design-rules.spectral.yaml"
SPECTRAL = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "spectral"


def test_it_answers_a_trailing_slash_with_a_404_problem(api_as):
    response = api_as("politie").get("/api/v1/organisations/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_it_sends_the_api_version_header_on_success_and_error(api_as, client: Client):
    ok = api_as("politie").get("/api/v1/organisations")
    denied = client.get("/api/v1/organisations")
    missing = client.get("/api/v1/bestaat-niet")
    for response in (ok, denied, missing):
        assert response["API-Version"] == "1.0.0"


def test_it_answers_401_as_problem_json_without_credentials(client: Client):
    response = client.get("/api/v1/users/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Niet aangemeld" and body["status"] == 401 and body["detail"]


def test_it_answers_401_for_an_unknown_token(client: Client, users):
    response = client.get("/api/v1/users/me", HTTP_AUTHORIZATION="Token regie_bestaatniet")
    assert response.status_code == 401
    assert response.json()["detail"] == "Het token is onbekend of ingetrokken."


def test_it_answers_401_for_a_malformed_authorization_header(client: Client, users):
    response = client.get("/api/v1/users/me", HTTP_AUTHORIZATION="Token een twee")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_it_answers_400_with_invalid_params_in_camel_case(api_as):
    response = api_as("politie").get("/api/v1/organisations?pageSize=0&page=x")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"pageSize", "page"}
    assert all(p["reason"] for p in response.json()["invalidParams"])


def test_it_answers_405_as_problem_json(api_as):
    response = api_as("politie").delete("/api/v1/organisations")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Methode niet toegestaan"


def test_it_answers_404_for_a_page_past_the_end(api_as):
    response = api_as("politie").get("/api/v1/organisations?page=99")
    assert response.status_code == 404
    assert response.json()["detail"] == "Deze pagina bestaat niet."


def test_it_paginates_with_count_next_previous_results(api_as):
    body = api_as("politie").get("/api/v1/organisations?pageSize=5").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 18 and len(body["results"]) == 5
    assert "pageSize=5" in body["next"] and body["previous"] is None


def test_it_uses_camel_case_json_keys(api_as):
    body = api_as("politie").get("/api/v1/users/me").json()
    assert "fullName" in body and "roleLabel" in body and "partnerType" in body["organisation"]
    assert not any("_" in key for key in body)


def test_it_answers_500_as_problem_json(api_as, monkeypatch):
    from regie.accounts import api

    def explode(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr(api.Me, "get", explode)
    client = api_as("politie")
    client.raise_request_exception = False
    response = client.get("/api/v1/users/me")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert "boom" not in response.content.decode()


def test_it_serves_the_openapi_document_without_login(client: Client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = json.loads(response.content)
    assert doc["openapi"].startswith("3.")
    assert "/organisations" in doc["paths"] and "/users/me" in doc["paths"]
    assert not any(p.endswith("/") for p in doc["paths"])


def test_it_passes_the_nl_api_design_rules_linter(client: Client, tmp_path: Path):
    assert STANDARDS.exists(), f"ruleset missing: {STANDARDS}"
    assert SPECTRAL.exists(), "spectral-cli missing: run make setup (npm ci)"
    spec = tmp_path / "openapi.json"
    spec.write_bytes(client.get("/api/v1/openapi.json").content)
    node = shutil.which("node")
    assert node
    result = subprocess.run(
        [str(SPECTRAL), "lint", "-r", str(STANDARDS), "--fail-severity", "error", "-f", "text", str(spec)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_shows_a_readable_docs_page(sign_in, users):
    response = sign_in(users["jurist"]).get("/api/v1/docs")
    assert response.status_code == 200
    assert "/api/v1/organisations" in response.content.decode()
