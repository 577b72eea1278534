"""Demo cases of enforcement: holiday park, art. 13b Opiumwet, BRP address investigations (fictional)."""

from __future__ import annotations

from regie.demo.case_types import CARE, GENERAL, JUSTICE, POLITIE, PROVINCIE, WOONSTICHTING, CaseData

ENFORCEMENT_CASES: dict[str, CaseData] = {
    "hh-kavel-14": {
        "type": "handhaving-permanente-bewoning",
        "title": "Permanente bewoning Marsweg 14 (kavel 14)",
        "coordinator": "handhaver",
        "priority": "hoog",
        "status": "in-behandeling",
        "subjects": [
            ("bewoner", "person", "tomasz-nowak"),
            ("bewoner", "person", "agnieszka-nowak"),
            ("eigenaar", "business", "rhederlaag-beheer"),
            ("locatie", "location", "kavel-14"),
        ],
        "members": [
            {"user": "projectleider", "role": "projectleider vakantiepark", "categories": [GENERAL]},
            {"user": "jurist", "role": "jurist handhaving", "categories": [GENERAL]},
            {"organisation": PROVINCIE, "role": "toezichthouder provincie", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Uitzonderingen nagaan (persoonsgebonden beschikking, gedoogbeschikking)",
                "owner": "handhaver",
                "working_days": 5,
                "done": True,
            },
            {"title": "Voornemen last onder dwangsom opstellen", "owner": "jurist", "working_days": 10},
        ],
        "notes": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "text": "Gezamenlijke controle met de provincie. Met toestemming van de bewoners binnengegaan: "
                "volledig ingerichte woning met twee slaapkamers, kinderkleding en werkschoenen. Twee auto's op "
                "de kavel; buren verklaren dat het gezin er ook 's winters woont. Energieverbruik opgevraagd "
                "bij de parkbeheerder.",
            },
            {
                "author": "projectleider",
                "category": GENERAL,
                "text": "Gezin gewezen op het wijkteam en op het uitzendbureau voor andere huisvesting. Het "
                "BRP-adresonderzoek loopt apart via burgerzaken; de uitkomst daarvan bepaalt niets in deze "
                "handhavingszaak.",
            },
        ],
        "documents": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "title": "Rapport van bevindingen controle kavel 14",
                "document_type": "rapport van bevindingen",
                "filename": "rapport-van-bevindingen-kavel-14.pdf",
                "lines": [
                    "Rapport van bevindingen - Recreatiepark Rhederlaagse Meren, kavel 14",
                    "Controle samen met de provincie; binnengetreden met toestemming van de bewoners.",
                    "Bevindingen: woning volledig ingericht, twee slaapkamers in gebruik,",
                    "post op naam van de bewoners, twee auto's op de kavel.",
                    "Conclusie: vermoeden van permanente bewoning.",
                ],
            }
        ],
    },
    "hh-kavel-27": {
        "type": "handhaving-permanente-bewoning",
        "title": "Permanente bewoning Marsweg 27 (kavel 27)",
        "coordinator": "handhaver",
        "priority": "normaal",
        "status": "open",
        "subjects": [
            ("bewoner", "person", "henk-bouwman"),
            ("locatie", "location", "kavel-27"),
        ],
        "members": [
            {"user": "projectleider", "role": "projectleider vakantiepark", "categories": [GENERAL]},
            {"user": "jurist", "role": "jurist handhaving", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Archief nakijken op een persoonsgebonden beschikking van vóór 31 oktober 2003",
                "owner": "handhaver",
                "working_days": 10,
            },
        ],
        "notes": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "text": "Dhr. Bouwman staat sinds 1999 op het park ingeschreven en zegt een persoonsgebonden "
                "beschikking te hebben; hij kon die bij de controle niet laten zien. Eerst het archief "
                "nakijken. Zonder geldige beschikking volgt een voornemen.",
            },
        ],
    },
    "hh-kavel-52": {
        "type": "handhaving-permanente-bewoning",
        "title": "Permanente bewoning Marsweg 52 (kavel 52): last onder dwangsom",
        "coordinator": "jurist",
        "priority": "normaal",
        "status": "in-behandeling",
        "subjects": [
            ("bewoner", "person", "ricardo-pinas"),
            ("bewoner", "person", "sharon-wijngaarde"),
            ("eigenaar", "business", "rhederlaag-beheer"),
            ("locatie", "location", "kavel-52"),
        ],
        "members": [
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
            {"user": "projectleider", "role": "projectleider vakantiepark", "categories": [GENERAL]},
            {"organisation": PROVINCIE, "role": "toezichthouder provincie", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Zienswijze van de bewoners beoordelen en het besluit voorbereiden",
                "owner": "jurist",
                "working_days": 10,
            },
            {
                "title": "Hercontrole na afloop van de begunstigingstermijn inplannen",
                "owner": "handhaver",
                "period": "P3M",
            },
        ],
        "notes": [
            {
                "author": "jurist",
                "category": GENERAL,
                "text": "Voornemen last onder dwangsom verzonden aan beide bewoners en aan de eigenaar. Zienswijze "
                "van de bewoners ontvangen: zij vragen om een langere begunstigingstermijn. Ik weeg dit mee in "
                "het besluit.",
            },
            {
                "author": "jurist",
                "category": CARE,
                "text": "Volgens de zienswijze is mevrouw Wijngaarde na een operatie tijdelijk slecht ter been; "
                "een verklaring van de huisarts is meegestuurd. Alleen voor de afweging van de termijn, niet "
                "verder delen.",
            },
        ],
        "documents": [
            {
                "author": "jurist",
                "category": GENERAL,
                "title": "Voornemen last onder dwangsom kavel 52",
                "document_type": "brief",
                "filename": "voornemen-last-onder-dwangsom-kavel-52.pdf",
                "lines": [
                    "Voornemen tot het opleggen van een last onder dwangsom",
                    "Recreatiepark Rhederlaagse Meren, Marsweg 52 (kavel 52)",
                    "U gebruikt de recreatiewoning als hoofdverblijf. Dat is in strijd met het",
                    "omgevingsplan. Wij zijn van plan u een last onder dwangsom op te leggen.",
                    "U kunt binnen twee weken uw zienswijze geven.",
                ],
            }
        ],
    },
    "hh-kavel-63": {
        "type": "handhaving-permanente-bewoning",
        "title": "Permanente bewoning Marsweg 63 (kavel 63)",
        "coordinator": "handhaver",
        "priority": "laag",
        "status": "gesloten",
        "closed_reason": "Overtreding beëindigd: de bewoner is verhuisd naar een reguliere woning en de "
        "hercontrole bevestigt dat de recreatiewoning niet meer permanent wordt bewoond.",
        "subjects": [
            ("bewoner", "person", "gerrit-van-der-meer"),
            ("eigenaar", "business", "rhederlaag-beheer"),
            ("locatie", "location", "kavel-63"),
        ],
        "members": [
            {"user": "projectleider", "role": "projectleider vakantiepark", "categories": [GENERAL]},
            {"user": "jurist", "role": "jurist handhaving", "categories": [GENERAL]},
        ],
        "tasks": [
            {"title": "Hercontrole kavel 63", "owner": "handhaver", "working_days": 3, "done": True},
        ],
        "notes": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "text": "Hercontrole: kavel leeg, geen inboedel meer aanwezig. Dhr. Van der Meer woont nu aan de "
                "Rijndijk in Huissen. Overtreding beëindigd; geen dwangsom verbeurd.",
            },
        ],
    },
    # Artikel 13b Opiumwet ----------------------------------------------------------------------------------------
    "13b-karstraat": {
        "type": "opiumwet-13b",
        "title": "13b Opiumwet: hennepkwekerij in woning Karstraat Huissen",
        "coordinator": "jurist",
        "priority": "urgent",
        "status": "in-behandeling",
        "subjects": [
            ("bewoner", "person", "naima-el-haddaoui"),
            ("bewoner", "person", "bilal-ouali"),
            ("bewoner", "person", "ilias-ouali"),
            ("locatie", "address", "karstraat-9-huissen"),
        ],
        "members": [
            {"organisation": POLITIE, "role": "bestuurlijke rapportage", "categories": [GENERAL, JUSTICE]},
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
            {"organisation": WOONSTICHTING, "role": "eigenaar en verhuurder", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Aanvullende bestuurlijke rapportage over eerdere meldingen",
                "owner": "politie",
                "working_days": 5,
            },
            {
                "title": "Proportionaliteit toetsen: minderjarig kind in de woning",
                "owner": "jurist",
                "working_days": 5,
            },
            {"title": "Voornemen tot sluiting opstellen", "owner": "jurist", "working_days": 10},
        ],
        "notes": [
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Bij doorzoeking op zolder een hennepkwekerij aangetroffen: 96 planten in de bloei, vier "
                "assimilatielampen en een illegale aansluiting op het elektriciteitsnet (netbeheerder "
                "ingeschakeld). De hoofdbewoner verklaart van niets te weten; de zoon (19) is aangehouden. "
                "Bestuurlijke rapportage is bijgevoegd.",
            },
            {
                "author": "jurist",
                "category": GENERAL,
                "text": "Eerste overtreding, woning, productiemiddelen: volgens de beleidsmatrix een sluiting "
                "van drie maanden. In het gezin woont een kind van 12 en mevrouw huurt hier al twintig jaar "
                "zonder eerdere meldingen. Proportionaliteit bespreken met de woningcorporatie en de "
                "procesregisseur voordat het voornemen uitgaat.",
            },
        ],
        "documents": [
            {
                "author": "politie",
                "category": JUSTICE,
                "title": "Bestuurlijke rapportage politie Karstraat 9",
                "document_type": "bestuurlijke rapportage",
                "filename": "bestuurlijke-rapportage-karstraat-9.pdf",
                "lines": [
                    "Bestuurlijke rapportage - Karstraat 9, Huissen",
                    "Aangetroffen: 96 hennepplanten, 4 assimilatielampen, illegale stroomaansluiting.",
                    "Bewoners: hoofdhuurder, zoon (19), zoon (12).",
                    "Antecedenten op het adres: geen.",
                ],
            }
        ],
    },
    "13b-gendt": {
        "type": "opiumwet-13b",
        "title": "13b Opiumwet: handel vanuit woning Julianastraat Gendt",
        "coordinator": "jurist",
        "priority": "normaal",
        "status": "gesloten",
        "closed_reason": "Waarschuwing verzonden (eerste overtreding, softdrugs); bij herhaling binnen de "
        "recidivetermijn volgt een sluiting.",
        "subjects": [
            ("bewoner", "person", "kevin-de-graaf"),
            ("locatie", "address", "julianastraat-6-gendt"),
        ],
        "members": [
            {"organisation": POLITIE, "role": "bestuurlijke rapportage", "categories": [GENERAL, JUSTICE]},
        ],
        "tasks": [
            {"title": "Waarschuwingsbrief versturen", "owner": "jurist", "working_days": 5, "done": True},
        ],
        "notes": [
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Bij doorzoeking 38 gram hennep, verdeeld over zakjes, en € 1.250 contant aangetroffen. "
                "Eerste keer dat op dit adres drugs zijn aangetroffen.",
            },
            {
                "author": "jurist",
                "category": GENERAL,
                "text": "Eerste overtreding met softdrugs en een lopende zorgaanpak in het gezin: volgens de "
                "beleidsmatrix een waarschuwing in plaats van een sluiting.",
            },
        ],
    },
    # BRP-adresonderzoek ---------------------------------------------------------------------------------------
    "brp-nowak": {
        "type": "brp-adresonderzoek",
        "title": "Adresonderzoek gezin Nowak (Langestraat 88 / Marsweg 14)",
        "coordinator": "brp",
        "priority": "normaal",
        "status": "in-behandeling",
        "subjects": [
            ("betrokkene", "person", "tomasz-nowak"),
            ("betrokkene", "person", "agnieszka-nowak"),
            ("locatie", "address", "langestraat-88-huissen"),
            ("locatie", "location", "kavel-14"),
        ],
        "members": [
            {"user": "projectleider", "role": "contactpersoon vakantiepark", "categories": [GENERAL]},
        ],
        "tasks": [
            {"title": "Huisbezoek door de BRP-controleur op Marsweg 14", "owner": "brp", "working_days": 10},
            {
                "title": "Betrokkenen informeren over de voorgenomen ambtshalve inschrijving",
                "owner": "brp",
                "working_days": 20,
            },
        ],
        "notes": [
            {
                "author": "brp",
                "category": GENERAL,
                "text": "Adresonderzoek gestart na een signaal uit de parkcontrole. Betrokkenen staan ingeschreven "
                "op Langestraat 88; volgens de verhuurder verblijft niemand van het gezin daar. Gegevens "
                "gemarkeerd als 'in onderzoek' en brief verstuurd. Let op: de uitkomst staat los van de "
                "handhaving op kavel 14; inschrijving op het park legaliseert de bewoning niet.",
            },
        ],
    },
    "brp-langestraat": {
        "type": "brp-adresonderzoek",
        "title": "Adresonderzoek Langestraat 88 Huissen: elf inschrijvingen",
        "coordinator": "brp",
        "priority": "normaal",
        "status": "open",
        "subjects": [
            ("locatie", "address", "langestraat-88-huissen"),
            ("betrokkene", "person", "piotr-kowalski"),
            ("betrokkene", "person", "marek-wisniewski"),
            ("betrokkene", "person", "andrei-popescu"),
        ],
        "members": [],
        "tasks": [
            {
                "title": "Huurcontracten en bewonerslijst opvragen bij de verhuurder",
                "owner": "brp",
                "working_days": 5,
            },
        ],
        "notes": [
            {
                "author": "brp",
                "category": GENERAL,
                "text": "Signaal uit de BRP-kwaliteitscontrole: elf personen ingeschreven op een tussenwoning met "
                "drie slaapkamers. Navraag bij de verhuurder en het uitzendbureau loopt.",
            },
        ],
    },
    "brp-angeren": {
        "type": "brp-adresonderzoek",
        "title": "Adresonderzoek Rijndijk 112 Angeren",
        "coordinator": "brp",
        "priority": "laag",
        "status": "gesloten",
        "closed_reason": "Betrokkene heeft haar verhuizing naar Arnhem zelf doorgegeven; onderzoeksmarkering "
        "verwijderd en melder geïnformeerd.",
        "subjects": [
            ("betrokkene", "person", "priscilla-kromodimedjo"),
            ("melder", "person", "stefan-van-dijk"),
            ("locatie", "address", "rijndijk-112-angeren"),
        ],
        "members": [],
        "tasks": [
            {
                "title": "Brief aan betrokkene over het adresonderzoek",
                "owner": "brp",
                "working_days": 3,
                "done": True,
            },
        ],
        "notes": [
            {
                "author": "brp",
                "category": GENERAL,
                "text": "De huidige bewoner meldt dat mevrouw Kromodimedjo al maanden niet meer op dit adres "
                "woont en dat er post voor haar blijft komen. Brief verstuurd; mevrouw heeft binnen de termijn "
                "haar verhuizing naar Arnhem doorgegeven.",
            },
        ],
    },
    # Ondermijning --------------------------------------------------------------------------------------------
}
