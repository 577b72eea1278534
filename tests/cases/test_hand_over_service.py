"""Handing a case to the zaaksysteem (Zaken API) through `case_hand_over`, against the local spec-validated server:
one zaak per case, updated on a second hand-over and found again after a lost answer; roles as the mapping says;
every failure in Dutch, logged, and nothing changed in Regie."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from regie.access.case_access import access_to
from regie.cases.models import CaseHandOver
from regie.cases.services.case import case_close, case_update
from regie.cases.services.hand_over import NO_MAPPING, HandOverFailed, case_hand_over, zaak_mapping_save
from regie.integrations.zaken import NOT_CONFIGURED
from regie.processing_log.models import ProcessingLogEntry
from tests.integrations.zaken_fixtures import local_zaken, zaken_service  # noqa: F401
from tests.worlds.cases import add_member, make_person

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # CI runs it on PostgreSQL 15 too


def _map(world, users, zaken, **overrides):
    values = {
        "zaaktype": zaken.app.zaaktype("veiligheid"),
        "coordinator_roltype": zaken.app.roltype("behandelaar"),
        "person_roltype": zaken.app.roltype("belanghebbende"),
        "person_roles": ["betrokkene"],
        "open_statustype": zaken.app.statustype("in-behandeling"),
        "closed_statustype": zaken.app.statustype("afgerond"),
    }
    values.update(overrides)
    return zaak_mapping_save(actor=users["beheerder"], case_type=world.case_type, **values)


def _hand_over(world, user):
    world.case.refresh_from_db()
    return case_hand_over(actor=user, access=access_to(user, world.case))


def _log(action):
    return ProcessingLogEntry.objects.filter(action=action).order_by("-seq")


def test_a_first_hand_over_creates_the_zaak_with_its_roles_and_status(users, world, zaken):
    _map(world, users, zaken)
    hand_over = _hand_over(world, users["procesregisseur"])
    [zaak] = zaken.app.zaken.values()
    assert hand_over.zaak_url == zaak["url"] and hand_over.identificatie == f"REGIE-{world.case.number}"
    assert zaak["identificatie"] == f"REGIE-{world.case.number}" and zaak["bronorganisatie"] == "002564440"
    assert zaak["omschrijving"] == "Zorgen rond Jan" and zaak["zaaktype"] == zaken.app.zaaktype("veiligheid")
    assert zaak["startdatum"] == world.case.created_at.date().isoformat()
    roles = {r["betrokkeneType"]: r for r in zaken.app.roles_of(zaak["url"])}
    assert roles["medewerker"]["betrokkeneIdentificatie"]["identificatie"] == "procesregisseur"
    assert roles["medewerker"]["roltype"] == zaken.app.roltype("behandelaar")
    person = roles["natuurlijk_persoon"]
    assert person["betrokkeneIdentificatie"]["inpBsn"] == world.person.bsn
    assert person["betrokkeneIdentificatie"]["geslachtsnaam"] == "Vries"
    assert [s["statustype"] for s in zaken.app.statuses_of(zaak["url"])] == [
        zaken.app.statustype("in-behandeling")
    ]
    entry = _log("case.handed_over").first()
    assert entry is not None and [str(p) for p in entry.person_ids] == [str(world.person.pk)]
    assert world.case.timeline.filter(kind="case.handed_over").count() == 1


def test_a_second_hand_over_updates_the_same_zaak_and_never_duplicates(users, world, zaken):
    _map(world, users, zaken)
    director = users["procesregisseur"]
    _hand_over(world, director)
    case_update(actor=director, case=world.case, version=None, title="Zorgen rond Jan, vervolg")
    world.case.refresh_from_db()
    case_close(actor=director, case=world.case, version=world.case.version, reason="Afgerond")
    hand_over = _hand_over(world, director)
    [zaak] = zaken.app.zaken.values()
    assert zaak["omschrijving"] == "Zorgen rond Jan, vervolg"
    assert len(zaken.app.roles_of(zaak["url"])) == 2  # the same coordinator and person, not twice
    assert [s["statustype"] for s in zaken.app.statuses_of(zaak["url"])] == [
        zaken.app.statustype("in-behandeling"),
        zaken.app.statustype("afgerond"),
    ]
    assert hand_over.times == 2 and CaseHandOver.objects.filter(case=world.case).count() == 1


def test_a_retry_after_a_lost_answer_finds_the_zaak_instead_of_creating_another(users, world, zaken):
    _map(world, users, zaken)
    zaken.app.lose_next_answer("POST /api/v1/zaken")  # the zaak is made, the answer never arrives in time
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, users["procesregisseur"])
    assert "niet bereikbaar of antwoordde niet op tijd" in failed.value.message
    assert len(zaken.app.zaken) == 1 and not CaseHandOver.objects.filter(case=world.case).exists()
    hand_over = _hand_over(world, users["procesregisseur"])
    [zaak] = zaken.app.zaken.values()
    assert hand_over.zaak_url == zaak["url"] and len(zaken.app.roles_of(zaak["url"])) == 2


def test_only_the_mapped_roles_go_along_and_a_changed_mapping_takes_roles_off(users, world, zaken):
    director = users["procesregisseur"]
    reporter = make_person(
        director, surname="Bakker", prefix="", given_names="Els", bsn=None, with_address=False
    )
    from regie.cases.models import CaseSubject

    CaseSubject.objects.create(case=world.case, role="melder", person=reporter)
    _map(world, users, zaken)
    _hand_over(world, director)
    [zaak] = zaken.app.zaken.values()
    names = sorted(
        r["betrokkeneIdentificatie"].get("geslachtsnaam", "") for r in zaken.app.roles_of(zaak["url"])
    )
    assert names == ["", "Vries"]  # the coordinator (a medewerker) and the person; not the reporter
    _map(world, users, zaken, person_roles=["betrokkene", "melder"], coordinator_roltype="", version=None)
    _hand_over(world, director)
    kinds = sorted((r["betrokkeneType"], r["betrokkeneIdentificatie"].get("geslachtsnaam", "")) for r in
                   zaken.app.roles_of(zaak["url"]))  # fmt: skip
    assert kinds == [("natuurlijk_persoon", "Bakker"), ("natuurlijk_persoon", "Vries")]
    entry = _log("case.handed_over").first()
    assert entry is not None and {str(p) for p in entry.person_ids} == {
        str(world.person.pk),
        str(reporter.pk),
    }


@pytest.mark.parametrize(
    ("fault", "says"),
    [
        (400, "weigerde het verzoek (HTTP 400)"),
        (500, "gaf een storing (HTTP 500)"),
        (503, "gaf een storing (HTTP 503)"),
    ],
)
def test_a_refusal_or_fault_is_said_in_dutch_logged_and_keeps_the_previous_hand_over(
    users, world, zaken, fault, says
):
    _map(world, users, zaken)
    director = users["procesregisseur"]
    first = _hand_over(world, director)
    before = CaseHandOver.objects.values().get(pk=first.pk)
    zaken.app.fail_next(fault)
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, director)
    assert says in failed.value.message and "Er is niets gewijzigd in Regie" in failed.value.message
    assert CaseHandOver.objects.values().get(pk=first.pk) == before
    assert world.case.timeline.filter(kind="case.handed_over").count() == 1
    entry = _log("case.hand_over_failed").first()
    assert entry is not None and entry.details["status"] == fault
    assert [str(p) for p in entry.person_ids] == [str(world.person.pk)]


def test_a_zaaktype_the_catalogue_does_not_know_is_refused_with_the_field_named(users, world, zaken):
    _map(world, users, zaken, zaaktype=zaken.app.zaaktype("bestaat-niet"))
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, users["procesregisseur"])
    assert "zaaktype: Het zaaktype is onbekend" in failed.value.message
    assert zaken.app.zaken == {} and not CaseHandOver.objects.exists()


def test_a_zaaksysteem_that_is_down_is_said_and_nothing_is_written(users, world, zaken):
    _map(world, users, zaken)
    zaken.stop()
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, users["procesregisseur"])
    assert failed.value.unavailable and "niet bereikbaar" in failed.value.message
    assert not CaseHandOver.objects.exists() and _log("case.hand_over_failed").count() == 1


def test_a_wrong_secret_is_refused_by_the_zaaksysteem_and_named(users, world, zaken):
    _map(world, users, zaken)
    zaken_service(zaken.api_root, secret="een-ander-geheim-van-minstens-32-tekens!")
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, users["procesregisseur"])
    assert "weigerde Regie de toegang (HTTP 403)" in failed.value.message


def test_who_may_not_edit_the_case_cannot_hand_it_over(users, world, zaken):
    _map(world, users, zaken)
    add_member(world.case, users["procesregisseur"], user=users["jurist"], can_edit=False)
    with pytest.raises(PermissionDenied):
        _hand_over(world, users["jurist"])
    assert zaken.app.calls == [] and not CaseHandOver.objects.exists()


def test_without_mapping_or_service_the_hand_over_says_why(users, world, zaken, settings):
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, users["procesregisseur"])
    assert failed.value.message == NO_MAPPING
    _map(world, users, zaken)
    settings.REGIE_ZAKEN_SERVICE = "geen-service"
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, users["procesregisseur"])
    assert failed.value.message == NOT_CONFIGURED and zaken.app.calls == []


def test_a_zaak_gone_from_the_zaaksysteem_or_a_moved_zaaksysteem_gets_the_zaak_again(users, world, zaken):
    from regie.integrations.local.zaken import LocalZakenServer

    _map(world, users, zaken)
    director = users["procesregisseur"]
    _hand_over(world, director)
    zaken.app.zaken.clear()  # removed there: the stored address answers 404, the lookup finds nothing
    again = _hand_over(world, director)
    [zaak] = zaken.app.zaken.values()
    assert again.zaak_url == zaak["url"] and again.times == 2
    moved = LocalZakenServer().start()
    try:
        zaken_service(moved.api_root)
        _map(world, users, moved, version=None)
        third = _hand_over(world, director)  # the stored address is outside the new service: never called
        [there] = moved.app.zaken.values()
        assert third.zaak_url == there["url"] and there["identificatie"] == f"REGIE-{world.case.number}"
        assert len(zaken.app.zaken) == 1 and moved.app.answer_errors == []
    finally:
        moved.stop()


def test_an_answer_without_the_zaak_s_address_is_a_dutch_failure_not_a_crash(users, world, zaken):
    _map(world, users, zaken)
    zaken.app.garble_next_answer("POST /api/v1/zaken")  # the zaak is made, the answer is {}
    with pytest.raises(HandOverFailed) as failed:
        _hand_over(world, users["procesregisseur"])
    assert "onvolledig antwoord" in failed.value.message and failed.value.status == 502
    assert not CaseHandOver.objects.exists()
    assert len(zaken.app.answer_errors) == 1  # the local server itself saw that answer break the document
    zaken.app.answer_errors.clear()
