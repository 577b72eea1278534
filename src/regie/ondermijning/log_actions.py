"""The processing-log actions of the ondermijning app, under the activity 'Aanpak ondermijning' (decision 0007)."""

from __future__ import annotations

from regie.processing_log.actions import ONDERMIJNING, register, register_object_types

# The Dutch names of this app's object types, for the privacy officer's view of the log.
register_object_types(
    {
        "ondermijning_area": "Gebied (bedrijventerrein of buitengebied)",
        "ondermijning_location": "Locatie in een gebied",
        "ondermijning_inspection": "Integrale controle",
        "ondermijning_kvo": "KVO-B-traject",
        "ondermijning_training": "Training ondermijning",
        "ondermijning_risk_policy": "Risicoweging ondermijning",
        "ondermijning_report": "Melding van een medewerker (Ik heb iets gezien)",
    }
)

register(
    ONDERMIJNING,
    "ondermijning_area",
    ("ondermijning_area.created", "Gebied geregistreerd", False),
    ("ondermijning_area.viewed", "Risicobeeld van een gebied ingezien", True),
    ("ondermijning_area.updated", "Gebied gewijzigd", False),
    ("ondermijning_area.contacts_viewed", "Contactpersonen van een gebied ingezien", False),
    ("ondermijning_area.contact_saved", "Contactpersoon van een gebied vastgelegd", False),
    ("ondermijning_area.contact_removed", "Contactpersoon van een gebied verwijderd", False),
)
register(
    ONDERMIJNING,
    "ondermijning_location",
    ("ondermijning_location.added", "Locatie aan een gebied toegevoegd", False),
    ("ondermijning_location.updated", "Locatie in een gebied gewijzigd", False),
    ("ondermijning_location.viewed", "Risico en netwerk van een locatie ingezien", True),
    ("ondermijning_location.listed", "Risicoscores van locaties opgevraagd", True),
    ("ondermijning_location.risks_computed", "Risicoscores herberekend", False),
)
register(
    ONDERMIJNING,
    "ondermijning_inspection",
    ("ondermijning_inspection.planned", "Integrale controle gepland", False),
    ("ondermijning_inspection.viewed", "Integrale controle ingezien", True),
    ("ondermijning_inspection.finding_recorded", "Bevinding bij integrale controle vastgelegd", True),
    ("ondermijning_inspection.signal_started", "Signaal gestart vanuit een bevinding", True),
)
register(
    ONDERMIJNING,
    "ondermijning_kvo",
    ("ondermijning_kvo.started", "KVO-B-traject gestart", False),
    ("ondermijning_kvo.step_recorded", "Stap in KVO-B-traject vastgelegd", False),
    ("ondermijning_kvo.certified", "KVO-B-certificaat vastgelegd", False),
    ("ondermijning_kvo.measure_saved", "Maatregel in het KVO-B-maatregelenplan vastgelegd", False),
    ("ondermijning_kvo.document_added", "Document bij een KVO-B-traject toegevoegd", False),
    ("ondermijning_kvo.document_read", "Document van een KVO-B-traject geopend", False),
)
register(
    ONDERMIJNING,
    "ondermijning_training",
    ("ondermijning_training.recorded", "Training ondermijning vastgelegd", False),
    ("ondermijning_training.quiz_taken", "Quiz ondermijning gemaakt", False),
)
register(
    ONDERMIJNING,
    "ondermijning_risk_policy",
    ("ondermijning_risk_policy.created", "Nieuwe versie van de risicoweging vastgesteld", False),
)
register(
    ONDERMIJNING,
    "ondermijning_report",
    ("ondermijning_report.filed", "Melding van een medewerker verstuurd", False),
    (
        "ondermijning_report.reporter_revealed",
        "Melder van een anonieme melding van een medewerker ingezien",
        False,
    ),
)
