"""A campaign is pinned to the version of each check it links: it counts only results made with that version."""

from __future__ import annotations

import copy

from regie.digital.content import bundled
from regie.digital.models import Campaign, SelfCheckResult
from regie.digital.selectors import campaign_figures, monthly
from regie.digital.services.campaigns import campaign_update
from regie.digital.services.content import content_publish
from regie.digital.services.self_checks import self_check_submit
from tests.digital.conftest import BUSINESSES, RESIDENTS, answers_for


def _submit(code: str, kind: str = RESIDENTS, times: int = 1) -> None:
    for _ in range(times):
        self_check_submit(kind=kind, answers=answers_for(kind), campaign_code=code)


def _edit_check(users, kind: str = RESIDENTS) -> int:
    definition = copy.deepcopy(bundled(kind))
    definition["title"] = definition.get("title", "Check") + " (bijgewerkt)"
    return content_publish(
        actor=users["beheerder"], kind=kind, definition=definition, note="Nieuwe tekst"
    ).version


def test_a_linked_check_is_pinned_to_the_version_in_force(users, campaign: Campaign):
    assert campaign.check_versions == {RESIDENTS: 1}
    assert _edit_check(users) == 2
    changed = campaign_update(
        actor=users["projectleider"],
        campaign=campaign,
        version=campaign.version,
        checks=[RESIDENTS, BUSINESSES],
    )
    assert changed.check_versions == {RESIDENTS: 1, BUSINESSES: 1}  # the edit does not move the pin
    dropped = campaign_update(
        actor=users["projectleider"], campaign=changed, version=changed.version, checks=[]
    )
    assert dropped.check_versions == {}
    again = campaign_update(
        actor=users["projectleider"], campaign=dropped, version=dropped.version, checks=[RESIDENTS]
    )
    assert again.check_versions == {RESIDENTS: 2}  # linked anew: the version in force now


def test_a_campaign_counts_the_results_of_its_pinned_version_only(users, campaign: Campaign):
    _submit(campaign.code, times=5)
    _edit_check(users)
    _submit(campaign.code, times=3)  # through the link, but with version 2 of the check
    _submit(campaign.code, kind=BUSINESSES)  # a check the campaign does not link
    assert SelfCheckResult.objects.filter(campaign=campaign).count() == 5
    assert SelfCheckResult.objects.filter(content_version=2, campaign=None).count() == 3
    figures = {f.campaign.code: f for f in campaign_figures(campaign.municipality_id)}[campaign.code]
    assert figures.results.value == 5 and figures.average_score == 100
    assert figures.pinned_label == "Check voor inwoners, versie 1"
    # A result stored for the campaign with another version (older data) is not counted either.
    SelfCheckResult.objects.filter(campaign=None, content_version=2).update(campaign=campaign)
    assert {f.campaign.code: f for f in campaign_figures(campaign.municipality_id)}[
        campaign.code
    ].results.value == 5
    rows = monthly(campaign.municipality_id, months=1, campaign=campaign)
    assert rows[-1].total.value == 5


def test_the_staff_page_and_api_say_which_version_a_campaign_counts(
    users, sign_in, api_as, campaign: Campaign
):
    page = sign_in(users["projectleider"]).get("/digitale-veiligheid").content.decode()
    assert "telt Check voor inwoners, versie 1" in page
    body = api_as("projectleider").get(f"/api/v1/campaigns/{campaign.pk}").json()
    assert body["checkVersions"] == {RESIDENTS: 1}
    form = (
        sign_in(users["projectleider"]).get(f"/digitale-veiligheid/campagnes/{campaign.pk}").content.decode()
    )
    assert "blijft de campagne die versie tellen" in form
