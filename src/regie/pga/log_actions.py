"""The processing-log actions of the person-centred approach (issue 14), under the activity PGA."""

from __future__ import annotations

from regie.processing_log.actions import OBJECT_TYPE_LABELS, PGA, register

OBJECT_TYPE_LABELS.setdefault("pga_referral", "Aanmelding PGA")
OBJECT_TYPE_LABELS.setdefault("pga_case", "PGA-casus")
OBJECT_TYPE_LABELS.setdefault("pga_reference", "Screeningschecklist of zelfredzaamheidsmatrix")

register(
    PGA,
    "pga_referral",
    ("pga_referral.created", "PGA-aanmelding gedaan", True),
    ("pga_referral.viewed", "PGA-aanmelding bekeken", True),
    ("pga_referral.listed", "Triagelijst PGA-aanmeldingen bekeken", True),
    ("pga_referral.decided", "Screeningsbesluit PGA genomen", True),
)
register(
    PGA,
    "pga_case",
    ("pga_case.viewed", "PGA-casus bekeken", True),
    ("pga_case.listed", "Lijst PGA-casussen bekeken", True),
    ("pga_case.informed", "Informeren betrokkene over PGA vastgelegd", True),
    ("pga_case.contra_indication", "Contra-indicatie voor informeren vastgelegd", True),
    ("pga_case.roles_changed", "Proces- of casusregisseur PGA gewijzigd", True),
    ("pga_case.score_recorded", "ZRM-score vastgelegd", True),
    ("pga_case.plan_updated", "Plan van aanpak per leefdomein gewijzigd", True),
    ("pga_case.evaluated", "Evaluatie PGA-casus vastgelegd", True),
    ("pga_case.exited", "PGA-casus afgeschaald of afgesloten", True),
    ("pga_case.letter_generated", "Brief aan betrokkene over de PGA gemaakt", True),
)
register(
    PGA,
    "pga_reference",
    ("pga_reference.changed", "Nieuwe versie van de screeningschecklist of de matrix vastgesteld", False),
)
