"""The access export holds what the themes hold about the person (issue 18): the PGA's referrals and cases and the
case meetings that discussed the person's cases, contributed through subjects.extensions.subject_exports, as
metadata with their data categories (no reasons, questions or minutes)."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from regie.privacy.services import data_subject_request_create
from regie.subjects.extensions import subject_exports
from tests.worlds.meetings import make_meetings_world
from tests.worlds.pga import make_pga_world

pytestmark = pytest.mark.postgres  # the request's reference is numbered under a row lock


def _request(users, person):
    return data_subject_request_create(
        actor=users["privacy"], person=person, received_on=timezone.localdate(), identity_check="Paspoort"
    )


def _themes(client, dsr) -> dict[str, dict]:
    body = json.loads(client.get(f"/privacy/verzoeken/{dsr.pk}/export.json").content)
    return {theme["titel"]: theme for theme in body["themas"]}


def test_both_themes_contribute_without_privacy_importing_them():
    assert {source.__module__ for source in subject_exports} >= {
        "regie.pga.subject_export",
        "regie.meetings.subject_export",
    }


def test_the_export_lists_the_pga_referral_and_case_with_categories(sign_in, users):
    world = make_pga_world(users)
    dsr = _request(users, world.pga.person)
    client = sign_in(users["privacy"])
    pga = _themes(client, dsr)["Persoonsgerichte aanpak"]
    assert "Zorggegevens (AVG art. 9)" in pga["gegevenscategorieen"]
    what = [row["Wat"] for row in pga["regels"]]
    assert "Aanmelding" in what and f"PGA-casus {world.pga.case.number}" in what
    page = client.get(f"/privacy/verzoeken/{dsr.pk}").content.decode()
    assert "Persoonsgerichte aanpak" in page and "Lokale PGA" in page
    assert "Overlast, schulden en verward gedrag" not in page  # the referral's reason is content, not shown


def test_the_export_lists_the_meetings_that_discussed_the_persons_case(sign_in, users):
    world = make_meetings_world(users)
    person = world.case_a.subjects.get().person
    dsr = _request(users, person)
    client = sign_in(users["privacy"])
    themes = _themes(client, dsr)
    meetings = themes["Casusoverleggen"]
    assert [row["Overleg"] for row in meetings["regels"]] == ["Wekelijkse triage PGA"]
    assert meetings["regels"][0]["Besproken"] == f"Casus {world.case_a.number}"
    assert "Persoonsgerichte aanpak" not in themes  # nothing held there: no section
    page = client.get(f"/privacy/verzoeken/{dsr.pk}").content.decode()
    assert "Casusoverleggen" in page and "Wie neemt de regie?" not in page
    assert world.case_b.number not in page  # the other person's case is not in his export


def test_the_theme_readers_refuse_everyone_but_the_officer(users):
    from django.core.exceptions import PermissionDenied

    from regie.access import privacy_access

    world = make_meetings_world(users)
    person = world.case_a.subjects.get().person
    for role in ("procesregisseur", "archivaris", "beheerder"):
        with pytest.raises(PermissionDenied):
            privacy_access.meeting_items_of(users[role], person)
        with pytest.raises(PermissionDenied):
            privacy_access.pga_records_of(users[role], person)
