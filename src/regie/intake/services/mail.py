"""Mails about a signal, written by a job after the change that caused them was committed.

The job puts each mail in the outbox (`regie.integrations.mail`), whose own job sends it through SMTP and retries
while the mail server is away; a mail the server refuses stays visible to the beheerder (/beheer/e-mail).

Reporters get a confirmation with their reference and a short update when the signal is handled; nothing about
the persons involved or the team's considerations. Owners get a reminder and team leads an escalation when a
promised time has passed. Mails carry the reference, never a link with an id.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction

from regie.accounts.models import Role, User
from regie.core.dates import format_moment
from regie.intake.models import Decision, QueueLead, Signal
from regie.integrations.mail import outgoing_mail_queue
from regie.processing_log.services import log_processing

UPDATE_TEXT = {
    Decision.NEW_CASE: (
        "Uw melding is beoordeeld. De gemeente pakt dit op; als dat nodig is, nemen wij contact met u op."
    ),
    Decision.ADD_TO_CASE: (
        "Uw melding is beoordeeld. De gemeente was hier al mee bezig en neemt uw melding daarin mee."
    ),
    Decision.REFER: "Uw melding is beoordeeld en doorgestuurd naar de organisatie die hierover gaat.",
    Decision.MERGE: "Uw melding gaat over hetzelfde als een eerdere melding. We behandelen ze samen.",
    Decision.CLOSE: "Uw melding is beoordeeld. De gemeente onderneemt op dit moment geen verdere actie.",
}
SIGNATURE = (
    "Met vriendelijke groet,\n\n{municipality}\n\n"
    "Dit bericht is automatisch verstuurd; u kunt er niet op antwoorden."
)


def _local(moment: object) -> str:
    return format_moment(moment) if isinstance(moment, datetime) else "—"


def _process_directors(signal: Signal) -> list[str]:
    rows = User.objects.filter(
        is_active=True, role=Role.PROCESS_DIRECTOR, organisation__municipality_id=signal.municipality_id
    ).exclude(email="")
    return list(rows.values_list("email", flat=True))


def owner_addresses(signal: Signal) -> list[str]:
    """Who is reminded: the person working on it, else the queue's team mailbox, else the process directors."""
    owner = signal.claimed_by or signal.decided_by
    if owner is not None and owner.email:
        return [owner.email]
    if signal.queue is not None and signal.queue.email:
        return [signal.queue.email]
    return _process_directors(signal)


def lead_addresses(signal: Signal) -> list[str]:
    """Who overdue signals escalate to: the queue's team lead, else its mailbox; the central queue's directors."""
    if signal.queue is None:
        return _process_directors(signal)
    lead = QueueLead.objects.filter(organisation=signal.queue).select_related("lead").first()
    if lead is not None and lead.lead.email:
        return [lead.lead.email]
    return [signal.queue.email] if signal.queue.email else _process_directors(signal)


def _message(signal: Signal, kind: str) -> tuple[str, str, list[str]]:
    municipality = settings.REGIE_MUNICIPALITY_NAME
    signature = SIGNATURE.format(municipality=municipality)
    if kind == "confirmation":
        body = (
            f"Beste melder,\n\nWij hebben uw melding ontvangen op {_local(signal.received_at)}. Uw referentie is "
            f"{signal.reference}. Noem dit nummer als u contact met ons opneemt.\n\nEen medewerker beoordeelt uw "
            "melding. Als die is behandeld, krijgt u nog een bericht.\n\n" + signature
        )
        return f"Uw melding {signal.reference} is ontvangen", body, [signal.reporter_email]
    if kind == "update":
        text = UPDATE_TEXT.get(Decision(signal.decision), UPDATE_TEXT[Decision.CLOSE])
        body = f"Beste melder,\n\n{text}\n\nUw referentie: {signal.reference}.\n\n" + signature
        return f"Uw melding {signal.reference} is behandeld", body, [signal.reporter_email]
    due = signal.triage_due_at if signal.is_open else signal.first_action_due_at
    phase = "beoordeeld (triage)" if signal.is_open else "voor het eerst opgepakt (eerste actie)"
    queue = signal.queue.name if signal.queue else "centrale triage"
    category = signal.category.label if signal.category else "nog geen categorie"
    facts = (
        f"Signaal {signal.reference} ({category}, wachtrij {queue}) had uiterlijk {_local(due)} {phase} "
        "moeten zijn. Open Regie en zoek op de referentie."
    )
    if kind == "reminder":
        return f"Herinnering: signaal {signal.reference} is over de termijn", facts, owner_addresses(signal)
    owner = signal.claimed_by or signal.decided_by
    extra = f"\n\nOpgepakt door: {owner}." if owner else "\n\nNiemand heeft dit signaal opgepakt."
    return f"Escalatie: signaal {signal.reference} is over de termijn", facts + extra, lead_addresses(signal)


PURPOSE = {
    "confirmation": "Ontvangstbevestiging aan de melder",
    "update": "Bericht aan de melder: melding behandeld",
    "reminder": "Herinnering over een signaal",
    "escalation": "Escalatie over een signaal",
}


REPORTER_KINDS = ("confirmation", "update")


def reporter_regarding(signal_id: object) -> str:
    """How the outbox knows a mail is for this signal's reporter: the signal's id, never the address."""
    return f"signal-reporter:{signal_id}"


def signal_mail_send(*, signal_id: str, kind: str, cause: str | None = None) -> int:
    """Put one mail about a signal (confirmation, update, reminder, escalation) in the outbox, in one transaction
    with its log entry; returns the number of mails queued (0 when the signal or its recipients are gone, or when
    `cause` — the job's id — queued it before: a job that runs again after its worker died mails once)."""
    signal = (
        Signal.objects.select_related("queue", "category", "claimed_by", "decided_by")
        .filter(pk=signal_id)
        .first()
    )
    if signal is None:
        return 0
    subject, body, recipients = _message(signal, kind)
    recipients = [r for r in recipients if r]
    if not recipients:
        return 0
    with transaction.atomic():
        queued = outgoing_mail_queue(
            to=recipients,
            subject=subject,
            body=body,
            purpose=PURPOSE.get(kind, PURPOSE["reminder"]),
            cause=cause,
            regarding=reporter_regarding(signal.pk) if kind in REPORTER_KINDS else "",
        )
        if getattr(queued, "queued_before", False):
            return 0
        log_processing(
            action="signal.reporter_mailed"
            if kind in ("confirmation", "update")
            else f"signal.{kind}_mailed",
            username="systeem",
            object_type="signal",
            object_id=signal.pk,
            details={"reference": signal.reference, "kind": kind, "recipients": len(recipients)},
        )
    return 1
