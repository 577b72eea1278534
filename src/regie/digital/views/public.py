"""The public pages (no login): the two self-checks with their result, the victim guide and the call-back request.

Only the session holds a resident's answers, to show and print their result; the database keeps an anonymous
aggregate. Posting is rate-limited per address like the report form `/melden`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from regie.core.html.form_view import Done, handle_form
from regie.digital.content import score, situation
from regie.digital.forms import FollowUpRequestForm, SelfCheckForm
from regie.digital.models import ContentKind
from regie.digital.services.content import content_current, content_version
from regie.digital.services.follow_ups import follow_up_request, follow_up_withdraw
from regie.digital.services.printing import result_pdf
from regie.digital.services.self_checks import campaign_for_code, self_check_submit
from regie.intake.services.rate_limit import public_rate_hit
from regie.processing_log.services import client_address

BASE = "/veilig-online"
CHECKS = {"inwoners": ContentKind.CHECK_RESIDENTS, "ondernemers": ContentKind.CHECK_BUSINESSES}
SESSION_RESULT = "digital_check_result_{}"
SESSION_FOLLOW_UP = "digital_follow_up_receipt"
TOO_MANY = (
    "U heeft in korte tijd te vaak iets verstuurd. Probeer het over {} opnieuw. "
    "Uw antwoorden staan nog hieronder."
)


def _kind(slug: str) -> ContentKind:
    try:
        return CHECKS[slug]
    except KeyError:
        raise Http404 from None


def _rate_refusal(request: HttpRequest, form: Any) -> int | None:
    """On a POST over the public limit: the Dutch message on the form, and the seconds to wait."""
    if request.method != "POST":
        return None
    rate = public_rate_hit(client_address(request))
    if rate.allowed:
        return None
    minutes = max(1, (rate.retry_after + 59) // 60)
    form.is_valid()
    form.add_error(None, TOO_MANY.format(f"{minutes} minu{'ut' if minutes == 1 else 'ten'}"))
    return rate.retry_after


def _campaign_query(request: HttpRequest) -> str:
    code = (request.GET.get("campagne") or "").strip()[:40]
    return f"?{urlencode({'campagne': code})}" if code and campaign_for_code(code) else ""


def landing(request: HttpRequest) -> HttpResponse:
    """`/veilig-online`: choose a check or the victim guide; a campaign code from the link is carried along."""
    return render(
        request,
        "digital/public/landing.html",
        {"campaign_query": _campaign_query(request), "breadcrumbs": []},
    )


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, slug: str) -> HttpResponse:
    kind = _kind(slug)
    current = content_current(kind)
    initial = {"campaign": (request.GET.get("campagne") or "")[:40]}
    form = SelfCheckForm(current.definition, request.POST or None, initial=initial)

    def page(status: int) -> HttpResponse:
        return render(
            request,
            "digital/public/check.html",
            {"form": form, "definition": current.definition, "slug": slug, "breadcrumbs": []},
            status=status,
        )

    wait = _rate_refusal(request, form)
    if wait is not None:
        response = page(429)
        response["Retry-After"] = str(wait)
        return response

    def submit(data: dict[str, Any]) -> Done:
        answers = form.answers()
        self_check_submit(
            kind=kind, answers=answers, postcode_area=data["postcode_area"], campaign_code=data["campaign"]
        )
        request.session[SESSION_RESULT.format(slug)] = {"version": current.version, "answers": answers}
        return Done(f"{BASE}/check/{slug}/uitslag")

    return handle_form(request, form, action=submit, render=page)


def _saved_outcome(request: HttpRequest, slug: str) -> tuple[Any, dict[str, Any]] | None:
    """The outcome of the check just done in this session (answers live only there), with its definition."""
    kind = _kind(slug)
    saved = request.session.get(SESSION_RESULT.format(slug))
    if not isinstance(saved, dict):
        return None
    version = content_version(kind, int(saved["version"]))
    if version is None:
        return None
    try:
        return score(version.definition, saved["answers"]), version.definition
    except (KeyError, StopIteration, TypeError):
        return None


def check_result(request: HttpRequest, slug: str) -> HttpResponse:
    """The result of the check just done (from this session only); prints well on paper, and comes as a PDF."""
    found = _saved_outcome(request, slug)
    if found is None:
        return HttpResponseRedirect(f"{BASE}/check/{slug}")
    outcome, definition = found
    return render(
        request,
        "digital/public/result.html",
        {"outcome": outcome, "definition": definition, "slug": slug, "breadcrumbs": []},
    )


def check_result_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The same result as a PDF (WeasyPrint), made on request and never stored; it names no one."""
    found = _saved_outcome(request, slug)
    if found is None:
        return HttpResponseRedirect(f"{BASE}/check/{slug}")
    outcome, definition = found
    response = HttpResponse(
        result_pdf(outcome=outcome, definition=definition), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="uitslag-check-{slug}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def guide(request: HttpRequest) -> HttpResponse:
    """`Wat is er gebeurd?`: the situations of the referral table."""
    definition = content_current(ContentKind.VICTIM_GUIDE).definition
    return render(request, "digital/public/guide.html", {"guide": definition, "breadcrumbs": []})


def guide_situation(request: HttpRequest, code: str) -> HttpResponse:
    definition = content_current(ContentKind.VICTIM_GUIDE).definition
    found = situation(definition, code)
    if found is None:
        raise Http404
    return render(
        request,
        "digital/public/situation.html",
        {"guide": definition, "situation": found, "breadcrumbs": []},
    )


@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest) -> HttpResponse:
    """Ask the municipality to contact you: only with the consent box ticked is anything stored."""
    guide_definition = content_current(ContentKind.VICTIM_GUIDE).definition
    consent = content_current(ContentKind.CONSENT)
    form = FollowUpRequestForm(
        guide_definition["situations"],
        consent.definition["text"],
        request.POST or None,
        initial={"situation": request.GET.get("situatie", "")},
    )

    def page(status: int) -> HttpResponse:
        return render(
            request, "digital/public/follow_up.html", {"form": form, "breadcrumbs": []}, status=status
        )

    wait = _rate_refusal(request, form)
    if wait is not None:
        response = page(429)
        response["Retry-After"] = str(wait)
        return response

    def send(data: dict[str, Any]) -> Done:
        if data.get("website"):
            raise ValidationError("Uw aanvraag kon niet worden verstuurd.")
        made, key = follow_up_request(
            situation_code=data["situation"],
            given_names=data["given_names"],
            surname=data["surname"],
            email=data["email"],
            phone=data["phone"],
            story=data["story"],
            consent=data["consent"],
            request=request,
        )
        request.session[SESSION_FOLLOW_UP] = {
            "reference": made.reference,
            "key": key,
            "due": made.first_contact_due.isoformat(),
        }
        return Done(f"{BASE}/terugbellen/verstuurd")

    return handle_form(request, form, action=send, render=page)


def follow_up_sent(request: HttpRequest) -> HttpResponse:
    receipt = request.session.get(SESSION_FOLLOW_UP)
    if not isinstance(receipt, dict):
        return HttpResponseRedirect(f"{BASE}/terugbellen")
    withdraw_url = request.build_absolute_uri(f"{BASE}/intrekken/{receipt['key']}")
    return render(
        request,
        "digital/public/follow_up_sent.html",
        {
            "receipt": receipt,
            "due": date.fromisoformat(receipt["due"]),
            "withdraw_url": withdraw_url,
            "breadcrumbs": [],
        },
    )


@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, key: str) -> HttpResponse:
    """Withdraw consent: a GET only asks; the POST wipes the contact details, the story and the name."""
    if request.method == "POST":
        rate = public_rate_hit(client_address(request))
        if not rate.allowed:
            return render(
                request, "digital/public/withdraw.html", {"state": "busy", "breadcrumbs": []}, status=429
            )
        found = follow_up_withdraw(key=key, request=request)
        if found is None:
            return render(
                request, "digital/public/withdraw.html", {"state": "unknown", "breadcrumbs": []}, status=404
            )
        request.session.pop(SESSION_FOLLOW_UP, None)
        return render(request, "digital/public/withdraw.html", {"state": "done", "breadcrumbs": []})
    return render(request, "digital/public/withdraw.html", {"state": "ask", "breadcrumbs": []})
