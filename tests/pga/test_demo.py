"""The demo PGA: PGA cases of the procesregisseur on the demo's pga-casus cases with a year of ZRM scores (improving,
relapsing, exited), a contra-indication whose review is overdue, a ZVH escalation, a stale score and referrals in
the triage; seeding twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regie.accounts.models import User
from regie.demo.seed import seed_demo
from regie.pga.models import DomainScore, Level, PgaCase, PgaStatus, Referral, ReferralStatus

pytestmark = pytest.mark.django_db


def test_demo_pga(users: dict[str, User], sign_in: Callable[[User], Client]) -> None:
    report = seed_demo()
    cases = PgaCase.objects.select_related("process_director")
    assert cases.count() == 12, report
    assert cases.filter(level=Level.ZVH).count() >= 3 and cases.filter(level=Level.LOCAL).count() >= 6
    assert (
        cases.filter(status=PgaStatus.STEPPED_DOWN).exists()
        and cases.filter(status=PgaStatus.ACTIVE).count() >= 7
    )
    stale = timezone.localdate() - timedelta(days=30)
    assert cases.filter(status=PgaStatus.ACTIVE, last_scored_on__lt=stale).exists()  # a stale score
    assert Referral.objects.filter(status=ReferralStatus.AWAITING, re_referral=True).exists()  # Joyce is back
    assert {c.process_director.username for c in cases} == {"procesregisseur"}
    assert cases.filter(level=Level.ZVH).exists()
    assert cases.filter(status=PgaStatus.CLOSED).exists()
    today = timezone.localdate()
    assert cases.filter(contra_review_on__lt=today, informed_on__isnull=True).exists()
    assert DomainScore.objects.count() > 100
    assert Referral.objects.filter(status=ReferralStatus.AWAITING).count() == 3
    for (
        pga
    ) in cases:  # a year of scores for the persons included long enough ago, consistent with the inclusion
        first = DomainScore.objects.filter(pga_case=pga).order_by("scored_on").first()
        assert first is not None and first.scored_on >= pga.included_on
    assert Referral.objects.filter(decision="niet-opgenomen").exists()
    counts = (PgaCase.objects.count(), DomainScore.objects.count(), Referral.objects.count())
    seed_demo()
    assert (PgaCase.objects.count(), DomainScore.objects.count(), Referral.objects.count()) == counts
    page = sign_in(users["procesregisseur"]).get("/pga")
    assert page.status_code == 200
    assert "Dennis Hermsen" in page.content.decode()
