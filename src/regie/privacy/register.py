"""The register of processing activities as Regie ships it: one entry for every activity the action registry names.

`processing_register_ensure` writes a missing entry (after every migrate and flush, through post_migrate, and in the
demo); an entry the privacy officer has since changed is left as it is.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from regie.privacy.models import ProcessingActivity
from regie.processing_log import actions as a

CONTROLLER = "Het college van burgemeester en wethouders van de gemeente"
ART_6E = "AVG art. 6 lid 1 sub e (taak van algemeen belang of openbaar gezag)"
ART_6C = "AVG art. 6 lid 1 sub c (wettelijke verplichting)"

_ENTRIES: list[dict[str, Any]] = [
    {
        "code": "casusregie",
        "name": a.CASUSREGIE,
        "purpose": "Zorg en veiligheid rond één persoon of huishouden afstemmen: een casus met partners aanpakken, "
        "afspraken vastleggen en opvolgen.",
        "legal_basis": ART_6E,
        "special_basis": "Gezondheid: AVG art. 9 lid 2 sub g en h met UAVG art. 30; strafrechtelijke gegevens: "
        "AVG art. 10 met UAVG art. 33 (WGS).",
        "national_law": "Wet gegevensverwerking door samenwerkingsverbanden (WGS); Gemeentewet art. 172; Wmo 2015",
        "data_categories": "Identificerende gegevens (naam, BSN, geboortedatum, adres), casusnotities, "
        "zorggegevens (art. 9), justitiële gegevens (art. 10), documenten",
        "person_categories": "Betrokkenen in een casus, huisgenoten, melders, medewerkers van partners",
        "recipients": "Partners in de casus met een rol (need-to-know per gegevenscategorie)",
        "retention": "Volgens de bewaarregel van het casustype, gerekend vanaf sluiting (Selectielijst 2020)",
        "joint_controllers": "Partners van het Zorg- en Veiligheidshuis als gezamenlijk verwerkingsverantwoordelijken "
        "(WGS, convenant Zorg- en Veiligheidshuis); één aanspreekpunt voor verzoeken van betrokkenen",
    },
    {
        "code": "signalen",
        "name": a.SIGNALEN,
        "purpose": "Meldingen en signalen van inwoners en partners ontvangen, beoordelen en doorzetten.",
        "legal_basis": ART_6E,
        "special_basis": "Alleen als een melding gezondheids- of strafrechtelijke gegevens bevat: AVG art. 9 lid 2 "
        "sub g, art. 10 met UAVG art. 33",
        "national_law": "Gemeentewet art. 172; Algemene wet bestuursrecht",
        "data_categories": "Gegevens van de melder (naam, contactgegevens), omschrijving, betrokken personen "
        "en adressen",
        "person_categories": "Melders, betrokkenen in een melding",
        "recipients": "Behandelende afdeling en de partner aan wie het signaal wordt doorgezet",
        "retention": "5 jaar na afhandeling (Selectielijst 2020: verzoeken en meldingen)",
    },
    {
        "code": "handhaving",
        "name": a.HANDHAVING,
        "purpose": "Bestuursrechtelijke handhaving: toezicht, last onder dwangsom of bestuursdwang, sluiting (Opiumwet "
        "art. 13b, Gemeentewet art. 174a).",
        "legal_basis": ART_6E,
        "special_basis": "Strafrechtelijke gegevens (politierapportages): AVG art. 10 met UAVG art. 33",
        "national_law": "Algemene wet bestuursrecht; Opiumwet art. 13b; Gemeentewet art. 174a; Wet Bibob",
        "data_categories": "Identificerende gegevens, adressen, bevindingen van toezicht, besluiten, zienswijzen",
        "person_categories": "Overtreders, eigenaren, bewoners, gemachtigden",
        "recipients": "Jurist, handhaver, politie en Openbaar Ministerie waar nodig; de rechter in beroep",
        "retention": "10 jaar na afronding (Selectielijst 2020: handhaving)",
    },
    {
        "code": "vakantieparken",
        "name": a.VAKANTIEPARKEN,
        "purpose": "Permanente bewoning van vakantieparken in kaart brengen, bewoners begeleiden en handhaven.",
        "legal_basis": ART_6E,
        "national_law": "Wet ruimtelijke ordening / Omgevingswet; Wet BRP art. 2.7 (adresonderzoek)",
        "data_categories": "Identificerende gegevens, bewoning per kavel, BRP-inschrijvingen, inspectiebevindingen",
        "person_categories": "Bewoners en eigenaren van kavels",
        "recipients": "Projectteam vakantieparken, Provincie (inspecties), BRP-afdeling",
        "retention": "5 jaar na afronding (toezicht); handhaving 10 jaar",
    },
    {
        "code": "registratie",
        "name": a.REGISTRATIE,
        "purpose": "Personen, adressen, locaties en bedrijven eenmaal vastleggen en koppelen aan casussen.",
        "legal_basis": ART_6E,
        "national_law": "Wet BRP; Wet algemene bepalingen burgerservicenummer (gebruik BSN)",
        "data_categories": "Naam, BSN, geboortedatum, adres, contactgegevens, KvK-gegevens",
        "person_categories": "Betrokkenen in casussen en signalen",
        "recipients": "Medewerkers die de casus mogen zien",
        "retention": "Zolang een casus of signaal naar de persoon verwijst",
    },
    {
        "code": "beveiliging",
        "name": a.BEVEILIGING,
        "purpose": "Toegang tot Regie beheren en beveiligen: inloggen, tweede factor, API-tokens, rollen.",
        "legal_basis": ART_6C + "; AVG art. 32 (beveiliging)",
        "national_law": "Baseline Informatiebeveiliging Overheid (BIO)",
        "data_categories": "Gebruikersnaam, rol, organisatie, IP-adres, tijdstippen van inloggen",
        "person_categories": "Medewerkers en medewerkers van partners",
        "recipients": "Functioneel beheerder, privacyfunctionaris",
        "retention": "Inloggegevens 6 maanden (Selectielijst 2020); het verwerkingslog ten minste 5 jaar (NEN 7513)",
    },
    {
        "code": "toezicht",
        "name": a.TOEZICHT,
        "purpose": "Toezicht op de verwerking: het verwerkingslog, noodtoegang beoordelen, verzoeken van betrokkenen "
        "en bewaartermijnen.",
        "legal_basis": ART_6C + "; AVG art. 5 lid 2 (verantwoording), art. 12-22, art. 39",
        "national_law": "Archiefwet 1995 en Selectielijst gemeenten 2020 (vernietiging)",
        "data_categories": "Logregels (wie, wanneer, welke persoon, welk doel), verzoeken van betrokkenen",
        "person_categories": "Betrokkenen, medewerkers",
        "recipients": "Privacyfunctionaris; de betrokkene zelf (inzage)",
        "retention": "Verwerkingslog ten minste 5 jaar, daarna gepseudonimiseerd; vernietigingsverklaringen blijvend",
    },
    {
        "code": "beheer",
        "name": a.BEHEER,
        "purpose": "Beleidstabellen en sjablonen onderhouden (casustypen, routering, mandaten, brieven).",
        "legal_basis": ART_6E,
        "data_categories": "Gebruikersnaam van wie een tabel wijzigde",
        "person_categories": "Medewerkers",
        "recipients": "Functioneel beheerder",
        "retention": "Zolang de versie van de tabel bestaat",
    },
    {
        "code": "pga",
        "name": a.PGA,
        "purpose": "Persoonsgerichte aanpak van personen met een hoog risico op criminaliteit of overlast.",
        "legal_basis": ART_6E,
        "special_basis": "AVG art. 9 lid 2 sub g en art. 10 met UAVG art. 30 en 33 (WGS)",
        "national_law": "WGS; Gemeentewet art. 172",
        "data_categories": "Identificerende gegevens, leefgebieden, justitiële en zorggegevens, plan van aanpak",
        "person_categories": "Personen in de aanpak, hun netwerk",
        "recipients": "Partners van het Zorg- en Veiligheidshuis in de aanpak",
        "retention": "5 jaar na afsluiten van de aanpak",
        "joint_controllers": "Partners van het Zorg- en Veiligheidshuis (WGS, convenant)",
    },
    {
        "code": "overleggen",
        "name": a.OVERLEGGEN,
        "purpose": "Casusoverleggen voorbereiden, voeren en vastleggen, per overlegtype met een eigen doel.",
        "legal_basis": ART_6E,
        "special_basis": "AVG art. 9 lid 2 sub g en art. 10 met UAVG art. 30 en 33 (WGS)",
        "national_law": "WGS",
        "data_categories": "Agenda, deelnemers, besluiten en afspraken over personen",
        "person_categories": "Besproken personen, deelnemers",
        "recipients": "Deelnemers aan het overleg",
        "retention": "5 jaar (verslagen van ambtelijk overleg met derden, Selectielijst 2020)",
        "joint_controllers": "Deelnemende partners (WGS, convenant)",
    },
    {
        "code": "ondermijning",
        "name": a.ONDERMIJNING,
        "purpose": "Signalen van ondermijning bundelen, integrale controles en de Bibob-toets.",
        "legal_basis": ART_6E,
        "special_basis": "Strafrechtelijke gegevens: AVG art. 10 met UAVG art. 33 en Wet Bibob",
        "national_law": "Wet Bibob; WGS (RIEC); Gemeentewet art. 174a",
        "data_categories": "Identificerende gegevens, bedrijfsgegevens, bevindingen, justitiële gegevens",
        "person_categories": "Betrokkenen bij locaties en bedrijven",
        "recipients": "RIEC-partners",
        "retention": "Bibob-onderzoek 5 jaar; handhaving 10 jaar (Selectielijst 2020)",
        "joint_controllers": "RIEC-partners (WGS, RIEC-convenant)",
    },
    {
        "code": "digitaal",
        "name": a.DIGITAAL,
        "purpose": "Inwoners en ondernemers helpen na digitale criminaliteit en doorverwijzen.",
        "legal_basis": ART_6E + "; toestemming voor doorverwijzing (art. 6 lid 1 sub a)",
        "data_categories": "Contactgegevens, omschrijving van het voorval",
        "person_categories": "Slachtoffers, ondernemers",
        "recipients": "Slachtofferhulp Nederland, Fraudehelpdesk (alleen met toestemming)",
        "retention": "5 jaar (verzoeken en meldingen)",
    },
    {
        "code": "monitoring",
        "name": a.MONITORING,
        "purpose": "Monitoring en verantwoording aan het bestuur en de raad, met kleine aantallen afgeschermd.",
        "legal_basis": ART_6E + "; AVG art. 89 (statistiek)",
        "data_categories": "Geaggregeerde aantallen; geen tot personen herleidbare gegevens",
        "person_categories": "Geen (geaggregeerd)",
        "recipients": "Bestuur, gemeenteraad",
        "retention": "Jaarverslagen blijvend (B)",
    },
]


def register_entries() -> list[dict[str, Any]]:
    """The shipped entries: one per activity, with the controller filled in."""
    return [{"controller": CONTROLLER, **entry} for entry in _ENTRIES]


def processing_register_ensure() -> int:
    """Write every shipped entry that is missing (by name); returns how many were written."""
    written = 0
    with transaction.atomic():
        for entry in register_entries():
            _, created = ProcessingActivity.objects.get_or_create(name=entry["name"], defaults=entry)
            written += int(created)
    return written
