"""The demo: two campaigns with a visible effect, a year of anonymous results, three follow-ups in three states."""

from __future__ import annotations

from collections import Counter

from regie.demo.digital import UPDATES, seed_digital
from regie.digital.models import Campaign, FollowUpStatus, SelfCheckResult, VictimFollowUp


def test_the_demo_seeds_once_with_a_visible_campaign_effect(users):
    report = seed_digital()
    assert "3 terugbelverzoeken" in report[0]
    assert seed_digital() == ["Digitale veiligheid bestaat al."]
    assert Campaign.objects.count() == 3
    assert {f.status for f in VictimFollowUp.objects.all()} == {
        FollowUpStatus.NEW, FollowUpStatus.REFERRED, FollowUpStatus.WITHDRAWN,
    }  # fmt: skip
    assert VictimFollowUp.objects.exclude(signal=None).count() == 3
    referred = VictimFollowUp.objects.get(status=FollowUpStatus.REFERRED)
    assert referred.signal.case.case_type.code == "nazorg-digitaal-slachtoffer"
    updates = Campaign.objects.get(code=UPDATES)
    per_month = Counter(
        r.submitted_on.replace(day=1) for r in SelfCheckResult.objects.filter(kind="check-inwoners")
    )
    campaign_month = updates.starts_on.replace(day=1)
    others = [n for month, n in per_month.items() if month != campaign_month]
    assert per_month[campaign_month] > 2 * (sum(others) / len(others))
    assert SelfCheckResult.objects.filter(campaign=updates).count() >= 60
