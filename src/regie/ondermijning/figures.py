"""What ondermijning counts for monitoring (core.indicators): integral inspections and their findings per area,
staff trained and quizzes passed, and the KVO-B status of the estates — counts only, never who."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.db.models import Count, Q

from regie.core.indicators import Figure, Indicator, breakdown, indicators, moments, total
from regie.ondermijning.models import Finding, IntegralInspection, KvoTrajectory, QuizAttempt, Training


def _inspections(start: date, end: date) -> Sequence[Figure]:
    days = IntegralInspection.objects.filter(planned_on__gte=start, planned_on__lt=end)
    per_area = days.values_list("area__name").annotate(n=Count("id")).order_by()
    findings = Finding.objects.filter(
        inspection_site__inspection__planned_on__gte=start, inspection_site__inspection__planned_on__lt=end
    )
    follow_up = findings.aggregate(all=Count("id"), needed=Count("id", filter=Q(follow_up_needed=True)))
    return [
        total(days.count()),
        *[Figure(n, n, area=name) for name, n in per_area],
        *breakdown(
            [("Bevindingen", follow_up["all"] or 0), ("Met vervolg (signaal)", follow_up["needed"] or 0)],
            "Bevindingen",
        ),
    ]


def _trained(start: date, end: date) -> Sequence[Figure]:
    """Staff who attended a training this month, per department, and quizzes passed."""
    sessions = Training.objects.filter(held_on__gte=start, held_on__lt=end)
    per_department = (
        sessions.values_list("department__name").annotate(n=Count("attendees", distinct=True)).order_by()
    )
    attendees = sessions.aggregate(n=Count("attendees", distinct=True))["n"] or 0
    since, until = moments(start, end)
    passed = QuizAttempt.objects.filter(taken_at__gte=since, taken_at__lt=until, passed=True).count()
    return [
        total(attendees),
        *breakdown(list(per_department), "Afdeling"),
        *breakdown([("Quiz gehaald", passed)], "Quiz"),
    ]


def _kvo(start: date, end: date) -> Sequence[Figure]:
    """Estates with a valid KVO-B certificate at the end of the month; the others by stage."""
    last_day = end - timedelta(days=1)
    trajectories = KvoTrajectory.objects.filter(started_on__lte=last_day)
    certified = trajectories.filter(certified_on__lte=last_day, expires_on__gte=last_day).count()
    running = trajectories.count() - certified
    return [total(certified), *breakdown([("Gecertificeerd", certified), ("In traject", running)], "Stand")]


def register() -> None:
    indicators.register(
        Indicator(
            "ondermijning.integral_inspections",
            "ondermijning",
            "Integrale controles",
            "Integrale controledagen met partners in de maand, per gebied; daaronder de bevindingen van de "
            "partners en hoeveel daarvan een vervolg (signaal) kregen.",
            _inspections,
            unit="controles",
        )
    )
    indicators.register(
        Indicator(
            "ondermijning.trained",
            "ondermijning",
            "Medewerkers getraind",
            "Medewerkers die in de maand een training over signalen van ondermijning volgden, per afdeling; "
            "daaronder de gehaalde quizzen. Nooit wie.",
            _trained,
            unit="medewerkers",
            rise_is_good=True,
        )
    )
    indicators.register(
        Indicator(
            "ondermijning.kvo_certified",
            "ondermijning",
            "Bedrijventerreinen met KVO-B",
            "Bedrijventerreinen met een geldig KVO-B-certificaat aan het eind van de maand, en de terreinen die "
            "nog in hun traject zitten.",
            _kvo,
            unit="terreinen",
            stock=True,
            rise_is_good=True,
        )
    )
