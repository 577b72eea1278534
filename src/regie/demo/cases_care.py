"""Demo cases of care and safety and the person-centred approach (fictional)."""

from __future__ import annotations

from regie.demo.case_types import (
    CARE,
    GENERAL,
    GGZ,
    JEUGDBESCHERMING,
    JUSTICE,
    OM,
    POLITIE,
    RECLASSERING,
    VEILIG_THUIS,
    WIJKTEAM,
    WOONSTICHTING,
    CaseData,
)

CARE_CASES: dict[str, CaseData] = {
    "zv-kerkstraat": {
        "type": "zorg-en-veiligheidscasus",
        "title": "Verward gedrag en overlast, Kerkstraat Bemmel",
        "coordinator": "procesregisseur",
        "priority": "hoog",
        "status": "in-behandeling",
        "subjects": [
            ("betrokkene", "person", "dennis-hermsen"),
            ("melder", "person", "joke-willems"),
            ("locatie", "address", "kerkstraat-17-bemmel"),
        ],
        "members": [
            {"organisation": GGZ, "role": "behandelaar GGZ", "categories": [GENERAL, CARE]},
            {"user": "politie", "role": "wijkagent", "categories": [GENERAL, JUSTICE]},
            {"organisation": WIJKTEAM, "role": "wijkteam", "categories": [GENERAL, CARE]},
            {"organisation": WOONSTICHTING, "role": "verhuurder", "categories": [GENERAL], "can_edit": False},
        ],
        "tasks": [
            {
                "title": "Casusoverleg plannen met GGZ, wijkagent en wijkteam",
                "owner": "procesregisseur",
                "working_days": 3,
            },
            {
                "title": "Huisbezoek samen met de wijkagent en terugkoppeling in het casusoverleg",
                "owner": "ggz",
                "working_days": 5,
            },
            {
                "title": "Meldingen van de afgelopen zes maanden op een rij zetten",
                "owner": "politie",
                "working_days": 10,
                "done": True,
            },
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Signaal van de buurvrouw (Kerkstraat 19) en van Woonstichting Lingestroom: sinds de "
                "zomer regelmatig 's nachts geschreeuw en gebonk op de muren, één keer een ingegooide ruit bij "
                "de buren. Dhr. Hermsen heeft volgens de verhuurder een huurachterstand van drie maanden. "
                "Afgesproken dat GGZ en wijkagent samen op huisbezoek gaan; daarna volgt een casusoverleg.",
            },
            {
                "author": "ggz",
                "category": CARE,
                "text": "Dhr. is sinds 2022 bekend bij GGZ Rivierenland Oost; de behandeling is in het voorjaar "
                "gestopt omdat hij niet meer op afspraken kwam. Vermoedelijk neemt hij zijn medicatie niet "
                "meer in. Bij het huisbezoek wantrouwend maar aanspreekbaar; geen acuut gevaar voor zichzelf of "
                "anderen. Hij staat open voor een vervolgafspraak met de SPV. Crisisdienst is op de hoogte.",
            },
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Sinds augustus vijf meldingen van overlast en verward gedrag (E33) op dit adres en één "
                "aangifte van vernieling door de buren. Geen lopend strafrechtelijk onderzoek. De politie "
                "steunt de zorgaanpak; bij een nieuwe vernieling wordt de aangifte doorgezet.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Afspraak uit het casusoverleg: SPV bezoekt dhr. wekelijks, wijkteam helpt met een "
                "betalingsregeling voor de huurachterstand, woningcorporatie schort de ontruimingsprocedure op "
                "zolang de afspraken worden nagekomen.",
            },
        ],
        "documents": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "title": "Verslag casusoverleg Kerkstraat Bemmel",
                "document_type": "verslag",
                "filename": "verslag-casusoverleg-kerkstraat.pdf",
                "lines": [
                    "Verslag casusoverleg - Verward gedrag en overlast, Kerkstraat Bemmel",
                    "Aanwezig: procesregisseur, GGZ (SPV), wijkagent, sociaal wijkteam.",
                    "Afspraken: wekelijks bezoek SPV; betalingsregeling huurachterstand via wijkteam;",
                    "woningcorporatie schort ontruiming op; evaluatie over zes weken.",
                ],
            }
        ],
    },
    "zv-zilverkamp": {
        "type": "zorg-en-veiligheidscasus",
        "title": "Zorgen om vervuilde woning, Zilverkamp Huissen",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "open",
        "subjects": [
            ("betrokkene", "person", "wilhelmina-ter-horst"),
            ("locatie", "address", "zilverkamp-104-huissen"),
        ],
        "members": [
            {"organisation": WIJKTEAM, "role": "wijkteam", "categories": [GENERAL, CARE]},
            {"organisation": WOONSTICHTING, "role": "verhuurder", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Met toestemming van mevrouw contact opnemen met de huisarts",
                "owner": "procesregisseur",
                "working_days": 5,
            },
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Signaal van Woonstichting Lingestroom na een reparatieverzoek: sterke geur in het "
                "portiek, de gang is niet meer begaanbaar en er lopen veel katten in huis. Mevrouw woont alleen; "
                "er is geen familie in beeld.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Het wijkteam kent mevrouw via de huishoudelijke hulp (Wmo), die in het voorjaar op haar "
                "verzoek is gestopt. Signalen van geheugenproblemen: zij vergeet maaltijden en post blijft "
                "ongeopend. Vraag aan de huisarts of casemanagement dementie passend is.",
            },
        ],
    },
    "zv-julianastraat": {
        "type": "zorg-en-veiligheidscasus",
        "title": "Huiselijk geweld en zorg om kind, Julianastraat Gendt",
        "coordinator": "procesregisseur",
        "priority": "hoog",
        "status": "afgeschaald",
        "subjects": [
            ("betrokkene", "person", "kevin-de-graaf"),
            ("betrokkene", "person", "melissa-janssen"),
            ("betrokkene", "person", "jayden-de-graaf"),
            ("locatie", "address", "julianastraat-6-gendt"),
        ],
        "members": [
            {"organisation": VEILIG_THUIS, "role": "Veilig Thuis", "categories": [GENERAL, CARE]},
            {"organisation": JEUGDBESCHERMING, "role": "jeugdbeschermer", "categories": [GENERAL, CARE]},
            {"organisation": WIJKTEAM, "role": "regie na afschaling", "categories": [GENERAL, CARE]},
            {"user": "politie", "role": "wijkagent", "categories": [GENERAL, JUSTICE]},
        ],
        "tasks": [
            {
                "title": "Evaluatie met het wijkteam na drie maanden",
                "owner": "procesregisseur",
                "period": "P3M",
            },
        ],
        "notes": [
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Twee keer ter plaatse geweest voor een ruzie met geweld; na het tweede incident is aan "
                "dhr. De Graaf een tijdelijk huisverbod van tien dagen opgelegd. Sindsdien geen nieuwe "
                "incidenten op dit adres.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Dhr. volgt een agressieregulatietraining, mevrouw heeft gesprekken bij het "
                "maatschappelijk werk. Jayden gaat weer elke dag naar school; de intern begeleider houdt "
                "contact met Veilig Thuis.",
            },
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Afgeschaald naar het sociaal wijkteam: de veiligheid is hersteld en beide ouders werken "
                "mee. Veilig Thuis blijft monitoren tot de evaluatie over drie maanden.",
            },
        ],
    },
    "zv-ressen": {
        "type": "zorg-en-veiligheidscasus",
        "title": "Escalerende burenruzie, Dorpsstraat Ressen",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "gesloten",
        "closed_reason": "Afspraken via buurtbemiddeling werken; drie maanden geen nieuwe meldingen. In overleg "
        "met de wijkagent gesloten.",
        "subjects": [
            ("betrokkene", "person", "arjan-gerritsen"),
            ("betrokkene", "person", "ingrid-van-aken"),
        ],
        "members": [
            {"user": "politie", "role": "wijkagent", "categories": [GENERAL, JUSTICE]},
            {"organisation": WIJKTEAM, "role": "buurtbemiddeling", "categories": [GENERAL, CARE]},
        ],
        "tasks": [
            {
                "title": "Buurtbemiddeling inschakelen",
                "owner": "procesregisseur",
                "working_days": 2,
                "done": True,
            },
        ],
        "notes": [
            {
                "author": "politie",
                "category": GENERAL,
                "text": "Derde melding over de erfgrens en de blaffende hond. Beide partijen zijn bereid tot "
                "buurtbemiddeling; geen strafbare feiten vastgesteld.",
            },
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Buurtbemiddeling heeft twee gesprekken gevoerd. Afspraken over de erfgrens, de hond en "
                "geluid op zondag zijn op papier gezet en door beide buren ondertekend.",
            },
        ],
    },
    # Persoonsgerichte aanpak ------------------------------------------------------------------------------------
    "pga-huissen": {
        "type": "pga-casus",
        "title": "PGA: jongvolwassene met meerdere delicten, Huissen",
        "coordinator": "procesregisseur",
        "priority": "urgent",
        "status": "in-behandeling",
        "subjects": [("betrokkene", "person", "bilal-ouali")],
        "members": [
            {
                "organisation": POLITIE,
                "role": "regisseur veiligheid politie",
                "categories": [GENERAL, JUSTICE],
            },
            {"organisation": RECLASSERING, "role": "reclasseringswerker", "categories": [GENERAL, JUSTICE]},
            {"user": "ggz", "role": "verslavingszorg", "categories": [GENERAL, CARE]},
            {"organisation": OM, "role": "officier van justitie", "categories": [JUSTICE], "can_edit": False},
        ],
        "tasks": [
            {
                "title": "Actuele antecedenten en lopende zaken aanleveren voor het casusoverleg",
                "owner": "politie",
                "working_days": 3,
            },
            {"title": "Intake verslavingszorg plannen", "owner": "ggz", "working_days": 10},
            {
                "title": "Plan van aanpak per leefgebied opstellen",
                "owner": "procesregisseur",
                "period": "P2W",
            },
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Aangemeld voor de persoonsgerichte aanpak na bespreking in de weektriage: problemen op "
                "meerdere leefgebieden (geen werk of opleiding, schulden, dagelijks blowen) en betrokkenheid bij "
                "straatroven in het centrum van Huissen. Betrokkene is over de aanmelding geïnformeerd.",
            },
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Verdachte in twee zaken (straatroof, bedreiging); één zaak is via ZSM afgedaan met een "
                "taakstraf. Wordt regelmatig gezien met jongeren die in beeld zijn bij drugsrunnen.",
            },
            {
                "author": "ggz",
                "category": CARE,
                "text": "Kennismakingsgesprek: dagelijks cannabisgebruik sinds zijn vijftiende, geen eerdere "
                "behandeling. Gemotiveerd voor ambulante begeleiding als er ook iets aan zijn schulden gebeurt.",
            },
        ],
    },
    "pga-bemmel": {
        "type": "pga-casus",
        "title": "PGA: terugkeer na detentie, Bemmel",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "open",
        "subjects": [("betrokkene", "person", "danny-verbeek")],
        "members": [
            {"organisation": RECLASSERING, "role": "reclasseringswerker", "categories": [GENERAL, JUSTICE]},
            {"organisation": WOONSTICHTING, "role": "woningcorporatie", "categories": [GENERAL]},
            {"organisation": WIJKTEAM, "role": "wijkteam", "categories": [GENERAL, CARE]},
            {"user": "politie", "role": "wijkagent", "categories": [GENERAL, JUSTICE]},
        ],
        "tasks": [
            {
                "title": "Huisvesting, ID-bewijs en uitkering regelen vóór de invrijheidstelling",
                "owner": "procesregisseur",
                "working_days": 15,
            },
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Melding van de reclassering (nazorg ex-gedetineerden): dhr. Verbeek komt over zes weken "
                "vrij en wil terug naar Bemmel. Hij heeft geen woning, geen geldig ID-bewijs en schulden.",
            },
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Veroordeeld voor een reeks woninginbraken in de regio. Bijzondere voorwaarden: "
                "meldplicht bij de reclassering en een contactverbod met de medeverdachte.",
            },
        ],
    },
    "pga-doornenburg": {
        "type": "pga-casus",
        "title": "PGA: verslaving en schulden, Doornenburg",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "gesloten",
        "closed_reason": "Betrokkene is verhuisd naar Nijmegen; warme overdracht aan het Zorg- en "
        "Veiligheidshuis Gelderland-Zuid, met zijn toestemming.",
        "subjects": [("betrokkene", "person", "rob-thijssen")],
        "members": [
            {"user": "ggz", "role": "verslavingszorg", "categories": [GENERAL, CARE]},
            {"organisation": WIJKTEAM, "role": "schuldhulpverlening", "categories": [GENERAL, CARE]},
        ],
        "tasks": [
            {
                "title": "Overdracht aan het Zorg- en Veiligheidshuis voorbereiden",
                "owner": "procesregisseur",
                "working_days": 5,
                "done": True,
            },
        ],
        "notes": [
            {
                "author": "ggz",
                "category": CARE,
                "text": "Klinische opname afgerond; de nazorg loopt via het ambulante team. Terugval-"
                "preventieplan besproken met betrokkene en zijn zus.",
            },
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Betrokkene verhuist naar Nijmegen. Hij stemt in met een warme overdracht aan het Zorg- "
                "en Veiligheidshuis Gelderland-Zuid.",
            },
        ],
    },
    # Handhaving permanente bewoning (Recreatiepark Rhederlaagse Meren) -----------------------------------------
}
