"""The processing-log actions of the case meetings (issue 15), under the activity Casusoverleggen."""

from __future__ import annotations

from regie.processing_log.actions import OBJECT_TYPE_LABELS, OVERLEGGEN, register

OBJECT_TYPE_LABELS.setdefault("meeting_series", "Overlegreeks")
OBJECT_TYPE_LABELS.setdefault("meeting", "Casusoverleg")
OBJECT_TYPE_LABELS.setdefault("meeting_item", "Agendapunt van een overleg")

register(
    OVERLEGGEN,
    "meeting_series",
    ("meeting_series.created", "Overlegreeks ingesteld", False),
    ("meeting_series.changed", "Overlegreeks gewijzigd", False),
)
register(
    OVERLEGGEN,
    "meeting",
    ("meeting.planned", "Overleg gepland", False),
    ("meeting.viewed", "Agenda van een overleg bekeken", True),
    ("meeting.attendee_added", "Deelnemer aan een overleg toegevoegd", False),
    ("meeting.confidentiality_confirmed", "Geheimhoudingsverklaring voor een overleg bevestigd", False),
    ("meeting.actions_listed", "Openstaande afspraken uit overleggen bekeken", True),
)
register(
    OVERLEGGEN,
    "meeting_item",
    ("meeting_item.added", "Casus op de agenda van een overleg gezet", True),
    ("meeting_item.viewed", "Agendapunt van een overleg bekeken", True),
    ("meeting_item.granted", "Agendapunt gedeeld met een deelnemer die niet in het casusteam zit", True),
    ("meeting_item.minutes_recorded", "Verslag van een agendapunt vastgelegd", True),
    ("meeting_item.action_agreed", "Afspraak uit een overleg als taak vastgelegd", True),
)
