"""A destroyed case is gone from the monitoring too: a rebuild of its month counts it no more (issue 18 × 20).

The rollups are computed from the live tables, so a destroyed case leaves them at the next rebuild of its month;
the destruction record and the processing log remain, as test_destruction.py shows.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regie.monitoring.models import RollupValue
from regie.monitoring.services.rollups import month_start, rollup_month
from regie.privacy.destruction import destruction_list_propose
from regie.privacy.models import DestructionList
from tests.conftest import verified_session

pytestmark = pytest.mark.django_db


def _opened(month) -> float:  # type: ignore[no-untyped-def]
    rollup_month(month)
    return RollupValue.objects.get(indicator="cases.opened", month=month, dimension="", member="", area="").value


def test_a_destroyed_case_leaves_the_monitoring_at_the_next_rebuild(sign_in, users, dw) -> None:
    month = month_start(timezone.localtime(dw.old.created_at).date())
    before = _opened(month)
    dlist = destruction_list_propose()
    assert dlist is not None
    officer = sign_in(users["privacy"])
    archivist = verified_session(Client(), dw.archivist)
    base = f"/privacy/vernietigingslijsten/{dlist.pk}"
    assert officer.post(f"{base}/beoordelen", {"version": dlist.version}).status_code == 302
    dlist.refresh_from_db()
    assert archivist.post(f"{base}/goedkeuren", {"version": dlist.version}).status_code == 302
    DestructionList.objects.filter(pk=dlist.pk).update(destroy_after=timezone.now() - timedelta(seconds=1))
    assert officer.post(f"{base}/vernietigen", {"confirm_name": dlist.name}).status_code == 302
    assert _opened(month) == before - 1
