"""The Zelfredzaamheid-Matrix as reference data: the adult version with its 13 domains and their data category
(health domains are care data, Justitie is justice data). The beheerder adds further versions (youth, household)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

ADULTS = ("zrm-volwassenen", "ZRM volwassenen (13 domeinen)")
DOMAINS = [
    ("financien", "Financiën", "general"),
    ("werk-opleiding", "Werk & opleiding", "general"),
    ("tijdsbesteding", "Tijdsbesteding", "general"),
    ("huisvesting", "Huisvesting", "general"),
    ("huiselijke-relaties", "Huiselijke relaties", "general"),
    ("geestelijke-gezondheid", "Geestelijke gezondheid", "care"),
    ("lichamelijke-gezondheid", "Lichamelijke gezondheid", "care"),
    ("middelengebruik", "Middelengebruik", "care"),
    ("basale-adl", "Basale ADL", "care"),
    ("instrumentele-adl", "Instrumentele ADL", "general"),
    ("sociaal-netwerk", "Sociaal netwerk", "general"),
    ("maatschappelijke-participatie", "Maatschappelijke participatie", "general"),
    ("justitie", "Justitie", "justice"),
]


def forwards(apps: Any, schema_editor: Any) -> None:
    version_model = apps.get_model("pga", "ZrmVersion")
    domain_model = apps.get_model("pga", "ZrmDomain")
    version, _ = version_model.objects.get_or_create(code=ADULTS[0], defaults={"label": ADULTS[1]})
    for position, (code, label, category) in enumerate(DOMAINS, start=1):
        domain_model.objects.get_or_create(
            version=version, code=code, defaults={"label": label, "position": position, "category": category}
        )


class Migration(migrations.Migration):
    dependencies = [("pga", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
