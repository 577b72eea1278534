"""The beheerder's outbox page: mail that waits or could not be delivered, with "opnieuw versturen" and, for a
failed mail, "wissen"."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from regie.access.policy import request_user, requires
from regie.accounts.mail_outbox import outgoing_mail_erase_by_hand, outgoing_mail_list, outgoing_mail_resend
from regie.core.html.form_view import handle_form
from regie.integrations.models import OutgoingMail

LIST_URL = "/beheer/e-mail"


def _page(request: HttpRequest, *, error: str = "", status: int = 200) -> HttpResponse:
    return render(
        request,
        "accounts/mail_outbox.html",
        {
            **outgoing_mail_list(actor=request_user(request), request=request),
            "error": error,
            "failed_days": settings.REGIE_FAILED_MAIL_DAYS,
            "breadcrumbs": [{"label": "Beheer", "url": "/beheer"}, {"label": "Uitgaande e-mail"}],
        },
        status=status,
    )


@requires("outgoing_mail.manage")
@require_GET
def mail_outbox(request: HttpRequest) -> HttpResponse:
    return _page(request)


def _act_on_mail(
    request: HttpRequest,
    pk: UUID,
    act: Callable[..., OutgoingMail],
    done: Callable[[OutgoingMail], str],
) -> HttpResponse:
    """One button on one mail (resend, erase): 404 for an unknown mail, the service's Dutch refusal on the page."""
    if not OutgoingMail.objects.filter(pk=pk).exists():
        raise Http404
    form = forms.Form(request.POST)

    def page(status: int) -> HttpResponse:
        return _page(request, error=" ".join(str(e) for e in form.non_field_errors()), status=status)

    return handle_form(
        request,
        form,
        action=lambda data: act(actor=request_user(request), mail_id=pk, request=request),
        render=page,
        success_url=LIST_URL,
        success_message=done,
    )


@requires("outgoing_mail.manage")
@require_POST
def mail_resend(request: HttpRequest, pk: UUID) -> HttpResponse:
    return _act_on_mail(
        request,
        pk,
        outgoing_mail_resend,
        lambda mail: (
            f"Het bericht '{mail.subject}' gaat opnieuw weg; het staat bij 'Wacht op verzending' tot de mailserver "
            "het heeft aangenomen."
        ),
    )


@requires("outgoing_mail.manage")
@require_POST
def mail_erase(request: HttpRequest, pk: UUID) -> HttpResponse:
    return _act_on_mail(
        request,
        pk,
        outgoing_mail_erase_by_hand,
        lambda mail: f"Van het bericht '{mail.subject}' zijn de tekst en de adressen gewist; het wordt niet verstuurd.",
    )
