"""Reads of signals, always through the access door (access.signal_access): queue, counts, suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from regie.access.signal_access import signals_visible_to
from regie.access.subject_access import persons_visible_to
from regie.accounts.models import Organisation, OrganisationKind, Role, User
from regie.cases.models import CaseType
from regie.intake.models import ProcessingState, Signal, SignalCategory, SignalEvent, SignalSubject, Status
from regie.intake.services.clock import overdue_q

OPEN = "open"
ALL = "alle"
CENTRAL = "centraal"


@dataclass(frozen=True)
class QueueFilter:
    status: str = OPEN  # open (new + claimed), one Status value, or "alle"
    category: str = ""
    queue: str = ""  # "" all visible, "centraal" for the central triage queue, or an organisation id
    urgency: str = ""
    source: str = ""
    reference: str = ""
    overdue: bool = False
    failed: bool = False
    mine: bool = False


def signal_queue(user: Any, filters: QueueFilter) -> QuerySet[Signal]:
    """The visible signals matching the filter, most urgent deadline first (one indexed statement)."""
    qs = signals_visible_to(user).select_related("category", "queue", "claimed_by")
    if filters.reference:
        return qs.filter(reference=filters.reference.strip().upper()).order_by("received_at")
    if filters.status == OPEN:
        qs = qs.filter(status__in=[Status.NEW, Status.CLAIMED])
    elif filters.status in Status.values:
        qs = qs.filter(status=filters.status)
    if filters.category:
        qs = qs.filter(category__code=filters.category)
    if filters.queue == CENTRAL:
        qs = qs.filter(queue__isnull=True)
    elif filters.queue:
        qs = qs.filter(queue_id=UUID(filters.queue))
    if filters.urgency:
        qs = qs.filter(urgency=filters.urgency)
    if filters.source:
        qs = qs.filter(source=filters.source)
    if filters.overdue:
        qs = qs.filter(overdue_q(timezone.now()))
    if filters.failed:
        qs = qs.filter(processing_state=ProcessingState.FAILED)
    if filters.mine:
        qs = qs.filter(claimed_by=user)
    return qs.order_by(F("triage_due_at").asc(nulls_last=True), "received_at")


def next_in_queue(user: Any, *, after: Signal) -> Signal | None:
    """The open signal to take up next (the queue's order), other than the one just decided: unclaimed or one's own."""
    return (
        signal_queue(user, QueueFilter(status=OPEN))
        .exclude(pk=after.pk)
        .filter(Q(claimed_by__isnull=True) | Q(claimed_by=user))
        .first()
    )


# A new case's type, preselected from the signal's category (the first that exists and is active); the
# coordinator can still choose another.
CASE_TYPES_FOR_CATEGORY: dict[str, tuple[str, ...]] = {
    "ondermijning": ("ondermijningsonderzoek",),
    "drugs": ("opiumwet-13b", "ondermijningsonderzoek"),
    "permanente-bewoning": ("handhaving-permanente-bewoning",),
    "adreskwaliteit": ("brp-adresonderzoek",),
    "zorg-en-veiligheid": ("zorg-en-veiligheidscasus", "pga-casus"),
    "overlast": ("zorg-en-veiligheidscasus",),
    "digitale-criminaliteit": ("nazorg-digitaal-slachtoffer",),
}


def case_type_for(signal: Signal) -> CaseType | None:
    category = signal.category or signal.suggested_category
    codes = CASE_TYPES_FOR_CATEGORY.get(category.code, ()) if category else ()
    found = {t.code: t for t in CaseType.objects.filter(code__in=codes, active=True)} if codes else {}
    return next((found[code] for code in codes if code in found), None)


def queue_counts(user: Any) -> dict[str, int]:
    """Open, overdue, failed and own open signals in one aggregate query."""
    now = timezone.now()
    open_q = Q(status__in=[Status.NEW, Status.CLAIMED])
    return signals_visible_to(user).aggregate(
        open=Count("pk", filter=open_q),
        overdue=Count("pk", filter=overdue_q(now)),
        failed=Count("pk", filter=open_q & Q(processing_state=ProcessingState.FAILED)),
        mine=Count("pk", filter=open_q & Q(claimed_by_id=getattr(user, "pk", None))),
    )


def is_overdue(signal: Signal) -> bool:
    now = timezone.now()
    triage_late = signal.is_open and signal.triage_due_at is not None and signal.triage_due_at < now
    action_late = (
        signal.first_action_at is None
        and signal.first_action_due_at is not None
        and signal.first_action_due_at < now
    )
    return triage_late or action_late


@dataclass(frozen=True)
class Suggestion:
    person: Any
    score: float
    reasons: list[str]


def person_suggestions(user: User, subject: SignalSubject) -> tuple[list[Suggestion], int]:
    """The suggested persons this user may see (through the door), and how many more matched that they may not."""
    ids = [UUID(str(s["id"])) for s in subject.suggestions]
    visible = {p.pk: p for p in persons_visible_to(user).filter(pk__in=ids).select_related("address")}
    shown = [
        Suggestion(
            person=visible[UUID(str(s["id"]))], score=float(s["score"]), reasons=list(s.get("reasons", []))
        )
        for s in subject.suggestions
        if UUID(str(s["id"])) in visible
    ]
    return shown, len(ids) - len(shown)


def categories() -> QuerySet[SignalCategory]:
    return SignalCategory.objects.filter(active=True).order_by("position", "label")


def queues_for(user: Any) -> QuerySet[Organisation]:
    """The team queues a user can filter on: every department for the process director, else their own."""
    organisation = getattr(user, "organisation", None)
    if organisation is None:
        return Organisation.objects.none()
    qs = Organisation.objects.filter(
        municipality_id=organisation.municipality_id, kind=OrganisationKind.DEPARTMENT
    )
    return qs.order_by("name") if user.role == Role.PROCESS_DIRECTOR else qs.filter(pk=organisation.pk)


def partners_for(signal: Signal) -> QuerySet[Organisation]:
    """Partner organisations a signal can be referred to."""
    return Organisation.objects.filter(
        municipality_id=signal.municipality_id, kind=OrganisationKind.PARTNER, active=True
    ).order_by("name")


def submitted_by_partner(user: Any) -> QuerySet[Signal]:
    """A partner's own organisation's signals, newest first (what they may follow up)."""
    return signals_visible_to(user).select_related("category").order_by("-received_at")


def signal_detail(signal: Signal) -> Signal:
    """The signal (already fetched through the door) afresh, with everything its detail shows in one go."""
    return (
        Signal.objects.select_related(
            "category", "suggested_category", "queue", "claimed_by", "case", "referred_to", "merged_into"
        )
        .prefetch_related(
            "subjects",
            "attachments",
            Prefetch("events", queryset=SignalEvent.objects.select_related("actor")),
        )
        .get(pk=signal.pk)
    )
