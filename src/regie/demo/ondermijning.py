"""The demo of the ondermijning approach (issue 17): two estates (Pannenhuis certified, Bergerden starting its
KVO-B), the rural area of Gendt and Doornenburg with farm sheds, two integral inspection days with findings of
the partners (two became signals), trainings over two years for every department and quiz results.

Everything goes through the services, as a user would. Idempotent: nothing happens when the first estate exists.
The project leader (`projectleider`) is the single point of contact of the approach.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from regie.access.case_access import access_to
from regie.accounts.models import Municipality, Organisation, OrganisationKind, User
from regie.accounts.services import organisation_create
from regie.cases.models import Case, CaseType
from regie.cases.services.case import SubjectRef, case_subject_add
from regie.cases.services.team import case_member_add
from regie.demo.procedures import _doc, _weekday
from regie.intake.models import Signal
from regie.intake.services.decisions import signal_start_case
from regie.ondermijning import catalogue
from regie.ondermijning.models import Area, AreaContact, AreaLocation, Finding
from regie.ondermijning.services.areas import area_create, area_location_add
from regie.ondermijning.services.awareness import quiz_submit, staff_report, training_record
from regie.ondermijning.services.contacts import contact_save
from regie.ondermijning.services.inspections import (
    finding_record,
    finding_start_signal,
    integral_inspection_plan,
)
from regie.ondermijning.services.kvo import kvo_certify, kvo_start, kvo_step_record
from regie.ondermijning.services.kvo_plan import kvo_document_add, kvo_measure_save
from regie.ondermijning.services.risks import location_risks_compute
from regie.procedures.models import Procedure
from regie.procedures.services.engine import procedure_start
from regie.subjects.models import Business, Location

FIRST = "Bedrijventerrein Pannenhuis"
PARTNERS = [
    ("Brandweer Gelderland-Midden", "brandweer"),
    ("Omgevingsdienst Regio Arnhem", "omgevingsdienst"),
    ("Belastingdienst, team Toezicht Oost", "overig"),
    ("Nederlandse Arbeidsinspectie", "overig"),
]


def _square(lon: float, lat: float, w: float, h: float) -> dict[str, Any]:
    ring = [[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]]
    return {"type": "Polygon", "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]}


def _partners(municipality: Municipality) -> dict[str, Organisation]:
    found = {}
    for name, partner_type in PARTNERS:
        found[name] = Organisation.objects.filter(
            municipality=municipality, name=name
        ).first() or organisation_create(
            actor=None,
            municipality=municipality,
            name=name,
            kind=OrganisationKind.PARTNER,
            partner_type=partner_type,
        )
    found["politie"] = Organisation.objects.get(municipality=municipality, partner_type="politie")
    return found


def _units(
    leader: User, area: Area, lon: float, lat: float, names: list[str], kind: str
) -> list[AreaLocation]:
    return [
        area_location_add(
            actor=leader,
            area=area,
            name=name,
            kind=kind,
            geometry=_square(lon + (i % 4) * 0.0022, lat + (i // 4) * 0.0014, 0.0016, 0.0009),
        )
        for i, name in enumerate(names)
    ]


def _kvo(leader: User, pannenhuis: Area, bergerden: Area) -> None:
    certified = kvo_start(actor=leader, area=pannenhuis, started_on=date(2023, 2, 1))
    steps = [
        ("intentie", date(2023, 2, 1), "Intentieverklaring gemeente, politie, brandweer en OVP Pannenhuis"),
        ("werkgroep", date(2023, 3, 14), "Werkgroep met parkmanagement en ondernemersvereniging"),
        ("nulmeting", date(2023, 5, 9), "Enquête onder 86 ondernemers"),
        ("veiligheidsanalyse", date(2023, 7, 4), "Rapport veiligheidsanalyse (versie 1.2)"),
        ("schouw-dag", date(2026, 4, 16), "Schouw overdag: verlichting, hekwerk, leegstand"),
        ("schouw-donker", date(2026, 1, 20), "Donkerschouw met politie"),
        ("maatregelenplan", date(2023, 11, 28), "Maatregelenplan: camera's toegangswegen, bewegwijzering"),
        ("convenant", date(2024, 1, 30), "Convenant KVO-B ondertekend"),
        ("audit", date(2024, 4, 22), "Audit door de certificerende instelling: geen tekortkomingen"),
    ]
    for step, day, note in steps:
        kvo_step_record(actor=leader, trajectory=certified, step=step, done_on=day, note=note)
    kvo_certify(actor=leader, trajectory=certified, certified_on=date(2024, 5, 14))
    starting = kvo_start(actor=leader, area=bergerden, started_on=date(2026, 9, 15))
    kvo_step_record(actor=leader, trajectory=starting, step="intentie", done_on=date(2026, 9, 15))
    kvo_step_record(actor=leader, trajectory=starting, step="werkgroep", done_on=date(2026, 11, 3))


def _inspections(
    users: dict[str, User], partners: dict[str, Organisation], rural: Area, bergerden: Area
) -> None:
    leader, inspector, police = users["projectleider"], users["handhaver"], users["politie"]
    rng = random.Random(17)
    day_rural = integral_inspection_plan(
        actor=leader,
        area=rural,
        planned_on=date(2026, 3, 12),
        partners=[
            partners["politie"],
            partners["Omgevingsdienst Regio Arnhem"],
            partners["Belastingdienst, team Toezicht Oost"],
        ],
        size=4,
        random_share=50,
        note="Integrale controle buitengebied met RIEC-partners",
        rng=rng,
    )
    items = {i.site.location.name: i for i in day_rural.sites.select_related("site__location")}
    shed = items.get("Schuur achter Waaldijk 88, Gendt") or next(iter(items.values()))
    found = finding_record(
        actor=police,
        inspection_site=shed,
        indicators=["contante-huur", "stroomgebruik", "vreemde-geur"],
        text="Schuur een half jaar vooruit contant verhuurd; zware kabel naar binnen, anijsgeur bij de deur.",
        follow_up_needed=True,
    )
    finding_start_signal(actor=police, finding=found)
    for item in list(items.values())[:3]:
        if item != shed:
            finding_record(
                actor=inspector,
                inspection_site=item,
                indicators=[],
                text="Geen bijzonderheden.",
                follow_up_needed=False,
            )
    location_risks_compute()
    day_estate = integral_inspection_plan(
        actor=inspector,
        area=bergerden,
        planned_on=date(2026, 10, 8),
        partners=[
            partners["politie"],
            partners["Brandweer Gelderland-Midden"],
            partners["Nederlandse Arbeidsinspectie"],
        ],
        size=5,
        random_share=40,
        note="Integrale controle bedrijventerrein, start KVO-B",
        rng=rng,
    )
    for n, item in enumerate(day_estate.sites.select_related("site__location")):
        if item.site.location.name.startswith("Bedrijfsunit 4"):
            finding = finding_record(
                actor=inspector,
                inspection_site=item,
                indicators=["ramen-afgeplakt", "licht-altijd-aan", "bewoning-unit"],
                text="Ramen afgeplakt; zes matrassen in de unit; licht brandt 's nachts.",
                follow_up_needed=True,
            )
            finding_start_signal(actor=inspector, finding=finding)
        elif n < 3:
            finding_record(
                actor=police,
                inspection_site=item,
                indicators=["veel-cameras"] if n == 1 else [],
                text="Gecontroleerd; niets bijzonders.",
                follow_up_needed=False,
            )


def _awareness(users: dict[str, User], municipality: Municipality) -> None:
    leader = users["projectleider"]
    departments = Organisation.objects.filter(municipality=municipality, kind=OrganisationKind.DEPARTMENT)
    for n, department in enumerate(departments.order_by("name")):
        staff = list(User.objects.filter(organisation=department, is_active=True))
        for held_on in (
            date(2025, 2, 4) + timedelta(days=21 * n),
            date(2026, 3, 10) + timedelta(days=14 * n),
        ):
            attendees = staff if n % 3 or held_on.year == 2026 else staff[:0]
            training_record(
                actor=leader,
                held_on=held_on,
                trainer="RIEC Oost-Nederland",
                department=department,
                attendees=attendees,
            )
    right = {n: q.answer for n, q in enumerate(catalogue.QUIZ)}
    for username in ("projectleider", "handhaver", "jurist", "brp", "procesregisseur"):
        answers = dict(right) if username != "brp" else {**right, 0: 0, 2: 0}
        quiz_submit(actor=users[username], answers=answers)


def seed_ondermijning() -> list[str]:
    report = _seed_areas()
    with transaction.atomic():
        report += _seed_follow_up()
    return report


def _seed_areas() -> list[str]:
    if Area.objects.filter(name=FIRST).exists():
        return []
    municipality = Municipality.objects.get(code="1705")
    users = {u.username: u for u in User.objects.filter(organisation__municipality=municipality)}
    leader = users["projectleider"]
    with transaction.atomic():
        partners = _partners(municipality)
        pannenhuis = area_create(
            actor=leader,
            name=FIRST,
            kind="bedrijventerrein",
            geometry=_square(5.925, 51.943, 0.012, 0.006),
            contacts="Parkmanagement Pannenhuis (OVP), 026 325 1400\nOndernemersvereniging Huissen",
        )
        bergerden = area_create(
            actor=leader,
            name="Bedrijventerrein Bergerden",
            kind="bedrijventerrein",
            geometry=_square(5.955, 51.918, 0.016, 0.009),
            contacts="Stichting Bergerden Beheer, 026 319 8800",
        )
        rural = area_create(
            actor=leader,
            name="Buitengebied Gendt en Doornenburg",
            kind="buitengebied",
            geometry=_square(5.95, 51.86, 0.07, 0.03),
            contacts="LTO Noord, afdeling Over-Betuwe, 026 000 1122",
        )
        _units(
            leader, pannenhuis, 5.927, 51.944, [f"Pannenhuis unit {n}" for n in range(1, 9)], "business-unit"
        )
        _units(
            leader,
            bergerden,
            5.957,
            51.919,
            [f"Tuinbouwweg {n}" for n in (2, 6, 8, 10, 12, 16)],
            "business-unit",
        )
        unit = Location.objects.filter(name="Bedrijfsunit 4, Tuinbouwweg 14 (Bergerden)").first()
        if unit is not None:
            area_location_add(
                actor=leader,
                area=bergerden,
                name=unit.name,
                kind="business-unit",
                location=unit,
                business=Business.objects.filter(kvk_number="93058214").first(),
            )
        _units(
            leader,
            rural,
            5.96,
            51.865,
            [
                "Schuur Kerkweg, Doornenburg",
                "Stal Dijkstraat, Gendt",
                "Loods Rijndijk, Doornenburg",
                "Schuur Polderweg, Gendt",
                "Kapschuur Erfkade, Gendt",
            ],
            "farm-shed",
        )
        shed = Location.objects.filter(name="Schuur achter Waaldijk 88, Gendt").first()
        if shed is not None:
            area_location_add(actor=leader, area=rural, name=shed.name, kind="farm-shed", location=shed)
        location_risks_compute()
        _kvo(leader, pannenhuis, bergerden)
        _inspections(users, partners, rural, bergerden)
        _awareness(users, municipality)
        location_risks_compute()
    return [
        f"Ondermijning: 3 gebieden, {AreaLocation.objects.count()} locaties, 2 integrale controles, KVO-B."
    ]


CONTACTS = {
    FIRST: [
        (
            "parkmanagement",
            "OVP Pannenhuis",
            "Marieke van Aalst",
            "026 325 1400",
            "parkmanager@ovp-pannenhuis.nl",
        ),
        ("ondernemersvereniging", "Ondernemersvereniging Huissen", "Gert-Jan Roelofs", "06 1234 5601", ""),
    ],
    "Bedrijventerrein Bergerden": [
        (
            "parkmanagement",
            "Stichting Bergerden Beheer",
            "Anke Willemsen",
            "026 319 8800",
            "info@bergerdenbeheer.nl",
        ),
    ],
    "Buitengebied Gendt en Doornenburg": [
        (
            "lto",
            "LTO Noord, afdeling Over-Betuwe",
            "Harm Jansen",
            "06 1234 5602",
            "h.jansen@lto-overbetuwe.nl",
        ),
    ],
}
MEASURES = [
    (
        "Camera's met kentekenherkenning op de twee toegangswegen",
        "OVP Pannenhuis",
        date(2024, 6, 1),
        "uitgevoerd",
    ),
    (
        "Bewegwijzering en huisnummers op elke unit",
        "Gemeente, afdeling Openbare Ruimte",
        date(2024, 9, 1),
        "uitgevoerd",
    ),
    (
        "Ledverlichting langs de Karstraat",
        "Gemeente, afdeling Openbare Ruimte",
        date(2027, 3, 1),
        "in-uitvoering",
    ),
    ("Leegstaande units melden bij het parkmanagement", "Ondernemersvereniging Huissen", None, "gepland"),
]


def _seed_follow_up() -> list[str]:
    """Contacts per area, the measures plan and its document, staff reports (one anonymous towards colleagues) and
    the Opiumwet 13b procedure that started from the finding at Bedrijfsunit 4 on Bergerden. Idempotent."""
    if not Area.objects.filter(name=FIRST).exists() or AreaContact.objects.exists():
        return []
    municipality = Municipality.objects.get(code="1705")
    users = {u.username: u for u in User.objects.filter(organisation__municipality=municipality)}
    leader = users["projectleider"]
    for area in Area.objects.filter(municipality=municipality, name__in=list(CONTACTS)):
        for role, organisation, name, phone, email in CONTACTS[area.name]:
            contact_save(
                actor=leader,
                area=area,
                role=role,
                organisation=organisation,
                name=name,
                phone=phone,
                email=email,
            )
    pannenhuis = Area.objects.get(municipality=municipality, name=FIRST)
    trajectory = pannenhuis.kvo
    for description, owner, due_on, status in MEASURES:
        kvo_measure_save(
            actor=leader,
            trajectory=trajectory,
            description=description,
            owner=owner,
            due_on=due_on,
            status=status,
        )
    upload = _doc("Maatregelenplan KVO-B Pannenhuis", "verslag")
    kvo_document_add(
        actor=leader,
        trajectory=trajectory,
        title=upload.title,
        step="maatregelenplan",
        filename=upload.filename,
        content=upload.content,
    )
    staff_report(
        actor=users["brp"],
        description="Aan de balie vroeg iemand drie keer in een maand een uittreksel voor een ander adres "
        "op Bergerden; hij betaalde contant en wilde niet zeggen voor wie.",
        location_kind="business-unit",
        location_text="Tuinbouwweg, Bergerden",
        anonymous=True,
    )
    staff_report(
        actor=users["handhaver"],
        description="Bij de schuur aan de Polderweg staan sinds vorige week blauwe vaten achter het hek.",
        location_kind="farm-shed",
        location_text="Schuur Polderweg, Gendt",
    )
    report = ["Ondermijning: contactpersonen, maatregelenplan Pannenhuis en twee meldingen van medewerkers."]
    report += _thirteen_b(users)
    return report


def _thirteen_b(users: dict[str, User]) -> list[str]:
    """The finding at Bedrijfsunit 4 (Bergerden) became a signal; the jurist starts a case from it and, after
    the police searched the unit, a 13b Opiumwet procedure with the police's report."""
    finding = (
        Finding.objects.filter(
            inspection_site__site__location__name__startswith="Bedrijfsunit 4", signal_reference__gt=""
        )
        .order_by("created_at")
        .first()
    )
    case_type = CaseType.objects.filter(code="opiumwet-13b").first()
    if finding is None or case_type is None:
        return []
    signal = Signal.objects.get(reference=finding.signal_reference)
    if signal.case_id is not None:
        return []
    jurist, inspector = users["jurist"], users["handhaver"]
    case = signal_start_case(
        actor=jurist,
        signal=signal,
        case_type=case_type,
        title="Hennepkwekerij Bedrijfsunit 4, Tuinbouwweg 14 (uit integrale controle)",
        coordinator=jurist,
        priority="hoog",
    )
    case_member_add(
        actor=jurist, case=case, case_role="handhaver", categories=["general", "justice"], user=inspector
    )
    # The unit Regie knew (with its address): the premises the 13b procedure is about.
    unit = finding.inspection_site.site.location
    case_subject_add(actor=jurist, case=case, ref=SubjectRef(role="locatie", location=unit))
    if unit.address_id:
        case_subject_add(actor=jurist, case=case, ref=SubjectRef(role="locatie", address=unit.address))
    today = timezone.localdate()
    upload = _doc("Bestuurlijke rapportage politie Tuinbouwweg 14", "bestuurlijke rapportage")
    procedure_start(
        actor=jurist,
        access=access_to(jurist, Case.objects.select_related("case_type", "coordinator").get(pk=case.pk)),
        type_code="opiumwet-13b",
        on_date=_weekday(today - timedelta(days=4)).isoformat(),
        data={
            "search_date": _weekday(today - timedelta(days=11)).isoformat(),
            "premises_type": "lokaal",
            "substances": [
                {"substance": "hennepplanten", "amount": "620"},
                {"substance": "productiemiddelen", "amount": "40"},
            ],
            "findings": "Na de integrale controle doorzocht de politie de unit: hennepkwekerij met 620 planten "
            "in drie ruimtes, 40 assimilatielampen en een illegale stroomaansluiting; matrassen in de kantine.",
            "occupants": "Twee personen sliepen in de unit; huurder is een bv zonder activiteit.",
        },
        upload=upload,
    )
    count = Procedure.objects.filter(case=case).count()
    return [f"Ondermijning: casus {case.number} uit de bevinding op Bergerden met {count} 13b-procedure."]
