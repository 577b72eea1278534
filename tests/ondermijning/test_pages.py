"""Every ondermijning page: the happy path, who is refused, and bad input answered in Dutch with nothing written."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from regie.intake.models import Signal, Source
from regie.ondermijning.models import Area, AreaLocation, Finding, KvoTrajectory, QuizAttempt, Training
from tests.worlds.ondermijning import OndermijningWorld, square

pytestmark = pytest.mark.django_db


def _html(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


def test_home_shows_areas_to_the_team_and_awareness_to_everyone(sign_in, world: OndermijningWorld) -> None:
    html = _html(sign_in(world.users["projectleider"]).get("/ondermijning"))
    assert "Nieuwgraaf-Test" in html and "Ik heb iets gezien" in html
    other = sign_in(world.users["brp"]).get("/ondermijning")
    assert other.status_code == 200 and "Nieuwgraaf-Test" not in _html(other)


def test_home_asks_to_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/ondermijning").status_code == 302


def test_area_page_shows_map_and_table_with_scores(sign_in, world: OndermijningWorld) -> None:
    response = sign_in(world.users["handhaver"]).get(f"/ondermijning/gebieden/{world.estate.pk}")
    html = _html(response)
    assert response.status_code == 200
    assert "<svg" in html and "Unit A" in html and "Unit C" in html
    assert html.index("Unit A") < html.index("Unit B")  # highest risk first


def test_area_page_refuses_partners_and_other_roles(sign_in, world: OndermijningWorld) -> None:
    for name in ("politie", "ggz", "analist", "brp"):
        assert sign_in(world.users[name]).get(f"/ondermijning/gebieden/{world.estate.pk}").status_code in (
            403,
            404,
        )
    assert sign_in(world.users["jurist"]).get("/ondermijning/gebieden/not-an-id").status_code == 404


def test_area_new_registers_and_refuses_bad_input(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["projectleider"])
    good = {"name": "De Pas", "kind": "bedrijventerrein", "geometry": json.dumps(square(5.97, 51.94, 0.01))}
    response = client.post("/ondermijning/gebieden/nieuw", good)
    assert response.status_code == 302 and Area.objects.filter(name="De Pas").exists()
    for bad, message in (
        ({**good, "name": "Anders", "geometry": "{niet json"}, "geen geldige GeoJSON"),
        (
            {**good, "name": "Anders", "geometry": json.dumps({"type": "Point", "coordinates": [5, 51]})},
            "polygoon",
        ),
        ({**good, "name": "De Pas"}, "al een gebied"),
        ({**good, "name": "Anders", "kind": "haven"}, "Selecteer een geldige keuze"),
    ):
        refused = client.post("/ondermijning/gebieden/nieuw", bad)
        assert refused.status_code == 400 and message in _html(refused)
    assert not Area.objects.filter(name="Anders").exists()


def test_area_new_is_for_the_project_leader_only(sign_in, world: OndermijningWorld) -> None:
    assert sign_in(world.users["handhaver"]).get("/ondermijning/gebieden/nieuw").status_code == 403
    assert sign_in(world.users["ggz"]).get("/ondermijning/gebieden/nieuw").status_code == 403


def test_site_new_refuses_a_location_outside_its_area(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["projectleider"])
    url = f"/ondermijning/gebieden/{world.estate.pk}/locaties/nieuw"
    outside = {"name": "Loods X", "kind": "business-unit", "geometry": json.dumps(square(4.0, 52.0, 0.001))}
    refused = client.post(url, outside)
    assert refused.status_code == 400 and "buiten het gebied" in _html(refused)
    assert not AreaLocation.objects.filter(location__name="Loods X").exists()
    inside = {**outside, "geometry": json.dumps(square(5.965, 51.934, 0.001))}
    assert client.post(url, inside).status_code == 302
    assert sign_in(world.users["handhaver"]).get(url).status_code == 403


def test_site_page_explains_the_score(sign_in, world: OndermijningWorld) -> None:
    html = _html(sign_in(world.users["projectleider"]).get(f"/ondermijning/locaties/{world.sites['A'].pk}"))
    assert "Bevinding met vervolg bij een controle" in html and "Ramen afgeplakt" in html


def test_site_page_refused_outside_the_team(sign_in, world: OndermijningWorld) -> None:
    for name in ("politie", "procesregisseur", "analist"):
        assert sign_in(world.users[name]).get(
            f"/ondermijning/locaties/{world.sites['A'].pk}"
        ).status_code in (403, 404)


def test_recompute_is_for_the_project_leader(sign_in, world: OndermijningWorld) -> None:
    assert (
        sign_in(world.users["projectleider"]).post("/ondermijning/risicoscores/herberekenen").status_code
        == 302
    )
    assert (
        sign_in(world.users["handhaver"]).post("/ondermijning/risicoscores/herberekenen").status_code == 403
    )
    assert (
        sign_in(world.users["projectleider"]).get("/ondermijning/risicoscores/herberekenen").status_code
        == 405
    )


def test_plan_an_inspection_and_refuse_bad_input(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["handhaver"])
    url = f"/ondermijning/gebieden/{world.rural.pk}/controles/nieuw"
    day = (timezone.localdate() + timedelta(days=7)).isoformat()
    good = {"planned_on": day, "partners": [world.police.pk], "size": 2, "random_share": 50}
    response = client.post(url, good)
    assert response.status_code == 302
    refused = client.post(url, {**good, "partners": []})
    assert refused.status_code == 400 and "ten minste één partner" in _html(refused)
    refused = client.post(url, {**good, "random_share": 150})
    assert refused.status_code == 400
    assert sign_in(world.users["jurist"]).get(url).status_code == 403
    assert sign_in(world.users["politie"]).get(url).status_code in (403, 404)


def test_a_partner_sees_its_inspection_without_scores_and_records_a_finding(
    sign_in, world: OndermijningWorld
) -> None:
    client = sign_in(world.users["politie"])
    page = client.get(f"/ondermijning/controles/{world.inspection.pk}")
    html = _html(page)
    assert page.status_code == 200 and "Unit B" in html
    assert "risicoscore" not in html and "Ramen afgeplakt, licht brandt." not in html  # not the team's text
    item = world.inspection.sites.get(site=world.sites["B"])
    url = f"/ondermijning/controles/{world.inspection.pk}/locaties/{item.pk}"
    refused = client.post(url, {"indicators": ["dumping"], "text": "x"})
    assert refused.status_code == 400 and "geldige keuze" in _html(refused)
    refused = client.post(url, {"indicators": [], "text": ""})
    assert refused.status_code == 400 and "Beschrijf wat u hebt gezien" in _html(refused)
    assert (
        client.post(
            url, {"indicators": ["veel-cameras"], "text": "Zes camera's.", "follow_up_needed": "on"}
        ).status_code
        == 302
    )
    finding = Finding.objects.get(partner=world.police)
    again = client.post(url, {"indicators": [], "text": "Nog eens."})
    assert again.status_code == 400 and "al bevindingen" in _html(again)
    assert client.post(f"/ondermijning/bevindingen/{finding.pk}/signaal").status_code == 302
    finding.refresh_from_db()
    signal = Signal.objects.get(reference=finding.signal_reference)
    assert signal.source == Source.INSPECTION and "Politie" in signal.description


def test_inspection_refused_to_a_partner_not_taking_part(sign_in, world: OndermijningWorld) -> None:
    ggz = sign_in(world.users["ggz"])
    assert ggz.get(f"/ondermijning/controles/{world.inspection.pk}").status_code in (403, 404)
    finding = Finding.objects.first()
    assert finding is not None
    assert ggz.post(f"/ondermijning/bevindingen/{finding.pk}/signaal").status_code in (403, 404)
    assert (
        sign_in(world.users["politie"]).post(f"/ondermijning/bevindingen/{finding.pk}/signaal").status_code
        == 404
    )


def test_kvo_steps_certificate_and_bad_dates(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["projectleider"])
    url = f"/ondermijning/gebieden/{world.estate.pk}/kvo-b"
    today = timezone.localdate()
    assert (
        client.post(url, {"wat": "start", "started_on": (today + timedelta(days=3)).isoformat()}).status_code
        == 400
    )
    assert (
        client.post(
            url, {"wat": "start", "started_on": (today - timedelta(days=400)).isoformat()}
        ).status_code
        == 302
    )
    refused = client.post(url, {"wat": "certificaat", "certified_on": today.isoformat()})
    assert refused.status_code == 400 and "audit" in _html(refused)
    assert (
        client.post(
            url, {"wat": "stap", "step": "audit", "done_on": (today - timedelta(days=10)).isoformat()}
        ).status_code
        == 302
    )
    refused = client.post(
        url,
        {
            "wat": "certificaat",
            "certified_on": today.isoformat(),
            "expires_on": (today - timedelta(days=1)).isoformat(),
        },
    )
    assert refused.status_code == 400 and "na de certificaatdatum" in _html(refused)
    assert client.post(url, {"wat": "certificaat", "certified_on": today.isoformat()}).status_code == 302
    trajectory = KvoTrajectory.objects.get(area=world.estate)
    assert trajectory.expires_on == today.replace(year=today.year + 3)
    assert "Audit door certificerende instelling" in _html(client.get(url))


def test_kvo_refused_to_others(sign_in, world: OndermijningWorld) -> None:
    url = f"/ondermijning/gebieden/{world.estate.pk}/kvo-b"
    assert sign_in(world.users["handhaver"]).get(url).status_code == 200  # the team reads
    assert (
        sign_in(world.users["handhaver"]).post(url, {"wat": "start", "started_on": "2026-01-01"}).status_code
        == 403
    )
    assert sign_in(world.users["politie"]).get(url).status_code in (403, 404)


def test_awareness_figures_are_counts_for_leader_and_analyst(sign_in, world: OndermijningWorld) -> None:
    html = _html(sign_in(world.users["analist"]).get("/ondermijning/bewustwording"))
    assert "Getraind per afdeling" in html
    assert "Getraind per afdeling" not in _html(
        sign_in(world.users["brp"]).get("/ondermijning/bewustwording")
    )


def test_training_record_and_bad_input(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["projectleider"])
    department = world.users["handhaver"].organisation
    assert department is not None
    future = (timezone.localdate() + timedelta(days=5)).isoformat()
    data = {
        "held_on": future,
        "trainer": "RIEC Oost",
        "department": department.pk,
        "attendees": [world.users["handhaver"].pk],
    }
    refused = client.post("/ondermijning/bewustwording/trainingen/nieuw", data)
    assert refused.status_code == 400 and "in de toekomst" in _html(refused)
    assert not Training.objects.exists()
    data["held_on"] = (timezone.localdate() - timedelta(days=5)).isoformat()
    assert client.post("/ondermijning/bewustwording/trainingen/nieuw", data).status_code == 302
    assert Training.objects.get().attendees.count() == 1
    assert (
        sign_in(world.users["analist"]).get("/ondermijning/bewustwording/trainingen/nieuw").status_code == 403
    )


def test_quiz_scores_for_the_taker_only(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["brp"])
    refused = client.post("/ondermijning/bewustwording/quiz", {"q0": "1"})
    assert refused.status_code == 400 and "Kies een antwoord" in _html(refused)
    response = client.post(
        "/ondermijning/bewustwording/quiz", {"q0": 1, "q1": 0, "q2": 1, "q3": 0, "q4": 1}, follow=True
    )
    assert "5 van de 5" in _html(response) and "Anijsgeur" in _html(response)
    assert QuizAttempt.objects.get(user=world.users["brp"]).passed
    assert "5 van de 5" not in _html(sign_in(world.users["analist"]).get("/ondermijning/bewustwording"))


def test_report_button_lands_in_intake_as_staff_signal(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["brp"])
    refused = client.post("/ondermijning/melden", {"description": "", "location_kind": "farm-shed"})
    assert refused.status_code == 400 and "Beschrijf wat u heeft gezien" in _html(refused)
    response = client.post(
        "/ondermijning/melden",
        {
            "description": "Schuur aan de Kerkweg contant verhuurd.",
            "location_kind": "farm-shed",
            "location_text": "Kerkweg",
            "anonymous": "nee",
        },
    )
    assert response.status_code == 302
    signal = Signal.objects.get(description__startswith="Schuur aan de Kerkweg")
    assert signal.source == Source.STAFF and signal.submitted_by == world.users["brp"]


def test_report_asks_to_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/ondermijning/melden").status_code == 302
