"""Changing and cancelling an inspection round before its first inspection.

A cancelled round keeps its record and shows as "geannuleerd"; nothing can be submitted on it; a round with
submitted inspections can be neither changed nor cancelled. Refusals sit next to each happy path.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from regie.accounts.models import Municipality, User
from regie.park.models import EvidenceKind, Inspection, InspectionRound, ResidenceStatus, RoundLot
from regie.park.services.inspections import inspection_submit
from regie.park.services.parks import park_create
from regie.park.services.rounds import inspection_round_cancel, inspection_round_plan, inspection_round_update
from regie.park.services.status import residence_status_set
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.park import ParkWorld

SignIn = Callable[[User], Client]
OUTSIDERS = ["ggz", "politie", "analist", "beheerder", "privacy"]
NOT_PLANNERS = ["brp", "jurist", "procesregisseur", "provincie", *OUTSIDERS]


def _as(sign_in: SignIn, world: ParkWorld, name: str) -> Client:
    return sign_in(world.users[name])


def _logged(action: str) -> int:
    return ProcessingLogEntry.objects.filter(action=action).count()


def _snapshot(inspection_round: InspectionRound) -> tuple[object, ...]:
    inspection_round.refresh_from_db()
    return (
        inspection_round.planned_on,
        inspection_round.sample_size,
        inspection_round.note,
        inspection_round.cancelled_at,
        inspection_round.cancel_reason,
        sorted(str(pk) for pk in inspection_round.inspectors.values_list("pk", flat=True)),
        sorted(str(pk) for pk in inspection_round.round_lots.values_list("lot_id", flat=True)),
    )


def _settle(world: ParkWorld, *numbers: int) -> None:
    for number in numbers:
        residence_status_set(
            actor=world.users["projectleider"],
            lot=world.lots[number],
            status=ResidenceStatus.RECREATIONAL,
            on_date=date(2025, 2, 1),
            evidence_kind=EvidenceKind.OTHER,
            evidence="Recreatief in gebruik",
        )


@pytest.fixture
def coming_round(park_world: ParkWorld) -> InspectionRound:
    """A round in two weeks: lots 1 and 2 for their risk, one of lots 3 to 6 drawn as the sample."""
    _settle(park_world, 4, 5, 6)
    today = timezone.localdate()
    return inspection_round_plan(
        actor=park_world.users["projectleider"],
        park=park_world.park,
        planned_on=today + timedelta(days=14),
        inspectors=[park_world.users["handhaver"]],
        sample_size=1,
        risk_since=today.replace(year=today.year - 1),
        rng=random.Random(2),
    )


def _numbers(inspection_round: InspectionRound, *, sample: bool) -> set[int]:
    lots = RoundLot.objects.filter(round=inspection_round)
    lots = lots.filter(reason="steekproef") if sample else lots.exclude(reason="steekproef")
    return set(lots.values_list("lot__number", flat=True))


def _edit_data(world: ParkWorld, inspection_round: InspectionRound, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "planned_on": inspection_round.planned_on.isoformat(),
        "inspectors": [str(pk) for pk in inspection_round.inspectors.values_list("pk", flat=True)],
        "sample_size": inspection_round.sample_size,
        "note": inspection_round.note,
    }
    return {**data, **changes}


def _submit(world: ParkWorld, inspection_round: InspectionRound, number: int) -> Inspection:
    return inspection_submit(
        actor=world.users["handhaver"],
        inspection_round=inspection_round,
        lot=world.lots[number],
        indicators=[],
        entry_consent=False,
        findings="Niemand thuis.",
        outcome="geen-toegang",
    ).inspection


# Changing a round -------------------------------------------------------------------------------------------


def test_it_changes_a_round_that_has_not_started(
    sign_in: SignIn, park_world: ParkWorld, coming_round: InspectionRound
) -> None:
    assert _numbers(coming_round, sample=False) == {1, 2}
    assert len(_numbers(coming_round, sample=True)) == 1
    client = _as(sign_in, park_world, "projectleider")
    url = f"/vakantiepark/rondes/{coming_round.pk}/wijzigen"
    form = client.get(url).content.decode()
    assert "Wijzigingen opslaan" in form and f'value="{coming_round.planned_on.isoformat()}"' in form
    moved = timezone.localdate() + timedelta(days=30)
    province = park_world.users["provincie"]
    response = client.post(
        url,
        {
            "planned_on": moved.isoformat(),
            "inspectors": [park_world.users["handhaver"].pk, province.pk],
            "sample_size": 3,
            "note": "Verplaatst wegens storm",
        },
    )
    assert response["Location"] == f"/vakantiepark/rondes/{coming_round.pk}"
    coming_round.refresh_from_db()
    assert (coming_round.planned_on, coming_round.sample_size, coming_round.note) == (
        moved,
        3,
        "Verplaatst wegens storm",
    )
    assert set(coming_round.inspectors.all()) == {park_world.users["handhaver"], province}
    assert _numbers(coming_round, sample=False) == {1, 2}  # the risk lots stay
    assert len(_numbers(coming_round, sample=True)) == 3
    entry = ProcessingLogEntry.objects.get(action="park_round.updated")
    assert entry.actor_username == "projectleider" and entry.details["lots_added"] == 2
    assert set(entry.details["changed"]) == {"planned_on", "sample_size", "note", "inspectors"}
    page = client.get(f"/vakantiepark/rondes/{coming_round.pk}").content.decode()
    assert "Verplaatst wegens storm" in page and "De ronde is gewijzigd; er staan 5 kavels in." in page


def test_it_drops_sample_lots_when_the_sample_shrinks(
    park_world: ParkWorld, coming_round: InspectionRound
) -> None:
    inspection_round_update(
        actor=park_world.users["handhaver"],
        inspection_round=coming_round,
        planned_on=coming_round.planned_on,
        inspectors=[park_world.users["handhaver"]],
        sample_size=0,
    )
    assert _numbers(coming_round, sample=True) == set()
    assert _numbers(coming_round, sample=False) == {1, 2}


def test_it_keeps_a_past_date_that_is_not_moved(sign_in: SignIn, park_world: ParkWorld) -> None:
    planned = park_world.round  # 1 June 2025, before today
    response = _as(sign_in, park_world, "handhaver").post(
        f"/vakantiepark/rondes/{planned.pk}/wijzigen",
        _edit_data(park_world, planned, inspectors=[park_world.users["handhaver"].pk]),
    )
    assert response.status_code == 302
    assert list(planned.inspectors.all()) == [park_world.users["handhaver"]]


def test_it_offers_change_and_cancel_on_the_round_page_only_to_planners(
    sign_in: SignIn, park_world: ParkWorld, coming_round: InspectionRound
) -> None:
    url = f"/vakantiepark/rondes/{coming_round.pk}"
    for name in ("projectleider", "handhaver"):
        body = _as(sign_in, park_world, name).get(url).content.decode()
        assert f'href="{url}/wijzigen"' in body and f'href="{url}/annuleren"' in body, name
    for name in ("brp", "jurist", "procesregisseur"):
        body = _as(sign_in, park_world, name).get(url).content.decode()
        assert "/wijzigen" not in body and "/annuleren" not in body, name


@pytest.mark.parametrize("name", NOT_PLANNERS)
def test_it_refuses_changing_a_round_to_other_roles(
    sign_in: SignIn, park_world: ParkWorld, name: str
) -> None:
    planned = park_world.round
    before = _snapshot(planned)
    client = _as(sign_in, park_world, name)
    url = f"/vakantiepark/rondes/{planned.pk}/wijzigen"
    assert client.get(url).status_code == 403
    assert client.post(url, _edit_data(park_world, planned, note="Overgenomen")).status_code == 403
    assert _snapshot(planned) == before


def test_it_sends_anonymous_visitors_of_the_round_screens_to_login(
    client: Client, park_world: ParkWorld
) -> None:
    before = _snapshot(park_world.round)
    for verb in ("wijzigen", "annuleren"):
        response = client.post(
            f"/vakantiepark/rondes/{park_world.round.pk}/{verb}", {"reason": "x", "note": "x"}
        )
        assert response.status_code == 302 and response["Location"].startswith("/login")
    assert _snapshot(park_world.round) == before


def test_it_answers_404_for_a_round_that_is_missing_or_of_another_municipality(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    other_park = park_create(
        actor=None,
        municipality=Municipality.objects.create(code="0202", name="Gemeente Arnhem"),
        name="Elders",
    )
    other = InspectionRound.objects.create(
        park=other_park, planned_on=date(2030, 1, 1), planned_by=park_world.users["projectleider"]
    )
    client = _as(sign_in, park_world, "projectleider")
    for verb in ("wijzigen", "annuleren"):
        assert client.get(f"/vakantiepark/rondes/{uuid.uuid4()}/{verb}").status_code == 404
        assert client.get(f"/vakantiepark/rondes/geen-id/{verb}").status_code == 404
        assert client.post(f"/vakantiepark/rondes/{other.pk}/{verb}", {"reason": "Weg"}).status_code == 404
    other.refresh_from_db()
    assert other.cancelled_at is None


def _bad_edits() -> list[tuple[dict[str, object], str]]:
    yesterday = timezone.localdate() - timedelta(days=1)
    return [
        ({"planned_on": ""}, "Vul de datum van de ronde in."),
        ({"planned_on": "volgende week"}, "Vul een geldige datum in (dag, maand en jaar)."),
        (
            {"planned_on": yesterday.isoformat()},
            "Een ronde kan niet naar een datum in het verleden worden verplaatst.",
        ),
        ({"inspectors": []}, "Kies ten minste één inspecteur."),
        ({"inspectors": ["geen-id"]}, "Kies inspecteurs uit de lijst"),
        ({"inspectors": [str(uuid.uuid4())]}, "Kies inspecteurs uit de lijst"),
        ({"sample_size": ""}, "Vul de omvang van de steekproef in (0 mag)."),
        ({"sample_size": "drie"}, "Vul de omvang van de steekproef in als een heel getal."),
        ({"sample_size": "-1"}, "De steekproef is 0 tot en met 200 kavels."),
        ({"sample_size": "201"}, "De steekproef is 0 tot en met 200 kavels."),
        ({"note": "n" * 301}, "De toelichting is hoogstens 300 tekens."),
    ]


@pytest.mark.parametrize(("changes", "message"), _bad_edits())
def test_it_answers_bad_input_when_changing_a_round(
    sign_in: SignIn,
    park_world: ParkWorld,
    coming_round: InspectionRound,
    changes: dict[str, object],
    message: str,
) -> None:
    before = _snapshot(coming_round)
    response = _as(sign_in, park_world, "projectleider").post(
        f"/vakantiepark/rondes/{coming_round.pk}/wijzigen", _edit_data(park_world, coming_round, **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _snapshot(coming_round) == before
    assert _logged("park_round.updated") == 0


def test_it_refuses_an_inspector_who_cannot_inspect(
    sign_in: SignIn, park_world: ParkWorld, coming_round: InspectionRound
) -> None:
    before = _snapshot(coming_round)
    response = _as(sign_in, park_world, "projectleider").post(
        f"/vakantiepark/rondes/{coming_round.pk}/wijzigen",
        _edit_data(park_world, coming_round, inspectors=[park_world.users["brp"].pk]),
    )
    assert "Kies inspecteurs uit de lijst" in response.content.decode()
    assert _snapshot(coming_round) == before
    with pytest.raises(ValidationError) as exc:
        inspection_round_update(
            actor=park_world.users["projectleider"],
            inspection_round=coming_round,
            planned_on=coming_round.planned_on,
            inspectors=[park_world.users["brp"]],
            sample_size=1,
        )
    assert "kan geen inspecteur in een ronde zijn" in exc.value.message_dict["inspectors"][0]
    assert _snapshot(coming_round) == before


def test_it_refuses_a_change_that_leaves_the_round_empty(park_world: ParkWorld) -> None:
    _settle(park_world, 1, 2, 4, 5, 6)
    tomorrow = timezone.localdate() + timedelta(days=1)
    sample_only = inspection_round_plan(
        actor=park_world.users["projectleider"],
        park=park_world.park,
        planned_on=tomorrow,
        inspectors=[park_world.users["handhaver"]],
        sample_size=2,
        risk_since=tomorrow,  # nothing recent: no lot is a risk
        rng=random.Random(3),
    )
    before = _snapshot(sample_only)
    with pytest.raises(ValidationError) as exc:
        inspection_round_update(
            actor=park_world.users["projectleider"],
            inspection_round=sample_only,
            planned_on=tomorrow,
            inspectors=[park_world.users["handhaver"]],
            sample_size=0,
        )
    assert exc.value.message_dict["sample_size"] == [
        "Er blijven geen kavels over in de ronde; kies een steekproef."
    ]
    assert _snapshot(sample_only) == before


def test_it_refuses_changing_a_round_that_has_started(sign_in: SignIn, park_world: ParkWorld) -> None:
    _submit(park_world, park_world.round, 2)
    before = _snapshot(park_world.round)
    client = _as(sign_in, park_world, "projectleider")
    url = f"/vakantiepark/rondes/{park_world.round.pk}/wijzigen"
    shown = client.get(url, follow=True).content.decode()
    assert "er zijn al 1 inspectie(s) ingediend" in shown
    page = client.get(f"/vakantiepark/rondes/{park_world.round.pk}").content.decode()
    assert "/wijzigen" not in page and "/annuleren" not in page
    response = client.post(url, _edit_data(park_world, park_world.round, note="Toch wijzigen"))
    assert response.status_code == 200
    assert "Deze ronde is al begonnen: er zijn 1 inspectie(s) ingediend." in response.content.decode()
    assert _snapshot(park_world.round) == before


def test_the_round_services_refuse_other_roles(park_world: ParkWorld, coming_round: InspectionRound) -> None:
    before = _snapshot(coming_round)
    with pytest.raises(PermissionDenied):
        inspection_round_update(
            actor=park_world.users["brp"],
            inspection_round=coming_round,
            planned_on=coming_round.planned_on,
            inspectors=[park_world.users["handhaver"]],
            sample_size=0,
        )
    with pytest.raises(PermissionDenied):
        inspection_round_cancel(
            actor=park_world.users["provincie"], inspection_round=coming_round, reason="Weg"
        )
    assert _snapshot(coming_round) == before


# Cancelling a round -----------------------------------------------------------------------------------------


def test_it_cancels_a_round_and_keeps_its_record(
    sign_in: SignIn, park_world: ParkWorld, coming_round: InspectionRound
) -> None:
    lots_before = _snapshot(coming_round)[-1]
    client = _as(sign_in, park_world, "projectleider")
    url = f"/vakantiepark/rondes/{coming_round.pk}"
    form = client.get(f"{url}/annuleren").content.decode()
    assert "Reden van de annulering" in form and "3 kavel(s)" in form
    response = client.post(f"{url}/annuleren", {"reason": "Storm verwacht; nieuwe datum volgt"})
    assert response["Location"] == url
    coming_round.refresh_from_db()
    assert coming_round.is_cancelled and coming_round.cancelled_by == park_world.users["projectleider"]
    assert coming_round.cancel_reason == "Storm verwacht; nieuwe datum volgt"
    assert _snapshot(coming_round)[-1] == lots_before  # the record of which lots stays
    entry = ProcessingLogEntry.objects.get(action="park_round.cancelled")
    assert entry.object_id == str(coming_round.pk) and entry.actor_username == "projectleider"
    page = client.get(url).content.decode()
    assert "(geannuleerd)" in page and "Storm verwacht; nieuwe datum volgt" in page
    assert "/wijzigen" not in page and "/annuleren" not in page
    listing = client.get(f"/vakantiepark/{park_world.park.pk}/rondes").content.decode()
    assert "(geannuleerd)" in listing


def test_nothing_can_be_submitted_on_a_cancelled_round(sign_in: SignIn, park_world: ParkWorld) -> None:
    inspection_round_cancel(
        actor=park_world.users["handhaver"], inspection_round=park_world.round, reason="Gaat niet door"
    )
    client = _as(sign_in, park_world, "handhaver")
    url = f"/vakantiepark/rondes/{park_world.round.pk}"
    page = client.get(url).content.decode()
    assert "Inspecteer kavel" not in page and "Niet geïnspecteerd (ronde geannuleerd)" in page
    lot_url = f"{url}/kavels/{park_world.lots[2].pk}"
    shown = client.get(lot_url, follow=True).content.decode()
    assert "Deze inspectieronde is geannuleerd: er kunnen geen inspecties meer op worden ingediend." in shown
    response = client.post(lot_url, {"findings": "Toch gekeken", "outcome": "recreatief"})
    assert response.status_code == 200
    assert "Deze inspectieronde is geannuleerd" in response.content.decode()
    with pytest.raises(ValidationError) as exc:
        _submit(park_world, park_world.round, 1)
    assert "round" in exc.value.message_dict
    assert not Inspection.objects.exists()


def test_a_cancelled_round_no_longer_opens_its_lots_to_the_province(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    client = _as(sign_in, park_world, "provincie")
    url = f"/vakantiepark/rondes/{park_world.round.pk}"
    assert client.get(url).status_code == 200
    inspection_round_cancel(
        actor=park_world.users["projectleider"], inspection_round=park_world.round, reason="Gaat niet door"
    )
    assert client.get(url).status_code == 403  # no round left: the park pages are closed to them
    assert client.get(f"/vakantiepark/kavels/{park_world.lots[1].pk}").status_code == 403
    assert _as(sign_in, park_world, "projectleider").get(url).status_code == 200


def test_it_refuses_cancelling_a_round_with_inspections(sign_in: SignIn, park_world: ParkWorld) -> None:
    _submit(park_world, park_world.round, 2)
    before = _snapshot(park_world.round)
    client = _as(sign_in, park_world, "projectleider")
    url = f"/vakantiepark/rondes/{park_world.round.pk}/annuleren"
    shown = client.get(url, follow=True).content.decode()
    assert "Deze ronde kan niet meer worden geannuleerd: er zijn al 1 inspectie(s) ingediend." in shown
    response = client.post(url, {"reason": "Toch maar niet"})
    assert response.status_code == 200
    assert (
        "Deze ronde kan niet worden geannuleerd: er zijn al 1 inspectie(s) ingediend."
        in response.content.decode()
    )
    assert _snapshot(park_world.round) == before
    assert _logged("park_round.cancelled") == 0


def test_it_refuses_cancelling_or_changing_a_round_twice(
    sign_in: SignIn, park_world: ParkWorld, coming_round: InspectionRound
) -> None:
    client = _as(sign_in, park_world, "projectleider")
    url = f"/vakantiepark/rondes/{coming_round.pk}"
    client.post(f"{url}/annuleren", {"reason": "Eerste keer"})
    before = _snapshot(coming_round)
    again = client.post(f"{url}/annuleren", {"reason": "Tweede keer"})
    assert "Deze ronde is al geannuleerd." in again.content.decode()
    changed = client.post(f"{url}/wijzigen", _edit_data(park_world, coming_round, note="Nog wijzigen"))
    assert "Deze ronde is geannuleerd en kan niet meer worden gewijzigd." in changed.content.decode()
    assert "Deze ronde is geannuleerd" in client.get(f"{url}/wijzigen", follow=True).content.decode()
    assert _snapshot(coming_round) == before
    assert _logged("park_round.cancelled") == 1 and _logged("park_round.updated") == 0


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Geef de reden waarom de ronde niet doorgaat."),
        ("    ", "Geef de reden waarom de ronde niet doorgaat."),
        ("r" * 301, "De reden is hoogstens 300 tekens."),
    ],
)
def test_it_answers_a_bad_reason_for_cancelling(
    sign_in: SignIn, park_world: ParkWorld, coming_round: InspectionRound, reason: str, message: str
) -> None:
    before = _snapshot(coming_round)
    response = _as(sign_in, park_world, "projectleider").post(
        f"/vakantiepark/rondes/{coming_round.pk}/annuleren", {"reason": reason}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _snapshot(coming_round) == before
    assert _logged("park_round.cancelled") == 0


@pytest.mark.parametrize("name", NOT_PLANNERS)
def test_it_refuses_cancelling_a_round_to_other_roles(
    sign_in: SignIn, park_world: ParkWorld, name: str
) -> None:
    before = _snapshot(park_world.round)
    client = _as(sign_in, park_world, name)
    url = f"/vakantiepark/rondes/{park_world.round.pk}/annuleren"
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "Weg ermee"}).status_code == 403
    assert _snapshot(park_world.round) == before
