"""The data the ondermijning app works from (domain.md "Ondermijning indicators"), versioned.

- CHECKLISTS: the indicators an inspector can tick per kind of location. A finding keeps the version it was recorded
  under; codes are never reused, so an old finding reads as it did then.
- DEFAULT_WEIGHTS: version 1 of the risk weighting (the weights live in the RiskPolicy table; this seeds it).
- QUIZ: the awareness quiz, with an explanation per question and a pass mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from regie.ondermijning.models import SiteKind

CHECKLIST_VERSION = 1

INDICATORS: dict[str, str] = {
    "ramen-afgeplakt": "Ramen afgeplakt of geblindeerd",
    "licht-altijd-aan": "Licht dag en nacht aan",
    "nachtelijk-laden": "Laden en lossen 's nachts",
    "geen-activiteit": "Ingeschreven bedrijf zonder zichtbare activiteit",
    "huurderswisseling": "Veel wisselende huurders",
    "veel-cameras": "Opvallend veel camera's",
    "vreemde-geur": "Vreemde geur (anijs, chemisch, hennep)",
    "bewoning-unit": "Mensen wonen in de bedrijfsunit",
    "stroomgebruik": "Afwijkend stroomgebruik of zware kabel",
    "contante-huur": "Schuur contant of een half jaar vooruit verhuurd",
    "dumping": "Vaten of jerrycans gedumpt",
    "leegstand": "Leegstaande schuur of stal in gebruik",
    "druk-op-eigenaar": "Eigenaar onder druk gezet of benaderd",
    "veel-ingeschreven": "Veel personen ingeschreven op het adres",
    "afgeschermd": "Erf of pand opvallend afgeschermd",
}

CHECKLISTS: dict[str, tuple[str, ...]] = {
    SiteKind.BUSINESS_UNIT: (
        "ramen-afgeplakt",
        "licht-altijd-aan",
        "nachtelijk-laden",
        "geen-activiteit",
        "huurderswisseling",
        "veel-cameras",
        "vreemde-geur",
        "bewoning-unit",
        "stroomgebruik",
    ),
    SiteKind.FARM_SHED: (
        "leegstand",
        "contante-huur",
        "dumping",
        "druk-op-eigenaar",
        "vreemde-geur",
        "stroomgebruik",
        "nachtelijk-laden",
        "afgeschermd",
    ),
    SiteKind.DWELLING: ("veel-ingeschreven", "veel-cameras", "afgeschermd", "vreemde-geur", "stroomgebruik"),
}


def checklist(kind: str) -> list[tuple[str, str]]:
    return [(code, INDICATORS[code]) for code in CHECKLISTS.get(kind, ())]


def indicator_label(code: str) -> str:
    return INDICATORS.get(code, code)


# The parts of a risk score that are not an indicator, by code.
SIGNAL = "open-signaal"
FINDING = "vervolg-bevinding"
CASE = "open-casus"
REGISTRATIONS = "veel-inschrijvingen"

# Version 1 of the risk weighting: (code, label, weight); the weights sum to DEFAULT_TOTAL.
DEFAULT_WEIGHTS: tuple[tuple[str, str, int], ...] = (
    (SIGNAL, "Open signaal over de locatie", 15),
    (FINDING, "Bevinding met vervolg bij een controle", 15),
    (CASE, "Lopende casus over de locatie", 10),
    (REGISTRATIONS, "Drie of meer KvK-inschrijvingen op het adres", 5),
    *((code, f"Indicator: {label}", 4) for code, label in INDICATORS.items()),
)
DEFAULT_TOTAL = sum(w for _, _, w in DEFAULT_WEIGHTS)
# A signal or finding counts at most this often in a score; a score is at most 100.
MAX_COUNT = 3
MAX_SCORE = 100


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[str, ...]
    answer: int  # index into options
    explanation: str


QUIZ_VERSION = 1
QUIZ_PASS = 4
QUIZ: tuple[Question, ...] = (
    Question(
        "Een boer vertelt dat iemand zijn lege schuur een half jaar vooruit contant wil huren. Wat doet u?",
        (
            "Niets, contante betaling is toegestaan",
            "Het melden via de meldknop: het is een bekende indicator",
            "De huurder zelf aanspreken",
        ),
        1,
        "Contante of vooruitbetaalde huur van een lege schuur is een bekende indicator voor drugsproductie. "
        "Meld het; spreek niemand zelf aan.",
    ),
    Question(
        "Welke combinatie op een bedrijventerrein is een aanwijzing voor ondermijning?",
        (
            "Afgeplakte ramen, licht dat altijd brandt en 's nachts laden",
            "Een bedrijf met veel personeel overdag",
            "Een nieuw bedrijfspand met zonnepanelen",
        ),
        0,
        "Afgeplakte ramen, licht dag en nacht en nachtelijk laden wijzen samen op een mogelijk drugslab of "
        "hennepkwekerij.",
    ),
    Question(
        "U vindt langs een landweg blauwe vaten die naar anijs ruiken. Wat is het risico?",
        (
            "Geen, het is gewoon afval",
            "Drugsafval: gevaarlijk, niet aanraken en melden",
            "Alleen een boete voor zwerfafval",
        ),
        1,
        "Anijsgeur wijst op afval van synthetische drugs. Het is giftig: raak het niet aan en meld het direct.",
    ),
    Question(
        "Een bedrijf staat ingeschreven maar er is nooit iemand aan het werk. Waarom is dat van belang?",
        (
            "Het kan een dekmantel zijn voor witwassen of andere criminaliteit",
            "Het is niet van belang",
            "Alleen de Kamer van Koophandel moet dat weten",
        ),
        0,
        "Ingeschreven bedrijven zonder activiteit zijn een bekende indicator: ze kunnen dienen om geld wit te "
        "wassen of om panden te huren.",
    ),
    Question(
        "Wie ziet uw melding via 'Ik heb iets gezien'?",
        (
            "Al uw collega's",
            "Alleen wie signalen over ondermijning beoordeelt",
            "Niemand, de melding wordt niet bewaard",
        ),
        1,
        "De melding komt in de triage van het team dat signalen over ondermijning beoordeelt; collega's zien "
        "haar niet.",
    ),
)
