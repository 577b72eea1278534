"""Notes: each viewer sees only the data categories granted to them, and writes only in those."""

from __future__ import annotations

import pytest

from regie.cases.models import Note

pytestmark = pytest.mark.django_db


def test_it_hides_care_and_justice_notes_from_a_police_member(sign_in, users, world):
    html = sign_in(users["politie"]).get(f"/casussen/{world.case.pk}/notities").content.decode()
    assert "Algemene afspraak over huisbezoek" in html
    assert "GGZ-behandeling" not in html and "strafzaak" not in html


def test_it_shows_care_but_not_justice_notes_to_the_mental_health_member(sign_in, users, world):
    html = sign_in(users["ggz"]).get(f"/casussen/{world.case.pk}/notities").content.decode()
    assert "GGZ-behandeling" in html and "strafzaak" not in html


def test_it_shows_every_category_to_the_coordinator(sign_in, users, world):
    html = sign_in(users["procesregisseur"]).get(f"/casussen/{world.case.pk}/notities").content.decode()
    assert "GGZ-behandeling" in html and "strafzaak" in html


def test_it_adds_a_note_in_a_granted_category(sign_in, users, world):
    response = sign_in(users["ggz"]).post(
        f"/casussen/{world.case.pk}/notities/toevoegen",
        {"category": "care", "text": "Cliënt gezien op spreekuur"},
    )
    assert response.status_code == 302
    note = Note.objects.get(text="Cliënt gezien op spreekuur")
    assert note.category == "care" and note.author == users["ggz"]


def test_it_offers_only_the_users_own_categories(sign_in, users, world):
    html = sign_in(users["politie"]).get(f"/casussen/{world.case.pk}/notities").content.decode()
    assert 'value="general"' in html and 'value="care"' not in html and 'value="justice"' not in html


@pytest.mark.parametrize(
    ("category", "text", "message"),
    [
        ("care", "Een zorgnotitie", "U mag in deze casus geen gegevens van deze categorie vastleggen."),
        ("geheim", "Iets", "U mag in deze casus geen gegevens van deze categorie vastleggen."),
        ("general", "", "De notitie is leeg."),
        ("general", "x" * 20001, "Een notitie is hoogstens 20000 tekens."),
    ],
)
def test_it_refuses_bad_note_input_in_dutch_and_saves_nothing(sign_in, users, world, category, text, message):
    before = Note.objects.count()
    response = sign_in(users["politie"]).post(
        f"/casussen/{world.case.pk}/notities/toevoegen", {"category": category, "text": text}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Note.objects.count() == before


def test_it_refuses_a_note_from_a_non_member_with_404(sign_in, users, world):
    before = Note.objects.count()
    response = sign_in(users["handhaver"]).post(
        f"/casussen/{world.case.pk}/notities/toevoegen", {"category": "general", "text": "Ingebroken"}
    )
    assert response.status_code == 404
    assert Note.objects.count() == before
