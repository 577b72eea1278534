"""Campaigns made before pinning count the version of each linked check that is in force now (or version 1)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def forwards(apps: Any, schema_editor: Any) -> None:
    campaign_model = apps.get_model("digital", "Campaign")
    version_model = apps.get_model("digital", "ContentVersion")
    for campaign in campaign_model.objects.filter(check_versions={}).exclude(checks=[]):
        pins = {}
        for kind in campaign.checks:
            newest = version_model.objects.filter(kind=kind).order_by("-version").first()
            pins[kind] = newest.version if newest is not None else 1
        campaign.check_versions = pins
        campaign.save(update_fields=["check_versions"])


class Migration(migrations.Migration):
    dependencies = [("digital", "0002_follow_up_signal_campaign_pins")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
