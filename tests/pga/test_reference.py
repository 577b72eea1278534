"""The beheerder's editor for the screening checklist, the local target-group rules and the ZRM versions: each save
is a new version, running screenings and PGA cases keep theirs; bad input in Dutch with nothing written; nobody but
the beheerder reaches it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from regie.accounts.models import User
from regie.pga.models import PgaCase, Referral, ScreeningChecklist, ZrmDomain, ZrmVersion
from regie.pga.screening import CHAIN, IMPACT, LOCAL_SAFETY, MULTI_DOMAIN
from regie.pga.services.reference import (
    DomainLine,
    Line,
    checklist_create,
    checklist_for,
    checklist_in_force,
    zrm_in_force,
    zrm_version_create,
)
from regie.pga.services.referrals import referral_decide
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.pga import PgaWorld, refer

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]

CHECKLIST_POST = {
    "label": "Criteria 2027 met lokale regel",
    "together": "Problemen op meerdere leefdomeinen\nKetensamenwerking met drang en dwang nodig",
    "alone": "Ernstig lokaal veiligheidsprobleem",
    "local_rules": "Woont of verblijft in Lingewaard",
}


def test_the_beheerder_sees_the_settings(sign_in: SignIn, pga_world: PgaWorld) -> None:
    page = sign_in(pga_world.users["beheerder"]).get("/pga/beheer")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Landelijke criteria complexe casus (versie 1)" in text
    assert "Geestelijke gezondheid" in text and "Zorg (AVG art. 9)" in text
    assert "Jan de Vries" not in text  # reference data, never a case


@pytest.mark.parametrize("name", ["procesregisseur", "politie", "analist", "privacy"])
def test_only_the_beheerder_edits_the_reference_data(sign_in: SignIn, pga_world: PgaWorld, name: str) -> None:
    client = sign_in(pga_world.users[name])
    for url in ("/pga/beheer", "/pga/beheer/screeningschecklist", "/pga/beheer/matrix"):
        assert client.get(url).status_code == 403
    assert client.post("/pga/beheer/screeningschecklist", CHECKLIST_POST).status_code == 403
    assert ScreeningChecklist.objects.count() == 1


def test_the_service_refuses_anyone_but_the_beheerder(pga_world: PgaWorld) -> None:
    with pytest.raises(PermissionError):
        checklist_create(
            actor=pga_world.users["procesregisseur"], label="x", criteria=[Line("a")], local_rules=[]
        )


def test_a_new_checklist_version_with_a_local_rule(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["beheerder"])
    form = client.get("/pga/beheer/screeningschecklist").content.decode()
    assert "Ketensamenwerking met drang en dwang is nodig" in form  # starts from the version in force
    response = client.post("/pga/beheer/screeningschecklist", CHECKLIST_POST)
    assert response.status_code == 302 and response["Location"] == "/pga/beheer"
    made = ScreeningChecklist.objects.get(number=2)
    assert made.code == "screening-2" and made.created_by == pga_world.users["beheerder"]
    assert [c["group"] for c in made.criteria] == ["samen", "samen", "alleen"]
    assert made.local_rules[0]["label"] == "Woont of verblijft in Lingewaard"
    checklist = checklist_in_force()
    rule = checklist.local_rules[0].code
    together = [i.code for i in checklist.criteria if i.group == "samen"]
    alone = next(i.code for i in checklist.criteria if i.group == "alleen")
    assert checklist.meets({**dict.fromkeys(together, True), rule: True})
    assert not checklist.meets(dict.fromkeys(together, True))  # the local rule must hold too
    assert checklist.meets({alone: True, rule: True})
    assert ProcessingLogEntry.objects.filter(action="pga_reference.changed").exists()


def test_a_running_screening_keeps_its_checklist(sign_in: SignIn, pga_world: PgaWorld) -> None:
    """The referral waiting in the triage was made under version 1; a new version does not change its screening."""
    waiting = pga_world.waiting
    assert waiting.checklist_version == "landelijk-complexe-casus-1"
    sign_in(pga_world.users["beheerder"]).post("/pga/beheer/screeningschecklist", CHECKLIST_POST)
    assert checklist_for(waiting.checklist_version).code == "landelijk-complexe-casus-1"
    page = sign_in(pga_world.users["procesregisseur"]).get(f"/pga/aanmeldingen/{waiting.pk}").content.decode()
    assert "Er is impact op het gezinssysteem" in page and "Woont of verblijft in Lingewaard" not in page
    made = referral_decide(
        actor=pga_world.users["procesregisseur"],
        referral=waiting,
        criteria={MULTI_DOMAIN: True, CHAIN: True, IMPACT: True, LOCAL_SAFETY: False},
        decision="lokale-pga",
        reasons="Voldoet aan versie 1",
    )
    assert made is not None
    waiting.refresh_from_db()
    assert waiting.checklist_version == "landelijk-complexe-casus-1"
    # A new referral is screened with the new version, local rule included.
    fresh = refer(pga_world.users["ggz"], surname="Smit", given="Eva", bsn="")
    assert fresh.checklist_version == "screening-2"
    page = sign_in(pga_world.users["procesregisseur"]).get(f"/pga/aanmeldingen/{fresh.pk}").content.decode()
    assert "Woont of verblijft in Lingewaard" in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**CHECKLIST_POST, "label": ""}, "label", "verplicht"),
        ({**CHECKLIST_POST, "together": "", "alone": ""}, "together", "ten minste één criterium"),
        ({**CHECKLIST_POST, "together": "x" * 301}, "together", "te lang"),
        ({**CHECKLIST_POST, "local_rules": "y" * 2001}, "local_rules", ""),
    ],
)
def test_bad_checklist_input_writes_nothing(
    sign_in: SignIn, pga_world: PgaWorld, data: dict[str, str], field: str, message: str
) -> None:
    response = sign_in(pga_world.users["beheerder"]).post("/pga/beheer/screeningschecklist", data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors and message in " ".join(form.errors[field]).lower()
    assert ScreeningChecklist.objects.count() == 1


MATRIX = "\n".join(
    [
        "Financiën; algemeen",
        "School en opleiding; algemeen",
        "Gezinsrelaties; algemeen",
        "Psychisch welbevinden; zorg",
        "Justitie; justitie",
    ]
)


def test_a_new_matrix_version_for_new_cases(sign_in: SignIn, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["beheerder"])
    assert "Geestelijke gezondheid; zorg" in client.get("/pga/beheer/matrix").content.decode()
    response = client.post(
        "/pga/beheer/matrix",
        {"code": "zrm-jeugd", "label": "ZRM jeugd (5 domeinen)", "domains": MATRIX, "make_default": "on"},
    )
    assert response.status_code == 302
    youth = ZrmVersion.objects.get(code="zrm-jeugd")
    domains = list(ZrmDomain.objects.filter(version=youth).order_by("position"))
    assert [d.category for d in domains] == ["general", "general", "general", "care", "justice"]
    assert zrm_in_force() == youth
    # The running case keeps its matrix; a case opened now scores on the new one.
    pga_world.pga.refresh_from_db()
    assert pga_world.pga.zrm_version.code == "zrm-volwassenen"
    made = referral_decide(
        actor=pga_world.users["procesregisseur"],
        referral=pga_world.waiting,
        criteria={LOCAL_SAFETY: True},
        decision="zvh",
        reasons="Ernstig lokaal veiligheidsprobleem",
    )
    assert made is not None and made.zrm_version == youth
    assert PgaCase.objects.filter(zrm_version__code="zrm-volwassenen").count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"code": "Zrm Jeugd!", "label": "J", "domains": MATRIX}, "code", "kleine letters"),
        ({"code": "zrm-volwassenen", "label": "J", "domains": MATRIX}, "code", "al een versie"),
        ({"code": "zrm-j", "label": "", "domains": MATRIX}, "label", "verplicht"),
        ({"code": "zrm-j", "label": "J", "domains": "Financiën; geheim"}, "domains", "regel 1"),
        ({"code": "zrm-j", "label": "J", "domains": "Financiën; algemeen"}, "domains", "ten minste twee"),
        ({"code": "zrm-j", "label": "J", "domains": "Wonen; algemeen\nwonen; zorg"}, "domains", "één keer"),
    ],
)
def test_bad_matrix_input_writes_nothing(
    sign_in: SignIn, pga_world: PgaWorld, data: dict[str, str], field: str, message: str
) -> None:
    response = sign_in(pga_world.users["beheerder"]).post("/pga/beheer/matrix", data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors and message in " ".join(form.errors[field]).lower()
    assert ZrmVersion.objects.count() == 1 and ZrmDomain.objects.count() == 13


def test_matrix_service_keeps_one_default(pga_world: PgaWorld) -> None:
    admin = pga_world.users["beheerder"]
    lines = [DomainLine("Wonen", "general"), DomainLine("Zorg", "care")]
    zrm_version_create(actor=admin, code="zrm-a", label="A", domains=lines, make_default=True)
    zrm_version_create(actor=admin, code="zrm-b", label="B", domains=lines, make_default=True)
    assert list(ZrmVersion.objects.filter(is_default=True).values_list("code", flat=True)) == ["zrm-b"]
    assert Referral.objects.count() == 2  # reference data only: nothing else was written
