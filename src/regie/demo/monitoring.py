"""Demo monitoring: two years of history behind the dashboards, the rollups, and a council report per quarter.

History: signals and case openings for each of the last 24 months (more signals in summer, when the park is full
and nuisance peaks; a slow rise in staff reports as the awareness training takes hold), each made through the real
services (reference, processing log) and then dated back to its month — demo data only: a real signal's dates are
never changed. History is seeded by `regie seed-demo` / `regie demo` (`with_history=True`), not by the test suite's
`seed_demo()`, which keeps its demo small and fast.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from regie.accounts.models import Municipality, User
from regie.cases.models import Case, CaseType
from regie.cases.services.case import case_close, case_create
from regie.intake.models import Channel, Decision, ProcessingState, Signal, SignalCategory, Source, Status
from regie.intake.services.receive import signal_receive
from regie.monitoring.models import CouncilReport, ReportStatus
from regie.monitoring.services.reports import council_report_generate, council_report_request
from regie.monitoring.services.rollups import add_months, month_start, rollup_rebuild

MARK = "[historie]"
MONTHS = 24
SEED = 1705

# What a history signal of each of the demo policy's categories says (demo/intake.py).
TEXTS = {
    "overlast": "Geluidsoverlast en rondhangende jongeren bij het winkelcentrum.",
    "drugs": "Vermoedelijke drugshandel: veel korte bezoekjes aan een woning.",
    "permanente-bewoning": "Op het park lijken mensen het hele jaar te wonen.",
    "zorg-en-veiligheid": "Zorgen om een buurman die verward overkomt en zichzelf verwaarloost.",
    "adreskwaliteit": "Op dit adres staan veel meer mensen ingeschreven dan er wonen.",
    "ondermijning": "Loods op het bedrijventerrein waar 's nachts busjes laden en lossen.",
    "digitale-criminaliteit": "Opgelicht via een nepwebwinkel; de aangifte loopt.",
}
SOURCES = [(Source.RESIDENT, 6), (Source.STAFF, 2), (Source.ENTREPRENEUR, 2), (Source.ANONYMOUS, 1)]


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=timezone.get_default_timezone())


def _signals_in(month: date, index: int) -> int:
    """About 14 a month, 8 more in June-August, 3 more in December; a slow rise over the two years."""
    seasonal = 8 if month.month in (6, 7, 8) else 3 if month.month == 12 else 0
    return 12 + seasonal + index // 8


def _backdate_signal(signal: Signal, received: datetime, rng: random.Random) -> None:
    acted = received + timedelta(days=rng.choice([1, 2, 3, 4, 6, 9]))
    due = received + timedelta(days=7)
    Signal.objects.filter(pk=signal.pk).update(
        received_at=received,
        processing_state=ProcessingState.OK,
        processed_at=received,
        triage_due_at=received + timedelta(days=2),
        first_action_due_at=due,
        first_action_at=acted,
        status=Status.DONE,
        decision=Decision.CLOSE,
        decision_reason="Afgehandeld (historische demomelding).",
        decided_at=acted,
    )


def _seed_signals(municipality: Municipality, today: date, rng: random.Random) -> int:
    categories = {c.code: c for c in SignalCategory.objects.filter(code__in=TEXTS)}
    codes = [code for code in TEXTS if code in categories] or list(TEXTS)[:1]
    made = 0
    first = add_months(month_start(today), -MONTHS)
    for index in range(MONTHS):
        month = add_months(first, index)
        for i in range(_signals_in(month, index)):
            code = rng.choice(codes)
            source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
            signal = signal_receive(
                actor=None,
                municipality=municipality,
                source=source,
                channel=Channel.STAFF_FORM if source == Source.STAFF else Channel.PUBLIC_FORM,
                description=f"{MARK} {TEXTS.get(code, 'Melding')} ({month:%m-%Y}, {i + 1})",
                category=categories.get(code),
            )
            _backdate_signal(signal, _moment(month + timedelta(days=rng.randint(0, 27))), rng)
            made += 1
    return made


def _seed_cases(municipality: Municipality, today: date, rng: random.Random) -> int:
    director = User.objects.filter(username="procesregisseur").first()
    case_type = CaseType.objects.filter(code="zorg-en-veiligheidscasus").first()
    if director is None or case_type is None:
        return 0
    first = add_months(month_start(today), -MONTHS)
    made = 0
    for index in range(MONTHS):
        month = add_months(first, index)
        for i in range(3 + rng.randint(0, 3)):
            case = case_create(
                actor=director,
                case_type=case_type,
                title=f"{MARK} Zorg- en veiligheidscasus {month:%m-%Y} nr. {i + 1}",
                coordinator=director,
                municipality=municipality,
            )
            opened = _moment(month + timedelta(days=rng.randint(0, 27)))
            closed = opened + timedelta(days=rng.randint(40, 240))
            if closed.date() < today:
                case = case_close(
                    actor=director, case=case, version=case.version, reason="Doel bereikt (historie)"
                )
                Case.objects.filter(pk=case.pk).update(created_at=opened, closed_at=closed)
            else:
                Case.objects.filter(pk=case.pk).update(created_at=opened)
            made += 1
    return made


def seed_monitoring_history(today: date | None = None) -> list[str]:
    """Two years of signals and cases behind the dashboards; running it twice adds nothing."""
    today = today or timezone.localdate()
    municipality = Municipality.objects.filter(code="1705").first()
    if municipality is None:
        return ["Monitoring: geen demogemeente gevonden."]
    if Signal.objects.filter(description__startswith=MARK).exists():
        return ["Monitoring: de historie stond er al."]
    rng = random.Random(SEED)
    signals = _seed_signals(municipality, today, rng)
    cases = _seed_cases(municipality, today, rng)
    return [f"Monitoring: historie van {MONTHS} maanden ({signals} signalen, {cases} casussen)."]


def seed_monitoring(today: date | None = None) -> list[str]:
    """The rollups of the last three years and a council report for each of the last four quarters."""
    today = today or timezone.localdate()
    run = rollup_rebuild(today=today)
    analist = User.objects.filter(username="analist").first()
    made = 0
    if analist is not None:
        quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        for k in range(4, 0, -1):
            start = add_months(quarter_start, -3 * k)
            quarter = (start.month - 1) // 3 + 1
            existing = CouncilReport.objects.filter(kind="kwartaal", year=start.year, quarter=quarter).first()
            if existing is not None and existing.status == ReportStatus.DONE:
                continue
            report = existing or council_report_request(
                actor=analist,
                kind="kwartaal",
                year=start.year,
                quarter=quarter,
                texts={
                    "inleiding": f"Voortgang van de veiligheidsagenda in het {quarter}e kwartaal van {start.year}."
                },
                today=today,
            )
            council_report_generate(report_id=str(report.pk))
            made += 1
    return [
        f"Monitoring: {run.figures} cijfers over {run.months_done} maanden berekend, "
        f"{made} kwartaalrapportages gemaakt."
    ]
