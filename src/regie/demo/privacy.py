"""The privacy officer's demo (issue 18): retention rules for the demo case types, the archivist Anouk Brink
(a second privacy officer who approves destruction lists), Dennis Hermsen's request of access with his case read by
the GGZ, the police and the process director, and two destruction lists of older cases (no personal data)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from regie.access.case_access import get_case_for
from regie.accounts.models import Role, User
from regie.accounts.services import user_create
from regie.cases.models import Case, CaseType
from regie.demo.accounts import DEMO_PASSWORD
from regie.privacy.models import (
    DataSubjectRequest,
    DestructionItem,
    DestructionList,
    ListStatus,
    RetentionRule,
)
from regie.privacy.register import processing_register_ensure
from regie.privacy.retention import retention_rule_set
from regie.privacy.services import data_subject_request_create
from regie.subjects.models import Person

# (case type code, Selectielijst 2020 category, result type, valuation, years from closure)
RULES = [
    (
        "zorg-en-veiligheidscasus",
        "1.1.2",
        "Verslagen van ambtelijk overleg met derden (casusoverleg)",
        "V",
        5,
    ),
    ("pga-casus", "1.1.2", "Verslagen van ambtelijk overleg met derden (persoonsgerichte aanpak)", "V", 5),
    ("handhaving-permanente-bewoning", "11.1.2", "Handhaving: bestuursrechtelijke sanctie opgelegd", "V", 10),
    ("opiumwet-13b", "11.1.2", "Handhaving: sluiting van een pand (Opiumwet art. 13b)", "V", 10),
    ("brp-adresonderzoek", "2.1.4", "Onderzoek naar de juistheid van een adres in de BRP", "V", 5),
    ("ondermijningsonderzoek", "11.1.6", "Bibob-onderzoek", "V", 5),
    ("nazorg-digitaal-slachtoffer", "1.1.2", "Verzoeken en meldingen van burgers", "V", 5),
]

ARCHIVIST = ("archivaris", "Anouk", "Brink", "Archivaris")

READS = [
    ("ggz", "Huisbezoek voorbereiden met de wijkagent"),
    ("politie", "Meldingen van overlast op een rij zetten voor het casusoverleg"),
    ("procesregisseur", "Casusoverleg voorbereiden"),
]

# Older cases whose terms ended: the destroyed list of June and the list waiting for the archivist.
DESTROYED = ("Vernietigingslijst 2026-06-01", ["2015-00012", "2015-00047", "2016-00003"])
WAITING = ("Vernietigingslijst 2026-12-01", ["2016-00021", "2016-00058"])


def _archivist(privacy: User) -> tuple[User, int]:
    existing = User.objects.filter(username=ARCHIVIST[0]).first()
    if existing:
        return existing, 0
    username, first, last, title = ARCHIVIST
    user = user_create(
        actor=None,
        username=username,
        first_name=first,
        last_name=last,
        email=f"{username}@lingewaard.example",
        role=Role.ARCHIVIST,
        organisation=privacy.organisation,
        password=DEMO_PASSWORD,
        phone="06 1234 5612",
        job_title=title,
    )
    return user, 1


def _rules(privacy: User) -> int:
    written = 0
    for code, category, label, valuation, years in RULES:
        case_type = CaseType.objects.filter(code=code).first()
        if case_type is None or RetentionRule.objects.filter(case_type=case_type).exists():
            continue
        retention_rule_set(
            actor=privacy,
            case_type=case_type,
            category_code=category,
            category_label=label,
            valuation=valuation,
            term_years=years,
        )
        written += 1
    return written


def _request(privacy: User) -> int:
    hermsen = Person.objects.filter(surname="Hermsen", given_names="Dennis", merged_into__isnull=True).first()
    if hermsen is None or DataSubjectRequest.objects.filter(person=hermsen).exists():
        return 0
    case = Case.objects.filter(subjects__person=hermsen).order_by("number").first()
    if case is not None:
        for username, purpose in READS:
            reader = User.objects.filter(username=username).first()
            if reader is not None:
                get_case_for(reader, case.pk, purpose=purpose)
    data_subject_request_create(
        actor=privacy,
        person=hermsen,
        received_on=timezone.localdate() - timedelta(days=10),
        identity_check="Paspoort gezien aan de balie van het gemeentehuis",
    )
    return 1


def _list(name: str, numbers: list[str], case_type: CaseType, reviewer: User, archivist: User | None) -> int:
    if DestructionList.objects.filter(name=name).exists():
        return 0
    day = date.fromisoformat(name.rsplit(" ", 1)[1])
    moment = timezone.make_aware(datetime(day.year, day.month, day.day, 9, 0))
    dlist = DestructionList.objects.create(
        name=name,
        status=ListStatus.DESTROYED if archivist else ListStatus.READY_FOR_ARCHIVIST,
        reviewed_by=reviewer,
        reviewed_at=moment,
        approved_by=archivist,
        approved_at=moment + timedelta(days=1) if archivist else None,
        destroy_after=moment + timedelta(days=8) if archivist else None,
        destroyed_by=archivist,
        destroyed_at=moment + timedelta(days=9) if archivist else None,
    )
    for number in numbers:
        closed = date(int(number[:4]), 3, 1)
        DestructionItem.objects.create(
            destruction_list=dlist,
            case_id=uuid.uuid5(uuid.NAMESPACE_URL, f"regie-demo:{number}"),
            case_number=number,
            case_type_label=case_type.label,
            category_code="11.1.2",
            term_years=10,
            closed_on=closed,
            expired_on=closed.replace(year=closed.year + 10),
            destroyed_at=moment + timedelta(days=9) if archivist else None,
        )
    return 1


def seed_privacy() -> list[str]:
    """Seed the privacy officer's demo; idempotent."""
    privacy = User.objects.filter(username="privacy").first()
    if privacy is None:
        return []
    with transaction.atomic():
        processing_register_ensure()
        archivist, users = _archivist(privacy)
        rules = _rules(privacy)
        requests = _request(privacy)
        enforcement = CaseType.objects.filter(code="handhaving-permanente-bewoning").first()
        lists = 0
        if enforcement is not None:
            lists += _list(*DESTROYED, enforcement, privacy, archivist)
            lists += _list(*WAITING, enforcement, privacy, None)
    return [
        f"Privacy: {users} archivaris, {rules} bewaarregels, {requests} inzageverzoek, {lists} vernietigingslijsten."
    ]
