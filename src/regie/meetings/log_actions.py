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
    ("meeting.proposals_listed", "Aanmeldingen en voorstellen voor de agenda van een overleg bekeken", True),
    ("meeting.agenda_downloaded", "Agenda van een overleg als PDF gedownload", True),
    ("meeting.minutes_approved", "Verslag van een overleg vastgesteld door de voorzitter", False),
    ("meeting.calendar_feed_created", "Persoonlijke agendafeed voor overleggen aangemaakt", False),
    ("meeting.calendar_feed_revoked", "Persoonlijke agendafeed voor overleggen ingetrokken", False),
)
register(
    OVERLEGGEN,
    "case",
    ("meeting_request.created", "Casus aangemeld om te bespreken in een overleg", True),
    ("meeting_request.withdrawn", "Aanmelding van een casus voor een overleg ingetrokken", False),
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
