"""The functional administrator edits routing rules, categories and the threshold, and tests where a signal goes."""

from __future__ import annotations

import pytest

from regie.accounts.models import Organisation
from regie.intake.models import ClassifierSetting, RoutingRule, SignalCategory
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(sign_in, users, policy):
    return sign_in(users["beheerder"])


def test_it_lists_rules_categories_and_the_threshold(admin):
    html = admin.get("/beheer/routering").content.decode()
    assert "Ondermijning naar OOV" in html and "Permanente bewoning" in html and "0,50" in html


def test_it_creates_a_rule_and_logs_it(admin, municipality):
    team = Organisation.objects.get(name="Burgerzaken")
    response = admin.post(
        "/beheer/routering/nieuw",
        {
            "name": "Anonieme meldingen naar burgerzaken",
            "position": 5,
            "source": "anoniem",
            "target": team.pk,
            "active": "on",
        },
    )
    assert response.status_code == 302
    rule = RoutingRule.objects.get(name="Anonieme meldingen naar burgerzaken")
    assert rule.source == "anoniem" and rule.target == team and rule.category is None
    assert ProcessingLogEntry.objects.filter(action="intake.routing_rule_created").exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "position": 5}, "name"),
        ({"name": "x", "position": 0}, "position"),
        ({"name": "x", "position": "vijf"}, "position"),
        ({"name": "x", "position": 5, "source": "marsmannetje"}, "source"),
        ({"name": "x", "position": 5, "target": "00000000-0000-0000-0000-000000000000"}, "target"),
    ],
)
def test_it_refuses_a_bad_rule_in_dutch(admin, data, field):
    before = RoutingRule.objects.count()
    team = Organisation.objects.get(name="Burgerzaken")
    response = admin.post("/beheer/routering/nieuw", {"target": team.pk, **data})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert RoutingRule.objects.count() == before


def test_a_rule_cannot_route_to_a_partner(admin, users):
    response = admin.post(
        "/beheer/routering/nieuw",
        {"name": "Naar politie", "position": 5, "target": users["politie"].organisation.pk},
    )
    assert response.status_code == 400 and not RoutingRule.objects.filter(name="Naar politie").exists()


def test_a_stale_edit_conflicts_and_keeps_the_newer_rule(admin):
    rule = RoutingRule.objects.get(name="Drugs naar toezicht en handhaving")
    data = {
        "name": "Gewijzigd",
        "position": rule.position,
        "target": rule.target_id,
        "active": "on",
        "version": rule.version,
    }
    assert admin.post(f"/beheer/routering/{rule.pk}", data).status_code == 302
    stale = admin.post(f"/beheer/routering/{rule.pk}", {**data, "name": "Later"})
    assert stale.status_code == 409
    assert RoutingRule.objects.get(pk=rule.pk).name == "Gewijzigd"


def test_it_deletes_a_rule(admin):
    rule = RoutingRule.objects.get(name="Overlast naar toezicht en handhaving")
    assert admin.post(f"/beheer/routering/{rule.pk}/verwijderen").status_code == 302
    assert not RoutingRule.objects.filter(pk=rule.pk).exists()


def test_the_test_page_shows_where_a_sample_signal_goes(admin):
    category = admin.get(
        "/beheer/routering/testen?category="
        + str(SignalCategory.objects.get(code="drugs").pk)
        + "&source=inwoner&urgency=normaal"
    )
    assert category.status_code == 200
    html = category.content.decode()
    assert "Drugs naar toezicht en handhaving" in html and "Toezicht en Handhaving" in html
    text = admin.get(
        "/beheer/routering/testen",
        {
            "description": "In chalet 12 op het park woont iemand permanent",
            "source": "inwoner",
            "urgency": "normaal",
            "location_kind": "park-lot",
        },
    ).content.decode()
    assert (
        "Alles op het vakantiepark naar de projectleider" in text and "voorstel van de classificatie" in text
    )


def test_the_test_page_asks_for_a_category_or_a_text(admin):
    response = admin.get("/beheer/routering/testen?source=inwoner&urgency=normaal&description=")
    assert (
        response.status_code == 400
        and "Kies een categorie of vul een voorbeeldtekst in." in response.content.decode()
    )


def test_it_changes_a_categorys_promises(admin):
    category = SignalCategory.objects.get(code="overlast")
    response = admin.post(
        "/beheer/signaalcategorieen/overlast",
        {
            "label": "Overlast",
            "triage_days": 2,
            "first_action_days": 4,
            "urgent_hours": 6,
            "active": "on",
            "version": category.version,
        },
    )
    assert response.status_code == 302
    category.refresh_from_db()
    assert (category.triage_days, category.first_action_days, category.urgent_hours) == (2, 4, 6)


def test_it_refuses_a_first_action_before_triage(admin):
    category = SignalCategory.objects.get(code="overlast")
    response = admin.post(
        "/beheer/signaalcategorieen/overlast",
        {
            "label": "Overlast",
            "triage_days": 5,
            "first_action_days": 2,
            "urgent_hours": 6,
            "version": category.version,
        },
    )
    assert response.status_code == 400
    assert "De eerste actie kan niet eerder moeten dan de triage." in response.content.decode()


@pytest.mark.parametrize("value", ["1,5", "-0,1", "veel"])
def test_it_refuses_a_threshold_outside_zero_and_one(admin, value):
    response = admin.post("/beheer/routering/drempel", {"threshold": value})
    assert response.status_code == 400
    assert ClassifierSetting.objects.get().threshold == pytest.approx(0.5)


def test_it_sets_the_threshold(admin):
    assert admin.post("/beheer/routering/drempel", {"threshold": "0,41", "version": 1}).status_code == 302
    assert float(ClassifierSetting.objects.get().threshold) == pytest.approx(0.41)
