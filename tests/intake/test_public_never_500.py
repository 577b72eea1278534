"""Property: whatever an unauthenticated caller sends to a public endpoint — random text, sizes, nesting, headers,
query parameters — the answer is never a 500. The API answers errors as problem+json, pages in Dutch.

Django's test client re-raises an exception from a view, so an unhandled error fails the example outright.
"""

from __future__ import annotations

import json
from itertools import count
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_addresses = count(1)

PUBLIC_PAGES = ["/melden", "/melden/ontvangen", "/login", "/healthz", "/toegankelijkheid", "/api/v1/docs"]
CLOSED_PAGES = ["/casussen", "/signalen", "/zoeken", "/api/v1/cases", "/api/v1/signals", "/api/v1/persons"]
FORM_FIELDS = [
    "reporter_type",
    "description",
    "location_kind",
    "location_text",
    "urgent",
    "reporter_name",
    "reporter_email",
    "reporter_phone",
    "website",
]
API_FIELDS = ["description", "reporterType", "urgency", "locationKind", "locationText", "reporter", "website"]

texts = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", " ", "0", "-1", "²", "٣", "1e309", "NaN", "9" * 30, "\x00", "<script>", "anoniem"]),
    st.integers(min_value=0, max_value=3).map(lambda n: "x" * (0, 300, 5001, 2_700_000)[n]),
)
# A lone surrogate is valid JSON (an escape) but no UTF-8 text: it must not reach the database.
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts, st.just("\ud800 Overlast")
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from([*API_FIELDS, "x"]), children, max_size=4),
    ),
    max_leaves=12,
)
query = st.dictionaries(
    st.sampled_from(["page", "pageSize", "pagina", "next", "q", "zoek", "status", "verlopen", "x"]),
    texts.filter(lambda t: len(t) < 10_000),
    max_size=4,
)


def _client() -> Client:
    # A fresh address per example, so the public rate limit does not turn every later example into a 429.
    n = next(_addresses)
    return Client(REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}")


def _assert_answered(response: Any, path: str) -> None:
    assert response.status_code < 500, (path, response.status_code, response.content[:300])
    if response.status_code >= 400:
        content_type = response.get("Content-Type", "")
        if path.startswith("/api/"):
            assert content_type == "application/problem+json", (path, content_type)
            assert response.json()["detail"]
        elif content_type.startswith("text/html"):
            assert 'lang="nl"' in response.content.decode()


@EXAMPLES
@given(path=st.sampled_from(PUBLIC_PAGES + CLOSED_PAGES), params=query)
def test_any_query_string_on_a_public_or_closed_page_is_answered(
    users, policy, path: str, params: dict
) -> None:
    _assert_answered(_client().get(path, params), path)


@EXAMPLES
@given(
    data=st.dictionaries(st.sampled_from([*FORM_FIELDS, "attachments", "x"]), texts, max_size=8),
    multipart=st.booleans(),
)
def test_any_public_report_form_is_answered(users, policy, data: dict, multipart: bool) -> None:
    client = _client()
    if multipart:
        response = client.post("/melden", data)
    else:
        body = "&".join(f"{k}={v}" for k, v in data.items())
        response = client.post("/melden", body, content_type="application/x-www-form-urlencoded")
    _assert_answered(response, "/melden")


@EXAMPLES
@given(body=json_values)
def test_any_json_to_the_public_report_api_is_answered(users, policy, body: Any) -> None:
    response = _client().post("/api/v1/public/signals", json.dumps(body), content_type="application/json")
    _assert_answered(response, "/api/v1/public/signals")


@EXAMPLES
@given(
    raw=st.one_of(
        st.binary(max_size=200),
        st.integers(min_value=1, max_value=60_000).map(lambda n: "[" * n + "]" * n),
        st.integers(min_value=1, max_value=60_000).map(lambda n: '{"a":' * n + "1" + "}" * n),
        st.text(max_size=200),
    ),
    content_type=st.sampled_from(
        [
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "",
            "x/y",
        ]
    ),
    params=query,
)
def test_any_raw_body_to_the_public_report_api_is_answered(
    users, policy, raw: Any, content_type: str, params: dict
) -> None:
    path = "/api/v1/public/signals"
    if params:
        path += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    response = _client().generic("POST", path, raw, content_type)
    _assert_answered(response, path)


@EXAMPLES
@given(
    username=texts,
    password=st.text(max_size=300),
    authorization=st.one_of(
        st.none(),
        st.sampled_from(["", " ", "Token", "Token a b", "Token regie_x", "Basic x"]),
        st.text(st.characters(max_codepoint=255), max_size=80),  # a WSGI header is decoded as Latin-1
    ),
)
def test_any_login_and_authorization_header_is_answered(
    users, policy, username: str, password: str, authorization: str | None
) -> None:
    client = _client()
    _assert_answered(client.post("/login", {"username": username, "password": password}), "/login")
    headers = {} if authorization is None else {"HTTP_AUTHORIZATION": authorization.replace("\x00", "")}
    _assert_answered(client.get("/api/v1/users/me", **headers), "/api/v1/users/me")
