"""The privacy workplace's processing-log actions (issue 18), under the activity 'Toezicht op de verwerking'."""

from __future__ import annotations

from regie.processing_log.actions import TOEZICHT, register, register_object_types

register_object_types(
    {
        "data_subject_request": "Verzoek van een betrokkene",
        "processing_activity": "Verwerkingsactiviteit",
        "retention_rule": "Bewaarregel",
        "destruction_list": "Vernietigingslijst",
    }
)

register(
    TOEZICHT,
    "data_subject_request",
    ("data_subject_request.person_searched", "Persoon gezocht voor een verzoek van een betrokkene", True),
    ("data_subject_request.created", "Verzoek van een betrokkene geregistreerd", True),
    ("data_subject_request.list_viewed", "Overzicht verzoeken van betrokkenen bekeken", True),
    ("data_subject_request.viewed", "Inzage-overzicht voor een betrokkene samengesteld", True),
    ("data_subject_request.exported", "Inzage-overzicht voor een betrokkene gedownload", True),
    ("data_subject_request.extended", "Termijn van een verzoek van een betrokkene verlengd", True),
    ("data_subject_request.completed", "Verzoek van een betrokkene afgehandeld", True),
    ("data_subject_request.opened", "Verzoek van een betrokkene bekeken", True),
    ("data_subject_request.decided", "Besluit op een verzoek van een betrokkene genomen", True),
    ("data_subject_request.withheld", "Onderdeel van een inzage-overzicht achtergehouden", True),
    ("data_subject_request.restriction_lifted", "Beperking van de verwerking opgeheven", True),
)
register(
    TOEZICHT,
    "processing_activity",
    ("processing_activity.changed", "Verwerkingsactiviteit in het register gewijzigd", False),
)
register(
    TOEZICHT,
    "retention_rule",
    ("retention_rule.created", "Bewaarregel vastgesteld", False),
    ("retention_rule.changed", "Bewaarregel gewijzigd", False),
)
register(
    TOEZICHT,
    "destruction_list",
    ("destruction_list.proposed", "Vernietigingslijst voorgesteld", False),
    ("destruction_list.item_excluded", "Record van een vernietigingslijst uitgezonderd", False),
    ("destruction_list.reviewed", "Vernietigingslijst beoordeeld", False),
    ("destruction_list.approved", "Vernietigingslijst goedgekeurd", False),
    ("destruction_list.destroyed", "Records van een vernietigingslijst vernietigd", False),
    ("destruction_list.exported", "Vernietigingsverklaring gedownload", False),
)
register(TOEZICHT, "case", ("case.destroyed", "Casus vernietigd na de bewaartermijn", False))
