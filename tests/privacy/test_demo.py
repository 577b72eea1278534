"""The privacy demo: seeded once, idempotent, and Dennis Hermsen's request shows three organisations' reads."""

from __future__ import annotations

from regie.demo.seed import seed_demo
from regie.privacy.models import DataSubjectRequest, DestructionList, RetentionRule


def test_the_demo_seeds_rules_a_request_and_lists_and_a_second_run_changes_nothing(sign_in, users, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    seed_demo()
    counts = (RetentionRule.objects.count(), DataSubjectRequest.objects.count(), DestructionList.objects.count())
    assert counts == (7, 1, 2)
    report = seed_demo()
    assert "Privacy: 0 archivaris, 0 bewaarregels, 0 inzageverzoek, 0 vernietigingslijsten." in report
    dsr = DataSubjectRequest.objects.get()
    body = sign_in(users["privacy"]).get(f"/privacy/verzoeken/{dsr.pk}").content.decode()
    assert "Dennis Hermsen" in body
    for organisation in ("GGZ Rivierenland Oost", "Politie basisteam Rijk van Nijmegen-Noord"):
        assert organisation in body
    assert "Huisbezoek voorbereiden met de wijkagent" in body
