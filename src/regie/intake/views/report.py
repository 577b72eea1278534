"""The report pages: the staff and partner form (`Meld een signaal`) and the public page `/melden`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from regie.access.policy import request_user, requires
from regie.accounts.models import Municipality
from regie.core.html.form_view import handle_form
from regie.intake.edges import StorageUnavailable, page_storage
from regie.intake.forms.report import PublicReportForm, SignalReportForm
from regie.intake.forms.status import StatusLookupForm
from regie.intake.models import Channel, LocationKind, Signal, Source, Urgency
from regie.intake.services.clock import promise_for
from regie.intake.services.inputs import Reporter
from regie.intake.services.rate_limit import RateDecision, public_rate_hit
from regie.intake.services.receive import default_municipality, signal_receive, source_of
from regie.intake.services.status import new_status_code, public_status
from regie.processing_log.services import client_address

SESSION_REFERENCE = "intake_public_reference"
SESSION_RECEIPT = "intake_public_receipt"  # what was sent, for the confirmation (the reporter's own session)
SESSION_CODE = "intake_public_status_code"  # shown once, then dropped
SUMMARY_CHARS = 600
NO_MATCH = (
    "Wij vinden geen melding bij deze referentie en code. Controleer of u beide goed heeft overgenomen "
    "(de code staat alleen op de bevestiging die u na het versturen zag)."
)
NOT_SET_UP = "Melden kan op dit moment niet: de gemeente is nog niet ingericht."
PUBLIC_ALIASES = {
    "reporter_name": "reporter_name",
    "reporter_email": "reporter_email",
    "reporter_phone": "reporter_phone",
}


def _back_to(request: HttpRequest, path: str) -> str:
    """Where the reporter came from, when it is a path on this site; otherwise the start page."""
    path = path.split("?", 1)[0]
    safe = path.startswith("/") and url_has_allowed_host_and_scheme(
        path, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return path if safe and not path.startswith("/signalen/nieuw") else "/"


@requires("signals.submit")
@require_http_methods(["GET", "POST"])
def signal_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    came_from = (request.POST.get("van") or request.GET.get("van") or "")[:300]
    form = SignalReportForm(request.POST or None, request.FILES or None, initial={"van": came_from})
    aliases: dict[str, str] = {}

    def receive(data: dict[str, Any]) -> Signal:
        subjects, found = form.subjects()
        aliases.update(found)
        source, partner = source_of(user)
        if user.organisation is None:
            raise ValidationError(
                "U hoort bij geen organisatie; vraag de functioneel beheerder dit te regelen."
            )
        with page_storage():
            return signal_receive(
                actor=user,
                municipality=user.organisation.municipality,
                source=source,
                partner_organisation=partner,
                channel=Channel.STAFF_FORM,
                description=data["description"],
                urgency=data["urgency"],
                location_kind=data["location_kind"],
                location_text=data["location_text"],
                subjects=subjects,
                attachments=form.file_inputs(),
                came_from=came_from,
                request=request,
            )

    return handle_form(
        request,
        form,
        action=receive,
        render=lambda status: render(
            request,
            "intake/signal_new.html",
            {"form": form, "came_from": came_from, "breadcrumbs": [{"label": "Meld een signaal"}]},
            status=status,
        ),
        success_url=_back_to(request, came_from),
        success_message=lambda signal: (
            f"Uw signaal is ontvangen onder referentie {signal.reference}. Dank u wel."
        ),
        aliases=aliases,
        refusals={StorageUnavailable: 503},
    )


@require_http_methods(["GET", "POST"])
def public_report(request: HttpRequest) -> HttpResponse:
    """`/melden`: anyone may report, anonymously if they wish; the report is stored before anything else."""
    form = PublicReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        rate = public_rate_hit(client_address(request))
        if not rate.allowed:
            minutes = max(1, (rate.retry_after + 59) // 60)
            form = PublicReportForm(request.POST)
            form.is_valid()
            form.add_error(
                None,
                f"U heeft in korte tijd te veel meldingen verstuurd. Probeer het over {minutes} "
                f"minu{'ut' if minutes == 1 else 'ten'} opnieuw. Uw tekst staat nog hieronder.",
            )
            response = render(
                request,
                "intake/melden.html",
                {"form": form, "breadcrumbs": [], "lost_files": _chosen_files(request)},
                status=429,
            )
            response["Retry-After"] = str(rate.retry_after)
            return response

    code = new_status_code()

    def receive(data: dict[str, Any]) -> Signal:
        anonymous = data["reporter_type"] == Source.ANONYMOUS
        try:
            with page_storage():
                signal = signal_receive(
                    actor=None,
                    municipality=default_municipality(),
                    source=data["reporter_type"],
                    channel=Channel.PUBLIC_FORM,
                    description=data["description"],
                    urgency=Urgency.URGENT if data["urgent"] else Urgency.NORMAL,
                    location_kind=data["location_kind"],
                    location_text=data["location_text"],
                    reporter=form.reporter() if not anonymous or _any_contact(form) else Reporter(),
                    attachments=form.file_inputs(),
                    status_code=code,
                    request=request,
                )
        except Municipality.DoesNotExist:  # like a lost database: nothing stored, try again later (503)
            raise StorageUnavailable(NOT_SET_UP) from None
        request.session[SESSION_REFERENCE] = signal.reference  # the reference, never in the URL
        request.session[SESSION_CODE] = code
        request.session[SESSION_RECEIPT] = _receipt(signal, data, form)
        return signal

    return handle_form(
        request,
        form,
        action=receive,
        render=lambda status: render(
            request,
            "intake/melden.html",
            {"form": form, "breadcrumbs": [], "lost_files": _chosen_files(request) if status != 200 else []},
            status=status,
        ),
        success_url="/melden/ontvangen",
        aliases=PUBLIC_ALIASES,
        refusals={StorageUnavailable: 503},
    )


def _any_contact(form: PublicReportForm) -> bool:
    reporter = form.reporter()
    return bool(reporter.name or reporter.email or reporter.phone)


def _chosen_files(request: HttpRequest) -> list[str]:
    """The names of the files the reporter chose: a browser never fills a file field again, so the page asks."""
    return [f.name or "" for f in request.FILES.getlist("attachments")][:10]


def _receipt(signal: Signal, data: dict[str, Any], form: PublicReportForm) -> dict[str, Any]:
    """What the confirmation repeats: what the reporter sent, and when they may expect an answer."""
    reporter = form.reporter()
    promise = promise_for(signal.category)
    return {
        "anonymous": signal.source == Source.ANONYMOUS,
        "source": Source(signal.source).label,
        "description": signal.description[:SUMMARY_CHARS],
        "shortened": len(signal.description) > SUMMARY_CHARS,
        "location_kind": LocationKind(signal.location_kind).label if signal.location_kind else "",
        "location_text": signal.location_text,
        "urgent": signal.urgency == Urgency.URGENT,
        "attachments": [f.name for f in data.get("attachments") or []],
        "name": reporter.name,
        "email": reporter.email,
        "phone": reporter.phone,
        "triage_due": signal.triage_due_at.isoformat() if signal.triage_due_at else "",
        "triage_days": promise.triage_days,
        "urgent_hours": promise.urgent_hours,
    }


def public_received(request: HttpRequest) -> HttpResponse:
    """The confirmation with the reference (kept in the reporter's own session, never in the URL).

    It repeats what was sent, says when to expect an answer, and shows the status code once: after this page the
    code is gone from the session (only its hash is stored with the report).
    """
    reference = request.session.get(SESSION_REFERENCE)
    if not reference:
        return HttpResponseRedirect("/melden")
    receipt = dict(request.session.get(SESSION_RECEIPT) or {})
    if receipt.get("triage_due"):
        receipt["triage_due"] = datetime.fromisoformat(receipt["triage_due"])
    code = request.session.pop(SESSION_CODE, "")
    return render(
        request,
        "intake/melden_ontvangen.html",
        {"reference": reference, "receipt": receipt, "code": code, "breadcrumbs": []},
    )


@require_http_methods(["GET", "POST"])
def public_status_lookup(request: HttpRequest) -> HttpResponse:
    """`/melden/status`: the state of a report in words, for its reference and code; nothing personal."""
    form = StatusLookupForm(request.POST or None)

    def page(status: int, **context: Any) -> HttpResponse:
        return render(
            request, "intake/melden_status.html", {"form": form, "breadcrumbs": [], **context}, status=status
        )

    if request.method != "POST":
        return page(200)
    rate: RateDecision = public_rate_hit(f"status:{client_address(request) or 'onbekend'}")
    if not rate.allowed:
        minutes = max(1, (rate.retry_after + 59) // 60)
        form.is_valid()
        form.add_error(
            None,
            f"U heeft in korte tijd te vaak gezocht. Probeer het over {minutes} "
            f"minu{'ut' if minutes == 1 else 'ten'} opnieuw.",
        )
        response = page(429)
        response["Retry-After"] = str(rate.retry_after)
        return response
    if not form.is_valid():
        return page(400)
    found = public_status(form.cleaned_data["reference"], form.cleaned_data["code"])
    if found is None:
        return page(404, no_match=NO_MATCH)
    return page(200, found=found)
