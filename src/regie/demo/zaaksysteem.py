"""The demo's zaaksysteem: the local Zaken API on 127.0.0.1 (every request and answer validated against the
published document), Regie's zgw-consumers service pointed at it, and a zaaktype mapping for every demo case type
that has none yet, so 'Overdragen aan zaaksysteem' works in the demo. `regie demo` starts it unless
REGIE_DEMO_REGISTERS=uit ("niet gekoppeld" then). Its zaken live in memory: gone when the demo stops."""

from __future__ import annotations

import os

from django.conf import settings
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from regie.accounts.models import User
from regie.cases.models import CaseType, ZaakTypeMapping
from regie.cases.services.hand_over import zaak_mapping_save
from regie.integrations.local.zaken import CATALOGI, LOCAL_CLIENT_ID, LOCAL_SECRET, LocalZakenServer

DEMO_RSIN = "123456782"  # fictional, passes the elfproef
DEMO_LABEL = "Lokaal zaaksysteem (demo)"
LOCAL_PREFIX = "http://127.0.0.1:"


def _rebase(url: str, base: str) -> str:
    """A URL of an earlier demo's local Catalogi (another port), moved to this run's."""
    if url.startswith(LOCAL_PREFIX) and CATALOGI in url:
        return base + url[url.index(CATALOGI) :]
    return url


def start_zaaksysteem() -> LocalZakenServer:
    server = LocalZakenServer()
    server.start()
    # This process and its children (through the environment): the demo municipality's RSIN and service slug.
    values = {
        "REGIE_ZAKEN_RSIN": settings.REGIE_ZAKEN_RSIN or DEMO_RSIN,
        "REGIE_ZAKEN_SERVICE": settings.REGIE_ZAKEN_SERVICE or "zaken",
        "REGIE_DOCUMENTEN_SERVICE": settings.REGIE_DOCUMENTEN_SERVICE or "documenten",
    }
    for name, value in values.items():
        os.environ[name] = value
        setattr(settings, name, value)
    Service.objects.update_or_create(
        slug=settings.REGIE_ZAKEN_SERVICE,
        defaults={
            "label": DEMO_LABEL,
            "api_type": APITypes.zrc,
            "api_root": server.api_root,
            "auth_type": AuthTypes.zgw,
            "client_id": LOCAL_CLIENT_ID,
            "secret": LOCAL_SECRET,
            "timeout": 5,
        },
    )
    Service.objects.update_or_create(  # its Documenten API, for the documents chosen at a hand-over
        slug=settings.REGIE_DOCUMENTEN_SERVICE,
        defaults={
            "label": DEMO_LABEL,
            "api_type": APITypes.drc,
            "api_root": server.documenten_root,
            "auth_type": AuthTypes.zgw,
            "client_id": LOCAL_CLIENT_ID,
            "secret": LOCAL_SECRET,
            "timeout": 5,
        },
    )
    beheerder = User.objects.filter(username="beheerder").first()
    if beheerder is None:
        return server
    fields = (
        "zaaktype",
        "coordinator_roltype",
        "person_roltype",
        "open_statustype",
        "closed_statustype",
        "informatieobjecttype",
    )
    for mapping in ZaakTypeMapping.objects.select_related("case_type"):  # an earlier run's port: this run's
        moved = {f: _rebase(getattr(mapping, f), server.url) for f in fields}
        if any(getattr(mapping, f) != v for f, v in moved.items()):
            zaak_mapping_save(
                actor=beheerder,
                case_type=mapping.case_type,
                zaaktype=moved["zaaktype"],
                coordinator_roltype=moved["coordinator_roltype"],
                person_roltype=moved["person_roltype"],
                person_roles=mapping.person_roles,
                open_statustype=moved["open_statustype"],
                closed_statustype=moved["closed_statustype"],
                confidentiality=mapping.confidentiality,
                informatieobjecttype=moved["informatieobjecttype"],
            )
    for case_type in CaseType.objects.filter(zaak_mapping__isnull=True, active=True):
        zaak_mapping_save(
            actor=beheerder,
            case_type=case_type,
            zaaktype=server.app.zaaktype("veiligheid"),
            coordinator_roltype=server.app.roltype("zaakcoordinator"),
            person_roltype=server.app.roltype("belanghebbende"),
            person_roles=["betrokkene", "bewoner"],
            open_statustype=server.app.statustype("in-behandeling"),
            closed_statustype=server.app.statustype("afgerond"),
            informatieobjecttype=server.app.informatieobjecttype("rapportage"),
        )
    return server


def demo_zaaksysteem(*, enabled: bool) -> LocalZakenServer | None:
    """The demo's zaaksysteem when the demo runs its local registers; else none, and an earlier run's service to
    the (gone) local zaaksysteem is removed, so the demo says "niet gekoppeld" instead of "storing"."""
    if enabled:
        return start_zaaksysteem()
    Service.objects.filter(
        slug__in=[settings.REGIE_ZAKEN_SERVICE, settings.REGIE_DOCUMENTEN_SERVICE], label=DEMO_LABEL
    ).delete()
    return None
