"""Documents chosen at a hand-over to the zaaksysteem, against the local spec-validated Zaken and Documenten API:
only documents the user may see, none by default, each sent once (also after a lost answer), bad input in Dutch or
as problem+json, and a failing Documenten API changing nothing in Regie."""

from __future__ import annotations

import json
import uuid

import pytest
from django.http import Http404

from regie.access.case_access import access_to
from regie.cases.models import CaseHandOver, CaseHandOverDocument
from regie.cases.services.hand_over import HandOverFailed, case_hand_over, zaak_mapping_save
from regie.cases.services.hand_over_documents import NO_TYPE
from regie.processing_log.models import ProcessingLogEntry
from tests.integrations.zaken_fixtures import local_zaken  # noqa: F401
from tests.worlds.cases import PDF, add_document, make_case

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

EIO = "POST /documenten/api/v1/enkelvoudiginformatieobjecten"


def _map(world, users, zaken, *, informatieobjecttype=True):
    return zaak_mapping_save(
        actor=users["beheerder"],
        case_type=world.case_type,
        zaaktype=zaken.app.zaaktype(),
        coordinator_roltype=zaken.app.roltype("behandelaar"),
        confidentiality="zaakvertrouwelijk",
        informatieobjecttype=zaken.app.informatieobjecttype() if informatieobjecttype else "",
    )


def _hand_over(world, user, documents=()):
    world.case.refresh_from_db()
    return case_hand_over(
        actor=user, access=access_to(user, world.case), document_ids=[str(d) for d in documents]
    )


def _zaak(zaken):
    [zaak] = zaken.app.zaken.values()
    return zaak["url"]


def _last_log(action):
    return ProcessingLogEntry.objects.filter(action=action).order_by("-seq").first()


def test_a_chosen_document_arrives_with_its_content_and_its_link_and_is_logged(users, world, zaken):
    director = users["procesregisseur"]
    _map(world, users, zaken)
    report = add_document(world.case, director, title="Rapport huisbezoek", content=PDF)
    add_document(world.case, director, title="Niet gekozen", filename="ander.pdf")
    hand_over = _hand_over(world, director, [report.pk])
    [(eio, content)] = zaken.app.documents_of(_zaak(zaken))
    assert content == PDF and eio["titel"] == "Rapport huisbezoek" and eio["bestandsnaam"] == "rapport.pdf"
    assert (
        eio["taal"] == "dut" and eio["formaat"] == "application/pdf" and eio["bronorganisatie"] == "002564440"
    )
    assert eio["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert eio["informatieobjecttype"] == zaken.app.informatieobjecttype()
    assert eio["identificatie"] == f"REGIE-{report.pk.hex}"
    stored = CaseHandOverDocument.objects.get(hand_over=hand_over)
    assert stored.document == report and stored.informatieobject_url == eio["url"]
    assert stored.zaakinformatieobject_url in zaken.app.zaakinformatieobjecten
    assert _last_log("case.handed_over").details["documents"] == [str(report.pk)]


def test_none_is_chosen_by_default_on_the_page_and_none_goes_without_a_choice(sign_in, users, world, zaken):
    director = users["procesregisseur"]
    _map(world, users, zaken)
    add_document(world.case, director, title="Rapport huisbezoek")
    client = sign_in(director)
    page = client.get(f"/casussen/{world.case.pk}").content.decode()
    assert 'name="documents"' in page and "Rapport huisbezoek" in page and "checked" not in page
    client.post(f"/casussen/{world.case.pk}/overdragen-zaaksysteem")
    assert CaseHandOver.objects.filter(case=world.case).exists()
    assert zaken.app.documenten.objecten == {} and zaken.app.zaakinformatieobjecten == {}


def test_a_second_hand_over_adds_only_newly_chosen_documents(users, world, zaken):
    director = users["procesregisseur"]
    _map(world, users, zaken)
    first = add_document(world.case, director, title="Eerste")
    second = add_document(world.case, director, title="Tweede", filename="tweede.pdf")
    _hand_over(world, director, [first.pk])
    creates = zaken.app.calls.count(("POST", "/documenten/api/v1/enkelvoudiginformatieobjecten"))
    _hand_over(world, director, [first.pk, second.pk])
    assert zaken.app.calls.count(("POST", "/documenten/api/v1/enkelvoudiginformatieobjecten")) == creates + 1
    assert sorted(e["titel"] for e, _ in zaken.app.documents_of(_zaak(zaken))) == ["Eerste", "Tweede"]
    assert len(zaken.app.documenten.objecten) == 2 and len(zaken.app.zaakinformatieobjecten) == 2
    details = _last_log("case.handed_over").details
    assert details["documents"] == [str(second.pk)] and details["documents_already_there"] == [str(first.pk)]
    assert CaseHandOverDocument.objects.count() == 2


@pytest.mark.parametrize("lost", [EIO, "POST /api/v1/zaakinformatieobjecten"])
def test_a_retry_after_a_lost_answer_does_not_duplicate(users, world, zaken, lost):
    director = users["procesregisseur"]
    _map(world, users, zaken)
    report = add_document(world.case, director)
    zaken.app.lose_seconds = 1.3
    zaken.app.lose_next_answer(lost)  # done there, the answer comes too late for Regie
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, director, [report.pk])
    assert "Bij het overdragen van de documenten" in failed.value.message
    assert not CaseHandOver.objects.exists() and not CaseHandOverDocument.objects.exists()
    _hand_over(world, director, [report.pk])
    assert len(zaken.app.documenten.objecten) == 1 and len(zaken.app.zaakinformatieobjecten) == 1
    assert CaseHandOverDocument.objects.count() == 1


def test_a_document_of_a_category_the_user_lacks_is_refused_as_missing(api_as, users, world, zaken):
    _map(world, users, zaken)
    secret = add_document(world.case, users["procesregisseur"], category="justice", title="Strafdossier")
    with pytest.raises(Http404):
        _hand_over(world, users["ggz"], [secret.pk])  # ggz edits the case, sees general and care only
    problem = api_as("ggz").post(
        f"/api/v1/cases/{world.case.pk}/zaak-hand-over",
        data=json.dumps({"documents": [str(secret.pk)]}),
        content_type="application/json",
    )
    assert problem.status_code == 404 and problem["Content-Type"] == "application/problem+json"
    assert zaken.app.calls == [] and not CaseHandOver.objects.exists()


def test_the_hand_over_names_only_the_sent_documents_the_reader_may_see(api_as, users, world, zaken):
    _map(world, users, zaken)
    secret = add_document(world.case, users["procesregisseur"], category="justice", title="Strafdossier")
    shared = add_document(world.case, users["procesregisseur"], category="general", title="Plan van aanpak")
    _hand_over(world, users["procesregisseur"], [secret.pk, shared.pk])
    url = f"/api/v1/cases/{world.case.pk}/zaak-hand-over"
    coordinator = api_as("procesregisseur").get(url).json()["last"]["documents"]
    partner = api_as("ggz").get(url).json()["last"]["documents"]  # on the team, no justice data
    assert sorted(coordinator) == sorted([str(secret.pk), str(shared.pk)])
    assert partner == [str(shared.pk)]


def test_bad_document_choices_are_problems_and_nothing_is_sent(api_as, users, world, zaken):
    director = users["procesregisseur"]
    _map(world, users, zaken)
    elsewhere = make_case(director, world.case_type, title="Een andere casus")
    other = add_document(elsewhere, director, title="Van een andere casus")
    client = api_as("procesregisseur")

    def post(documents):
        body = json.dumps({"documents": documents})
        return client.post(
            f"/api/v1/cases/{world.case.pk}/zaak-hand-over", data=body, content_type="application/json"
        )

    for documents, status, says in [
        (["geen-uuid"], 400, "geen geldig documentnummer"),
        ([str(uuid.uuid4()) for _ in range(21)], 400, "hoogstens 20 documenten"),
        ([str(uuid.uuid4())], 404, ""),
        ([str(other.pk)], 404, ""),
        ("geen lijst", 400, ""),
    ]:
        response = post(documents)
        assert response.status_code == status, (documents, response.content)
        assert response["Content-Type"] == "application/problem+json"
        assert says in response.content.decode()
    assert zaken.app.calls == [] and not CaseHandOver.objects.exists()


def test_a_bad_choice_on_the_page_is_said_in_dutch(sign_in, users, world, zaken):
    _map(world, users, zaken)
    client = sign_in(users["procesregisseur"])
    response = client.post(
        f"/casussen/{world.case.pk}/overdragen-zaaksysteem", {"documents": ["geen-uuid"]}, follow=True
    )
    page = response.content.decode()
    assert "De casus is niet overgedragen: Een gekozen document is geen geldig documentnummer." in page
    assert zaken.app.calls == []


def test_without_an_informatieobjecttype_documents_cannot_go_and_the_page_says_so(
    sign_in, users, world, zaken
):
    director = users["procesregisseur"]
    _map(world, users, zaken, informatieobjecttype=False)
    report = add_document(world.case, director)
    page = sign_in(director).get(f"/casussen/{world.case.pk}").content.decode()
    assert "Documenten kunnen niet mee" in page and 'name="documents"' not in page
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, director, [report.pk])
    assert failed.value.message == NO_TYPE and failed.value.status == 409 and zaken.app.calls == []


def test_a_failing_documenten_api_keeps_the_hand_over_as_it_was_and_says_so(users, world, zaken):
    director = users["procesregisseur"]
    _map(world, users, zaken)
    report = add_document(world.case, director)
    first = _hand_over(world, director)
    before = CaseHandOver.objects.values().get(pk=first.pk)
    zaken.app.fail_call(EIO, 500)
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, director, [report.pk])
    message = failed.value.message
    assert "Bij het overdragen van de documenten: Het zaaksysteem gaf een storing (HTTP 500)" in message
    assert "Er is niets gewijzigd in Regie" in message and failed.value.status == 502
    assert CaseHandOver.objects.values().get(pk=first.pk) == before
    assert not CaseHandOverDocument.objects.exists()
    assert _last_log("case.hand_over_failed").details["documents"] == [str(report.pk)]
