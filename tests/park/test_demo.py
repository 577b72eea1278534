"""The demo park: at least 60 lots along the lake near Lathum, a spread of statuses, three years of declining
permanent residence, past rounds with inspections and follow-ups; listed through the `locations` API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from regie.accounts.models import User
from regie.demo.seed import seed_demo
from regie.park.models import FollowUp, Inspection, InspectionRound, Park, ParkLot, PersonalPermit
from regie.park.selectors import monthly_counts, with_current_status

pytestmark = pytest.mark.django_db


def test_demo_park(api_as: Callable[[str], Client]) -> None:
    report = seed_demo()
    park = Park.objects.get(name="Recreatiepark Rhederlaagse Meren")
    lots = with_current_status(ParkLot.objects.filter(park=park)).select_related("location")
    assert lots.count() >= 60, report
    for lot in lots:
        lon, lat = lot.location.geometry["coordinates"][0][0]
        assert 6.02 < lon < 6.04 and 51.97 < lat < 51.99
    assert {14, 27, 52, 63} <= set(lots.values_list("number", flat=True))
    statuses = {lot.current_status for lot in lots}  # type: ignore[attr-defined]
    assert len(statuses) >= 4
    series = monthly_counts(park, until=timezone.localdate())
    first, last = series[0][1], series[-1][1]
    assert first["permanent-vastgesteld"] > last["permanent-vastgesteld"] > 0
    assert InspectionRound.objects.filter(park=park, planned_on__lt=timezone.localdate()).count() >= 2
    assert Inspection.objects.filter(lot__park=park).exists()
    assert PersonalPermit.objects.filter(lot__park=park, granted_on__gte=date(2003, 1, 1)).exists()
    assert FollowUp.objects.filter(kind="zorg").exists()
    assert User.objects.filter(username="provincie").exists()
    results: list[dict[str, object]] = []
    client = api_as("projectleider")
    url = "/api/v1/locations?kind=park-lot&pageSize=100"
    response = client.get(url)
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert len(results) >= 20
    assert all(r["geometry"] and r["residenceStatus"] for r in results)
    assert seed_demo()  # idempotent
    assert ParkLot.objects.filter(park=park).count() == lots.count()
