"""The inspection form shows the lot's occupants and earlier status (a logged read of those persons), and the
inspection page shows the photos after saving (issue 13)."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from regie.accounts.models import User
from regie.park.models import Inspection
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.park import PNG, ParkWorld

SignIn = Callable[[User], Client]


def _url(world: ParkWorld, number: int) -> str:
    return f"/vakantiepark/rondes/{world.round.pk}/kavels/{world.lots[number].pk}"


def test_the_form_shows_the_occupants_and_the_earlier_status_and_logs_the_read(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    client = sign_in(park_world.users["handhaver"])
    html = client.get(_url(park_world, 1)).content.decode()
    assert "Wat bekend is over kavel 1" in html
    assert str(park_world.occupant) in html and "vanaf 1 januari 2020" in html
    assert "Bewoningsstatus nu" in html and "Eerdere status" in html and "vastgelegd op" in html
    entry = ProcessingLogEntry.objects.filter(action="park_lot.viewed").latest("seq")
    assert park_world.occupant.pk in entry.person_ids
    assert entry.object_id == str(park_world.lots[1].pk)


def test_a_lot_without_occupants_says_so(sign_in: SignIn, park_world: ParkWorld) -> None:
    html = sign_in(park_world.users["handhaver"]).get(_url(park_world, 4)).content.decode()
    assert "Geen bewoners bekend." in html and "Nog geen status vastgelegd." in html


def test_who_may_not_inspect_sees_no_lot_context(sign_in: SignIn, park_world: ParkWorld) -> None:
    before = ProcessingLogEntry.objects.filter(action="park_lot.viewed").count()
    response = sign_in(park_world.users["jurist"]).get(_url(park_world, 1))
    assert response.status_code == 403 and str(park_world.occupant) not in response.content.decode()
    assert ProcessingLogEntry.objects.filter(action="park_lot.viewed").count() == before


def test_the_photos_are_shown_after_saving(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = sign_in(park_world.users["handhaver"])
    response = client.post(
        _url(park_world, 2),
        {
            "findings": "Was aan de lijn.",
            "outcome": "vastgesteld",
            "photos": [
                SimpleUploadedFile("voorkant.png", PNG, content_type="image/png"),
                SimpleUploadedFile("achterkant.png", PNG, content_type="image/png"),
            ],
        },
        follow=True,
    )
    html = response.content.decode()
    inspection = Inspection.objects.get(lot=park_world.lots[2])
    assert "Foto&#x27;s" in html or "Foto's" in html
    assert html.count(f'<img src="/casussen/{inspection.case_id}/documenten/') == 2
    assert "Foto 1 inspectie kavel 2" in html and "Foto 2 inspectie kavel 2" in html
    first = html.split('<img src="')[1].split('"')[0]
    photo = client.get(first)
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"


def test_an_inspection_without_photos_shows_no_photo_section(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = sign_in(park_world.users["handhaver"])
    response = client.post(_url(park_world, 3), {"findings": "Leeg.", "outcome": "recreatief"}, follow=True)
    assert "<img src=\"/casussen/" not in response.content.decode()
