"""The local zaaksysteem (spec-validated Zaken API on 127.0.0.1) and Regie's service configuration for it.

Import where used: `from tests.integrations.zaken_fixtures import local_zaken  # noqa: F401` (the fixture is `zaken`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from regie.integrations.local.zaken import LOCAL_CLIENT_ID, LOCAL_SECRET, LocalZakenServer

RSIN = "002564440"


def zaken_service(api_root: str, *, secret: str = LOCAL_SECRET, timeout: int = 1) -> Service:
    """The zgw-consumers Service Regie uses for the Zaken API (slug `zaken`, ZGW JWT)."""
    service, _ = Service.objects.update_or_create(
        slug="zaken",
        defaults={
            "label": "Zaaksysteem",
            "api_type": APITypes.zrc,
            "api_root": api_root,
            "auth_type": AuthTypes.zgw,
            "client_id": LOCAL_CLIENT_ID,
            "secret": secret,
            "timeout": timeout,
        },
    )
    return service


def documenten_service(api_root: str, *, timeout: int = 1) -> Service:
    """The zgw-consumers Service Regie uses for the Documenten API (slug `documenten`, the same credentials)."""
    service, _ = Service.objects.update_or_create(
        slug="documenten",
        defaults={
            "label": "Documenten",
            "api_type": APITypes.drc,
            "api_root": api_root,
            "auth_type": AuthTypes.zgw,
            "client_id": LOCAL_CLIENT_ID,
            "secret": LOCAL_SECRET,
            "timeout": timeout,
        },
    )
    return service


@pytest.fixture(name="zaken")
def local_zaken(settings: Any, db: None) -> Iterator[LocalZakenServer]:
    """The local Zaken and Documenten API, and Regie configured to use them (answers lost after 2 s; Regie waits
    1 s)."""
    server = LocalZakenServer().start()
    settings.REGIE_ZAKEN_SERVICE = "zaken"
    settings.REGIE_DOCUMENTEN_SERVICE = "documenten"
    settings.REGIE_ZAKEN_RSIN = RSIN
    zaken_service(server.api_root)
    documenten_service(server.documenten_root)
    try:
        yield server
    finally:
        server.stop()
    assert server.app.answer_errors == [], "an answer did not match the published Zaken API"
