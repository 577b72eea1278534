"""The processing-log actions of digital safety, under the activity 'Digitale veiligheid'.

Self-check submissions write no entry: they hold no personal data and must not be linkable to a moment or person.
"""

from __future__ import annotations

from regie.processing_log.actions import DIGITAAL, OBJECT_TYPE_LABELS, register

OBJECT_TYPE_LABELS.setdefault("digital_follow_up", "Terugbelverzoek na online criminaliteit")
OBJECT_TYPE_LABELS.setdefault("digital_campaign", "Campagne digitale veiligheid")
OBJECT_TYPE_LABELS.setdefault("digital_content", "Inhoud digitale veiligheid (checks, verwijstabel)")

register(
    DIGITAAL,
    "digital_follow_up",
    (
        "digital_follow_up.requested",
        "Terugbelverzoek na online criminaliteit ontvangen (met toestemming)",
        True,
    ),
    ("digital_follow_up.listed", "Lijst van terugbelverzoeken (nazorg) bekeken", True),
    ("digital_follow_up.viewed", "Terugbelverzoek (nazorg) bekeken", True),
    ("digital_follow_up.changed", "Nazorg bij terugbelverzoek bijgewerkt", True),
    ("digital_follow_up.withdrawn", "Toestemming ingetrokken; terugbelverzoek geanonimiseerd", True),
)
register(
    DIGITAAL,
    "digital_campaign",
    ("digital_campaign.created", "Campagne digitale veiligheid aangemaakt", False),
    ("digital_campaign.changed", "Campagne digitale veiligheid gewijzigd", False),
)
register(
    DIGITAAL,
    "digital_content",
    ("digital_content.published", "Nieuwe versie van inhoud digitale veiligheid gepubliceerd", False),
)
