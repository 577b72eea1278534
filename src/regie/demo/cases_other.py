"""Demo cases of ondermijning and digital-crime aftercare (fictional)."""

from __future__ import annotations

from regie.demo.case_types import CARE, GENERAL, JUSTICE, OM, POLITIE, PROVINCIE, SLACHTOFFERHULP, CaseData

OTHER_CASES: dict[str, CaseData] = {
    "om-bergerden": {
        "type": "ondermijningsonderzoek",
        "title": "Signalen bedrijfsunit Tuinbouwweg 14 (Bergerden)",
        "coordinator": "projectleider",
        "priority": "hoog",
        "status": "in-behandeling",
        "subjects": [
            ("gebruiker", "business", "groenkas"),
            ("locatie", "location", "unit-bergerden"),
            ("betrokkene", "person", "ramon-de-bruijn"),
            ("gebruiker", "person", "emre-yildiz"),
        ],
        "members": [
            {
                "organisation": POLITIE,
                "role": "politie (RIEC-casusoverleg)",
                "categories": [GENERAL, JUSTICE],
            },
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
            {"organisation": OM, "role": "officier van justitie", "categories": [JUSTICE], "can_edit": False},
        ],
        "tasks": [
            {
                "title": "Gegevens huurder en verhuurder opvragen (KvK, Kadaster)",
                "owner": "projectleider",
                "working_days": 5,
            },
            {
                "title": "Integrale controle voorbereiden met brandweer en omgevingsdienst",
                "owner": "handhaver",
                "working_days": 10,
            },
        ],
        "notes": [
            {
                "author": "projectleider",
                "category": GENERAL,
                "text": "Meerdere signalen via de ondernemersvereniging: ramen afgeplakt, 's nachts licht en "
                "laden en lossen tussen twee en vier uur, unit in januari voor een jaar contant vooruit gehuurd. "
                "De huurder staat pas acht maanden in het Handelsregister; geen zichtbare bedrijfsactiviteit.",
            },
            {
                "author": "handhaver",
                "category": GENERAL,
                "text": "Buitencontrole: camera's aan alle gevels, sterke anijsgeur bij de achterdeur. Door een "
                "kier zijn een matras en een kookplaat zichtbaar; mogelijk wordt in de unit gewoond.",
            },
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Het kenteken van een bestelbus die hier 's nachts laadt, komt voor in een lopend "
                "onderzoek naar synthetische drugs. Inhoud alleen bespreken in het RIEC-casusoverleg.",
            },
        ],
        "documents": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "title": "Foto gevel bedrijfsunit 4 (afgeplakte ramen)",
                "document_type": "foto",
                "filename": "gevel-unit-4-bergerden.png",
                "lines": ["Gevel bedrijfsunit 4, Bergerden"],
            }
        ],
    },
    "om-schuur-gendt": {
        "type": "ondermijningsonderzoek",
        "title": "Schuur buitengebied Waaldijk Gendt: contante huur en vaten",
        "coordinator": "projectleider",
        "priority": "normaal",
        "status": "open",
        "subjects": [
            ("locatie", "location", "schuur-waaldijk"),
            ("eigenaar", "person", "theo-arts"),
            ("gebruiker", "person", "marco-van-den-heuvel"),
        ],
        "members": [
            {"user": "politie", "role": "wijkagent buitengebied", "categories": [GENERAL, JUSTICE]},
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Extra surveillance rond de schuur in de avonduren",
                "owner": "politie",
                "working_days": 10,
            },
            {
                "title": "Gesprek met de eigenaar over de huurovereenkomst",
                "owner": "projectleider",
                "working_days": 5,
            },
        ],
        "notes": [
            {
                "author": "projectleider",
                "category": GENERAL,
                "text": "Anonieme melding doorgezet: in de schuur achter Waaldijk 88 zouden vaten en jerrycans "
                "staan. De eigenaar verhuurt de schuur sinds kort contant aan een voor hem onbekende man. Dhr. "
                "Arts zegt niet te weten wat er wordt opgeslagen en werkt mee.",
            },
        ],
    },
    "om-park": {
        "type": "ondermijningsonderzoek",
        "title": "Integrale aanpak Recreatiepark Rhederlaagse Meren",
        "coordinator": "projectleider",
        "priority": "hoog",
        "status": "in-behandeling",
        "subjects": [
            ("locatie", "location", "park"),
            ("eigenaar", "business", "rhederlaag-beheer"),
        ],
        "members": [
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
            {"user": "jurist", "role": "jurist handhaving", "categories": [GENERAL]},
            {"user": "brp", "role": "burgerzaken (BRP)", "categories": [GENERAL]},
            {"user": "procesregisseur", "role": "sociale doorverwijzing", "categories": [GENERAL, CARE]},
            {
                "organisation": PROVINCIE,
                "role": "provincie (gezamenlijke controles)",
                "categories": [GENERAL],
            },
            {"organisation": POLITIE, "role": "politie", "categories": [GENERAL, JUSTICE]},
        ],
        "tasks": [
            {
                "title": "Voortgangsrapportage aanpak vakantiepark voor het college",
                "owner": "projectleider",
                "period": "P1M",
            },
            {
                "title": "Volgende gezamenlijke controleronde met de provincie plannen",
                "owner": "handhaver",
                "working_days": 15,
            },
        ],
        "notes": [
            {
                "author": "projectleider",
                "category": GENERAL,
                "text": "Stand van zaken: 38 van de 214 kavels verdacht van permanente bewoning, twaalf dossiers "
                "in handhaving, vier BRP-adresonderzoeken. De parkbeheerder deelt het energieverbruik per kavel "
                "voor de controles.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Uit de controles zijn drie huishoudens met zorgen (schulden, psychische klachten, "
                "eenzaamheid) doorverwezen naar het sociaal wijkteam. Terugkoppeling volgt in het "
                "parkoverleg.",
            },
        ],
    },
    # Digitale veiligheid ---------------------------------------------------------------------------------------
    "dv-whatsapp": {
        "type": "nazorg-digitaal-slachtoffer",
        "title": "Nazorg na WhatsApp-fraude, Julianastraat Bemmel",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "in-behandeling",
        "subjects": [
            ("betrokkene", "person", "corrie-van-den-broek"),
            ("melder", "person", "monique-van-den-broek"),
        ],
        "members": [
            {"organisation": SLACHTOFFERHULP, "role": "slachtofferhulp", "categories": [GENERAL, CARE]},
            {"user": "politie", "role": "aangifte", "categories": [GENERAL]},
        ],
        "tasks": [
            {"title": "Nabellen: hoe gaat het met mevrouw?", "owner": "procesregisseur", "period": "P2W"},
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Dochter meldt dat haar moeder via WhatsApp een bericht kreeg van 'haar zoon met een "
                "nieuw nummer' en € 2.400 heeft overgemaakt. De bank is direct gebeld en de rekening "
                "geblokkeerd; online aangifte gedaan.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Mevrouw schaamt zich, slaapt slecht en neemt de telefoon niet meer op als ze het nummer "
                "niet kent. Slachtofferhulp neemt contact op. Benadrukt: het is niet haar schuld.",
            },
        ],
    },
    "dv-ransomware": {
        "type": "nazorg-digitaal-slachtoffer",
        "title": "Nazorg na ransomware bij Installatiebedrijf Wolters",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "afgeschaald",
        "subjects": [
            ("betrokkene", "business", "wolters-installatie"),
            ("betrokkene", "person", "erik-wolters"),
        ],
        "members": [
            {"organisation": POLITIE, "role": "team digitale criminaliteit", "categories": [GENERAL]},
        ],
        "tasks": [
            {"title": "Nabellen over drie maanden", "owner": "procesregisseur", "period": "P3M"},
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Op maandagochtend waren alle bestanden versleuteld. Niet betaald, systemen losgekoppeld, "
                "logbestanden bewaard. Aangifte gedaan; doorverwezen naar het Digital Trust Center.",
            },
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Afgeschaald: back-ups teruggezet, de ondernemer doet de basisscan van het Digital Trust "
                "Center. Alleen nog nabellen over drie maanden.",
            },
        ],
    },
}
