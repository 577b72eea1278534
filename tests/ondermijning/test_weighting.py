"""The risk weighting page: the team reads it, the project leader sets a new version that sums as declared, and a
weighting that does not sum as declared is refused in Dutch with nothing written."""

from __future__ import annotations

import pytest

from regie.ondermijning.models import RiskPolicy
from regie.ondermijning.services.risks import risk_policy_ensure
from tests.worlds.ondermijning import OndermijningWorld

pytestmark = pytest.mark.django_db
URL = "/ondermijning/risicoweging"


def _data(total_offset: int = 0, **changes: int) -> dict[str, object]:
    policy = risk_policy_ensure()
    data: dict[str, object] = {f"w_{w.code}": changes.get(w.code, w.weight) for w in policy.weights.all()}
    data["declared_total"] = sum(int(v) for v in data.values()) + total_offset  # type: ignore[call-overload]
    return data


def test_the_project_leader_sets_a_new_version(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["projectleider"])
    assert client.get(URL).status_code == 200
    response = client.post(URL, _data(**{"open-signaal": 20}))
    assert response.status_code == 302 and RiskPolicy.objects.count() == 2


def test_a_weighting_that_does_not_sum_is_refused(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["projectleider"])
    refused = client.post(URL, _data(total_offset=3))
    assert refused.status_code == 400 and "tellen op tot" in refused.content.decode()
    refused = client.post(URL, {**_data(), "w_open-signaal": "veel"})
    assert refused.status_code == 400 and "geheel getal" in refused.content.decode().lower()
    assert RiskPolicy.objects.count() == 1


def test_others_read_or_are_refused(sign_in, world: OndermijningWorld) -> None:
    html = sign_in(world.users["jurist"]).get(URL).content.decode()
    assert "Open signaal over de locatie" in html and "Nieuwe versie vaststellen" not in html
    assert sign_in(world.users["jurist"]).post(URL, _data()).status_code == 403
    assert sign_in(world.users["politie"]).get(URL).status_code == 403
    assert sign_in(world.users["analist"]).get(URL).status_code == 403
