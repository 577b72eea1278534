"""Demo procedures (fictional): all three types, in different steps, with live deadlines. Idempotent.

Runs after the demo cases exist and finds them by case type code; when there is none of a type, it opens one
through the case services. Every step goes through the real engine (so deadlines, tasks and letters are the
real thing); the dates are set relative to today so the deadline overview always has something to show.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from regie.access.case_access import access_to
from regie.accounts.models import Municipality, User
from regie.cases.models import Case, CaseMember, CaseStatus, CaseType
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.case_types import case_type_create
from regie.cases.services.team import case_member_add, case_member_update
from regie.demo.mandates import seed_mandates
from regie.procedures.models import DamoclesPolicy, Procedure
from regie.procedures.services.damocles import RuleInput, damocles_policy_create
from regie.procedures.services.engine import Upload, procedure_move, procedure_start
from regie.subjects.services import address_get_or_create, person_create

Data = dict[str, Any] | Callable[[Procedure], dict[str, Any]]
Step = tuple[int, str, str, Data]  # days before today, username, step code, data


def demo_matrix() -> list[RuleInput]:
    """A realistic Damocles matrix: 3 → 6 → 12 months; a first soft-drugs offence in a dwelling is a warning."""
    rules = []
    for premises in ("woning", "lokaal"):
        for drug in ("soft", "hard", "productie"):
            if (premises, drug) == ("woning", "soft"):
                first = RuleInput(premises, drug, 1, 1, "waarschuwing")
            elif (premises, drug) == ("lokaal", "soft"):
                first = RuleInput(premises, drug, 1, 1, "last-onder-dwangsom")
            else:
                first = RuleInput(premises, drug, 1, 1, "sluiting", "P3M")
            rules += [
                first,
                RuleInput(premises, drug, 2, 2, "sluiting", "P6M"),
                RuleInput(premises, drug, 3, None, "sluiting", "P12M"),
            ]
    return rules


def _weekday(day: date) -> date:
    while day.weekday() >= 5:  # demo events happen on working days
        day -= timedelta(days=1)
    return day


def _doc(title: str, kind: str) -> Upload:
    text = f"{title}\nFictief demodocument van Regie.\n".encode()
    return Upload(
        title=title,
        filename=f"{title.lower().replace(' ', '-')}.txt",
        content=io.BytesIO(text),
        document_type=kind,
    )


def _addressees(procedure: Procedure, role: str | None = None) -> list[str]:
    return [str(a.pk) for a in procedure.addressees.all() if role is None or a.role == role]


def _answering_views(data: dict[str, Any]) -> Callable[[Procedure], dict[str, Any]]:
    """The decision with its answer to each view received (the engine refuses a decision that ignores one)."""

    def build(procedure: Procedure) -> dict[str, Any]:
        views = procedure.transitions.filter(to_step="view-received").values_list("seq", flat=True)
        answer = (
            "Meer tijd is gegeven: de begunstigingstermijn is zes maanden, genoeg om andere woonruimte te vinden."
        )
        return {**data, "view_answers": {str(seq): answer for seq in views}}

    return build


def _notify(days_apart: int) -> Callable[[Procedure], dict[str, Any]]:
    def build(procedure: Procedure) -> dict[str, Any]:
        today = timezone.localdate()
        ids = _addressees(procedure)
        dates = {}
        for index, pk in enumerate(ids):
            offset = days_apart if index == len(ids) - 1 and len(ids) > 1 else 0
            dates[pk] = _weekday(today - timedelta(days=100 - offset)).isoformat()
        return {"notifications": dates, "method": "aangetekend"}

    return build


PENALTY = {
    "sanction": "penalty-order",
    "amount": "500",
    "unit": "week",
    "maximum": "15000",
    "compliance_period": "P3M",
}
EXCEPTIONS = {"personal_permit": "geen", "tolerance": "geen", "phasing_out": "geen"}
FINDINGS = {
    "findings": "Woning volledig ingericht als hoofdverblijf; post op naam van de bewoners; twee auto's op de kavel.",
    "entry": "met-toestemming",
    "brp_registration": True,
    "no_other_home": True,
    "neighbours": True,
}

PERMANENT_RESIDENCE: list[tuple[str, list[Step]]] = [
    (
        "Bezwaar ontvangen, beslissing op bezwaar loopt",
        [
            (
                150,
                "handhaver",
                "signal",
                {"signal": "Melding van de parkbeheerder over bewoning in de winter."},
            ),
            (140, "handhaver", "inspection-report", FINDINGS),
            (133, "jurist", "exceptions-check", EXCEPTIONS),
            (126, "jurist", "intended-decision", {**PENALTY, "view_period": "P2W"}),
            (
                110,
                "jurist",
                "view-received",
                {"form": "schriftelijk", "summary": "Bewoners vragen meer tijd."},
            ),
            (105, "jurist", "decision", _answering_views(PENALTY)),
            (96, "jurist", "notification", _notify(4)),
            (
                60,
                "jurist",
                "objection-received",
                lambda p: {
                    "addressee": _addressees(p)[-1],
                    "advisory_committee": True,
                    "summary": "Eigenaar betwist de overtreding.",
                },
            ),
        ],
    ),
    (
        "Zienswijzetermijn loopt",
        [
            (40, "handhaver", "signal", {"signal": "Signaal uit de integrale controle met de provincie."}),
            (30, "handhaver", "inspection-report", FINDINGS),
            (20, "jurist", "exceptions-check", EXCEPTIONS),
            (7, "jurist", "intended-decision", {**PENALTY, "view_period": "P2W"}),
        ],
    ),
    (
        "Uitzonderingen nog te controleren",
        [
            (20, "handhaver", "signal", {"signal": "BRP-inschrijving op het parkadres sinds 1999."}),
            (10, "handhaver", "inspection-report", {**FINDINGS, "entry": "niet-betreden"}),
        ],
    ),
]

REPORT = {
    "premises_type": "woning",
    "substances": [{"substance": "hennepplanten", "amount": "240"}, {"substance": "hennep", "amount": "350"}],
    "findings": "Hennepkwekerij op zolder met 240 planten, drogende toppen en een illegale stroomaansluiting.",
    "occupants": "Drie volwassen bewoners; geen minderjarigen aangetroffen.",
}

OPIUMWET_13B: list[tuple[str, list[Step]]] = [
    (
        "Gesloten, heropening gepland",
        [
            (75, "jurist", "police-report", {**REPORT, "search_date": "@77"}),
            (68, "jurist", "assessment", {"sanction": "sluiting"}),
            (66, "jurist", "intended-decision", {"closure_period": "P3M", "view_period": "P2W"}),
            (
                45,
                "jurist",
                "closure-order",
                {
                    "closure_period": "P3M",
                    "compliance_period": "P1W",
                    "reasons": "Hennepkwekerij in de woning.",
                },
            ),
            (
                43,
                "jurist",
                "notification",
                lambda p: {"notifications": dict.fromkeys(_addressees(p), "@43"), "method": "politie"},
            ),
            (35, "handhaver", "closure", {"sealed": True, "notice_posted": True}),
        ],
    ),
]

BRP_INVESTIGATION: list[tuple[str, list[Step]]] = [
    (
        "Huisbezoek afgelegd, voornemen in voorbereiding",
        [
            (
                30,
                "brp",
                "started",
                {"reason": "Signaal uit de controle op het vakantiepark.", "in_research": "ja"},
            ),
            (28, "brp", "letter-sent", {}),
            (
                20,
                "brp",
                "information-gathered",
                {"sources": "Huurcontract, energieverbruik en verklaring parkbeheer."},
            ),
            (
                10,
                "brp",
                "home-visit",
                {"result": "woont-er-niet", "report": "Niemand aangetroffen; woning leeg."},
            ),
            (
                9,
                "brp",
                "refer-social",
                {"concern": "Gezin met jonge kinderen zonder vaste woonplek.", "refer_to": "procesregisseur"},
            ),
        ],
    ),
    (
        "Net gestart",
        [(3, "brp", "started", {"reason": "Retourpost en melding van de verhuurder.", "in_research": "ja"})],
    ),
]

DOCUMENTS = {
    "inspection-report": ("Rapport van bevindingen", "rapport van bevindingen"),
    "police-report": ("Bestuurlijke rapportage politie", "bestuurlijke rapportage"),
    "closure": ("Proces-verbaal van sluiting", "verslag"),
    "objection-received": ("Bezwaarschrift", "brief"),
}


def _resolve(value: Any, today: date) -> Any:
    if isinstance(value, str) and value.startswith("@"):
        return _weekday(today - timedelta(days=int(value[1:]))).isoformat()
    if isinstance(value, dict):
        return {k: _resolve(v, today) for k, v in value.items()}
    return value


def _ensure_team(case: Case, users: dict[str, User], needs: list[tuple[str, list[str]]]) -> None:
    for username, categories in needs:
        user = users[username]
        if case.coordinator_id == user.pk:
            continue
        member = CaseMember.objects.filter(case=case, user=user).first()
        if member is None:
            case_member_add(
                actor=case.coordinator, case=case, case_role=username, categories=categories, user=user
            )
        elif not set(categories) <= set(member.categories):
            case_member_update(
                actor=case.coordinator,
                member=member,
                categories=sorted(set(member.categories) | set(categories)),
                case_role=member.case_role,
                can_edit=True,
            )


def _fallback_case(type_code: str, label: str, users: dict[str, User], coordinator: str) -> Case:
    case_type = CaseType.objects.filter(code=type_code).first() or case_type_create(
        actor=users[coordinator],
        code=type_code,
        label=label,
        default_categories=["general"],
        retention_years=10,
    )
    address = address_get_or_create(
        actor=None, postcode="6988BX", house_number=63, street="Marsweg", city="Lathum"
    )
    person = person_create(actor=None, surname="Demo", given_names="Dirk", address=address)
    return case_create(
        actor=users[coordinator],
        case_type=case_type,
        title=f"{label} (demo)",
        coordinator=users[coordinator],
        municipality=Municipality.objects.order_by("name").first(),  # type: ignore[arg-type]
        subjects=[SubjectRef(role="bewoner", person=person), SubjectRef(role="locatie", address=address)],
    )


def _run(case: Case, type_code: str, steps: list[Step], users: dict[str, User]) -> Procedure:
    today = timezone.localdate()
    procedure: Procedure | None = None
    for days, username, step, data in steps:
        user = users[username]
        access = access_to(user, Case.objects.select_related("case_type", "coordinator").get(pk=case.pk))
        on = _weekday(today - timedelta(days=days)).isoformat()
        upload = _doc(*DOCUMENTS[step]) if step in DOCUMENTS else None
        if procedure is None:
            result = procedure_start(
                actor=user,
                access=access,
                type_code=type_code,
                on_date=on,
                data=_resolve(data, today),
                upload=upload,
            )
        else:
            procedure.refresh_from_db()
            payload = data(procedure) if callable(data) else data
            result = procedure_move(
                actor=user,
                access=access,
                procedure=procedure,
                step=step,
                on_date=on,
                version=procedure.version,
                data=_resolve(payload, today),
                upload=upload,
            )
        procedure = result.procedure
    assert procedure is not None
    return procedure


def seed_procedures() -> list[str]:
    """Start demo procedures on demo cases; running it twice changes nothing."""
    report = seed_mandates()  # every demo letter needs a signatory from the mandate register
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["jurist", "handhaver", "projectleider", "brp", "beheerder"]
        )
    }
    if len(users) < 5:
        return ["Demoprocedures overgeslagen: de demogebruikers ontbreken."]
    if not DamoclesPolicy.objects.exists():
        damocles_policy_create(
            actor=None,
            valid_from=date(2023, 1, 1),
            recidive_period="P5Y",
            rules=demo_matrix(),
            note="Damoclesbeleid van de burgemeester (demo), vastgesteld 1 januari 2023.",
        )
        report.append("Damoclesbeleid versie 1 vastgesteld.")
    plan = [
        (
            "permanent-residence",
            "handhaving-permanente-bewoning",
            "Handhaving permanente bewoning",
            "handhaver",
            PERMANENT_RESIDENCE,
            [("handhaver", ["general"]), ("jurist", ["general"])],
        ),
        (
            "opiumwet-13b",
            "opiumwet-13b",
            "Sluiting 13b Opiumwet",
            "jurist",
            OPIUMWET_13B,
            [
                ("handhaver", ["general", "justice"]),
                ("jurist", ["general", "justice"]),
                ("projectleider", ["general"]),
            ],
        ),
        (
            "brp-address-investigation",
            "brp-adresonderzoek",
            "Adresonderzoek BRP",
            "brp",
            BRP_INVESTIGATION,
            [("brp", ["general"])],
        ),
    ]
    for type_code, case_type, label, coordinator, scenarios, team in plan:
        if Procedure.objects.filter(type_code=type_code).exists():
            continue
        cases = list(
            Case.objects.filter(case_type__code=case_type)
            .exclude(status=CaseStatus.CLOSED)
            .order_by("number")
        )
        if not cases:
            cases = [_fallback_case(case_type, label, users, coordinator)]
        # Kavel 27: Mr Bouwman holds a persoonsgebonden beschikking (the park demo registers it), so the demo
        # takes no enforcement decision there; his case goes last, to the steps before any decision.
        cases.sort(key=lambda c: "kavel 27" in c.title)
        started = 0
        for case, (_title, steps) in zip(cases, scenarios, strict=False):
            _ensure_team(case, users, team)
            _run(case, type_code, steps, users)
            started += 1
        report.append(f"{label}: {started} demoprocedure(s) gestart.")
    return report
