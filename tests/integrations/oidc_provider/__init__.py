"""A real OpenID Connect provider for the sign-on tests: django-oauth-toolkit with OIDC on, in its own process on
127.0.0.1 with its own SQLite database and a fresh RS256 key, seeded with fictional staff (`staff.py`).

`running_provider()` starts it once per test process (pytest-xdist worker) and stops it at exit; `sign_on()` walks
a browser's way through it (the provider's own login form) and hands the callback to Regie's test client."""

from __future__ import annotations

import atexit
import os
import re
import secrets
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client

from regie.accounts.oidc.config import OidcProvider
from tests.integrations.oidc_provider.staff import PASSWORD

PROJECT = Path(__file__).resolve().parents[3]
CLIENT_ID = "regie-test"
REDIRECT_URIS = (
    "http://testserver/login/oidc/terug http://127.0.0.1/login/oidc/terug http://localhost/login/oidc/terug"
)


@dataclass(frozen=True)
class RunningProvider:
    url: str
    issuer: str
    client_id: str
    client_secret: str
    private_key_pem: str  # the provider's signing key, for tests that mint a token it would (not) sign

    def config(self, **changes: object) -> OidcProvider:
        values: dict[str, object] = {
            "key": "gemeente",
            "label": "Inloggen met de gemeentelijke account",
            "issuer": self.issuer,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
        }
        values.update(changes)
        return OidcProvider(**values)  # type: ignore[arg-type]


_running: RunningProvider | None = None


def running_provider() -> RunningProvider:
    global _running
    if _running is not None:
        return _running
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    secret = secrets.token_urlsafe(24)
    directory = tempfile.mkdtemp(prefix="oidc-provider-")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REGIE_", "COV_CORE_"))},
        "PROVIDER_DB": str(Path(directory) / "provider.sqlite3"),
        "PROVIDER_RSA_KEY": pem,
        "PROVIDER_CLIENT_ID": CLIENT_ID,
        "PROVIDER_CLIENT_SECRET": secret,
        "PROVIDER_REDIRECT_URIS": REDIRECT_URIS,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.integrations.oidc_provider.server"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    atexit.register(process.terminate)
    line = process.stdout.readline() if process.stdout else ""
    if not line.startswith("READY "):
        process.terminate()
        raise RuntimeError(f"De test-inlogdienst startte niet: {line!r}")
    url = f"http://127.0.0.1:{int(line.split()[1])}"
    _running = RunningProvider(url, f"{url}/o", CLIENT_ID, secret, pem)
    return _running


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found, "geen CSRF-token op de pagina van de inlogdienst"
    return found.group(1)


def provider_login(
    browser: requests.Session, url: str, username: str, password: str = PASSWORD
) -> requests.Response:
    """Follow `url` at the provider; log in on its form when it asks. Returns the provider's answer that leaves it
    (a redirect back to Regie) without following it."""
    response = browser.get(url, allow_redirects=False)
    location = response.headers.get("Location", "")
    if response.status_code == 302 and "/accounts/login/" in location:
        login_url = urljoin(url, location)
        form = browser.get(login_url)
        response = browser.post(
            login_url,
            data={"username": username, "password": password, "csrfmiddlewaretoken": csrf_token(form.text)},
            headers={"Referer": login_url},
            allow_redirects=False,
        )
        assert response.status_code == 302, "de inlogdienst accepteerde het wachtwoord niet"
        response = browser.get(urljoin(login_url, response.headers["Location"]), allow_redirects=False)
    return response


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sign_on(
    client: Client,
    username: str,
    *,
    browser: requests.Session | None = None,
    next_url: str = "/",
    provider_key: str = "gemeente",
) -> object:
    """Regie's button, the provider's login form, back to Regie's callback: Regie's answer to the callback."""
    start = client.get(f"/login/oidc/{provider_key}?next={next_url}")
    assert start.status_code == 302, f"geen doorverwijzing naar de inlogdienst: {start.status_code}"
    answer = provider_login(browser or requests.Session(), start["Location"], username)
    assert answer.status_code == 302 and "/login/oidc/terug" in answer.headers["Location"], answer.text[:300]
    return client.get(local_path(answer.headers["Location"]))
