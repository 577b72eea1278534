"""The triage queue (procesregisseur and teams), a partner's own signals, and one signal's page."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from regie.access.policy import request_user, requires
from regie.access.signal_access import get_signal_for, may_triage
from regie.accounts.models import Role, User
from regie.cases.models import Priority
from regie.cases.selectors import coordinators_for
from regie.cases.services.documents import storage_root
from regie.core.ids import uuid_or_404
from regie.intake import selectors
from regie.intake.extensions import actions_for
from regie.intake.forms.triage import (
    AddToCaseForm,
    CategoryForm,
    CloseForm,
    FirstActionForm,
    MergeForm,
    QueueFilterForm,
    ReferForm,
    StartCaseForm,
    SubjectConfirmForm,
)
from regie.intake.models import Decision, Signal, SubjectKind, Urgency
from regie.processing_log.services import log_processing

PAGE_SIZE = 25
QUEUE_CRUMB = {"label": "Triage", "url": "/signalen"}
# What a partner sees of a signal's history: that it arrived and how it ended, not who did what.
PARTNER_EVENTS = ("signal.received", "signal.decided", "signal.duplicate_merged")


def _filters(data: dict[str, Any]) -> selectors.QueueFilter:
    return selectors.QueueFilter(
        status=data.get("status") or selectors.OPEN,
        category=data.get("categorie") or "",
        queue=data.get("wachtrij") or "",
        urgency=data.get("urgentie") or "",
        source=data.get("bron") or "",
        reference=data.get("referentie") or "",
        overdue=bool(data.get("te_laat")),
        failed=bool(data.get("mislukt")),
        mine=bool(data.get("mijn")),
    )


SUMMARY_WORDS = 12


def _age(received_at: Any) -> str:
    """How long a signal has waited, in words: 'vandaag binnen', '1 dag oud', '12 dagen oud'."""
    days = (timezone.localdate() - timezone.localtime(received_at).date()).days
    if days <= 0:
        return "vandaag binnen"
    return f"{days} dag oud" if days == 1 else f"{days} dagen oud"


def _summary(text: str) -> str:
    """The first words of a signal's text without what may identify someone (the queue shows no persons): words
    with digits (numbers, postcodes, case numbers), e-mail addresses and capitalised words inside a sentence
    (names, also of places) become '…'. The signal's own page, whose read is logged, shows the whole text."""
    words = text.split()
    shown: list[str] = []
    sentence_start = True
    for word in words[:SUMMARY_WORDS]:
        core = word.strip(".,;:!?()\"'")
        identifying = (
            any(ch.isdigit() for ch in core)
            or "@" in core
            or (not sentence_start and core[:1].isupper())
        )
        if identifying:
            if not shown or shown[-1] != "…":
                shown.append("…")
        else:
            shown.append(word)
        sentence_start = word.endswith((".", "!", "?", ":"))
    if len(words) > SUMMARY_WORDS and shown[-1:] != ["…"]:
        shown.append("…")
    return " ".join(shown)


def _row(signal: Signal) -> dict[str, Any]:
    """One queue row: what it is about (the first words of the text), its age and whether it is past a promise."""
    summary = _summary(signal.description)
    return {
        "signal": signal,
        "overdue": selectors.is_overdue(signal),
        "summary": summary,
        "age": _age(signal.received_at),
    }


@requires("signals.view")
def signal_queue(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = QueueFilterForm(request.GET, categories=selectors.categories(), queues=selectors.queues_for(user))
    page, status = None, 200
    if form.is_valid():
        queryset = selectors.signal_queue(user, _filters(form.cleaned_data))
        page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))
        log_processing(
            action="signal.listed",
            actor=user,
            request=request,
            object_type="signal",
            details={"signals": [s.reference for s in page]},
        )
    else:
        status = 400
    query = request.GET.copy()
    query.pop("pagina", None)
    is_partner = user.role == Role.PARTNER
    return render(
        request,
        "intake/queue.html",
        {
            "form": form,
            "page": page,
            "rows": [_row(s) for s in page] if page else [],
            "counts": selectors.queue_counts(user),
            "query": query.urlencode(),
            "filtered": any(v for k, v in request.GET.items() if k != "pagina"),
            "is_partner": is_partner,
            "breadcrumbs": [{"label": "Mijn gemelde signalen" if is_partner else "Triage"}],
        },
        status=status,
    )


def decision_forms(user: User, signal: Signal, bound: dict[str, Any] | None = None) -> dict[str, Any]:
    """The five decision forms; the one that was posted comes back bound with its errors."""
    bound = bound or {}
    priority = Priority.URGENT if signal.urgency == Urgency.URGENT else Priority.NORMAL
    return {
        Decision.NEW_CASE: bound.get(Decision.NEW_CASE)
        or StartCaseForm(
            coordinators=coordinators_for(user),
            initial={"coordinator": user.pk, "priority": priority, "case_type": selectors.case_type_for(signal)},
        ),
        Decision.ADD_TO_CASE: bound.get(Decision.ADD_TO_CASE) or AddToCaseForm(),
        Decision.REFER: bound.get(Decision.REFER) or ReferForm(partners=selectors.partners_for(signal)),
        Decision.MERGE: bound.get(Decision.MERGE) or MergeForm(),
        Decision.CLOSE: bound.get(Decision.CLOSE) or CloseForm(),
    }


def _subjects(user: User, signal: Signal, confirm_forms: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for subject in signal.subjects.select_related("person", "address", "location", "business"):
        row: dict[str, Any] = {"subject": subject, "form": None, "hidden_matches": 0}
        if subject.kind == SubjectKind.PERSON and subject.person_id is None and signal.is_open:
            shown, hidden = selectors.person_suggestions(user, subject)
            row["suggestions"], row["hidden_matches"] = shown, hidden
            if shown:
                choices = [
                    (str(s.person.pk), f"{s.person} — {s.score:.0f}% ({', '.join(s.reasons)})") for s in shown
                ]
                row["form"] = confirm_forms.get(str(subject.pk)) or SubjectConfirmForm(
                    choices=choices, prefix=f"s{subject.pk.hex[:8]}"
                )
        rows.append(row)
    return rows


def render_signal(
    request: HttpRequest,
    signal: Signal,
    *,
    status: int = 200,
    bound: dict[str, Any] | None = None,
    error: str = "",
) -> HttpResponse:
    """The signal page; `bound` carries a posted form with its errors, `error` a conflict message."""
    user = request_user(request)
    bound = bound or {}
    triage = may_triage(user, signal)
    is_open = signal.is_open
    works_on_it = signal.claimed_by_id in (None, user.pk)
    events = signal.events.select_related("actor")
    return render(
        request,
        "intake/signal_detail.html",
        {
            "signal": signal,
            "overdue": selectors.is_overdue(signal),
            "may_triage": triage,
            "may_decide": triage and is_open and works_on_it,
            "decision_forms": [
                {"key": key, "label": Decision(key).label, "form": form, "open": key in bound}
                for key, form in (decision_forms(user, signal, bound) if triage and is_open else {}).items()
            ],
            "category_form": bound.get("category")
            or CategoryForm(initial={"category": signal.category.code if signal.category else None}),
            "first_action_form": bound.get("first_action") or FirstActionForm(),
            "may_record_first_action": triage
            and signal.first_action_at is None
            and (not is_open or signal.claimed_by_id == user.pk),
            "subjects": _subjects(user, signal, bound.get("subjects", {})),
            "attachments": list(signal.attachments.all()),
            "events": list(events.filter(kind__in=PARTNER_EVENTS) if user.role == Role.PARTNER else events),
            "duplicates": list(signal.duplicates.only("id", "reference", "received_at")),
            "error": error,
            "is_partner": user.role == Role.PARTNER,
            "contributed_actions": actions_for(user, signal),
            "breadcrumbs": [QUEUE_CRUMB, {"label": signal.reference}],
        },
        status=status,
    )


@requires("signals.view")
def signal_detail(request: HttpRequest, signal_id: str) -> HttpResponse:
    user = request_user(request)
    return render_signal(request, get_signal_for(user, signal_id, request=request))


@requires("signals.view")  # type: ignore[arg-type]  # a FileResponse is a (streaming) response too
def attachment_download(request: HttpRequest, signal_id: str, attachment_id: str) -> FileResponse:
    """An attachment through the door of its signal; the download is logged."""
    user = request_user(request)
    signal = get_signal_for(user, signal_id, log=False)
    attachment = signal.attachments.filter(pk=uuid_or_404(attachment_id)).first()
    if attachment is None:
        raise Http404
    log_processing(
        action="signal.attachment_downloaded",
        actor=user,
        request=request,
        object_type="signal_attachment",
        object_id=attachment.pk,
        details={"reference": signal.reference},
    )
    response = FileResponse(
        (storage_root() / attachment.storage_name).open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
    return response
