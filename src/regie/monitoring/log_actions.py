"""The processing-log actions of monitoring: aggregates only, so no entry names a person."""

from __future__ import annotations

from regie.processing_log.actions import MONITORING, register, register_object_types

register(
    MONITORING, "rollup_run", ("monitoring.rebuilt", "Cijfers voor de monitoring opnieuw berekend", False)
)
register(
    MONITORING,
    "council_report",
    ("council_report.requested", "Voortgangsrapportage voor de raad aangevraagd", False),
    ("council_report.generated", "Voortgangsrapportage voor de raad gemaakt", False),
    ("council_report.downloaded", "Voortgangsrapportage voor de raad gedownload", False),
)
register(
    MONITORING,
    "indicator",
    ("monitoring.drilldown", "Casussen achter een monitoringcijfer bekeken", False),
)
register_object_types(
    {
        "rollup_run": "Berekening van de monitoringcijfers",
        "council_report": "Voortgangsrapportage",
        "indicator": "Monitoringcijfer",
    }
)
