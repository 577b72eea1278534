"""The administrator lifts a user's lock-out (after too many failed logins)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from regie.access.policy import request_user, requires
from regie.accounts.lockout import account_unlock
from regie.accounts.models import User


@requires("accounts.manage")
@require_POST
def user_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(User, pk=pk)
    lifted = account_unlock(actor=request_user(request), user=target, request=request)
    if lifted:
        messages.success(
            request, f"De blokkering van {target} is opgeheven; de mislukte pogingen zijn gewist."
        )
    else:
        messages.info(request, f"{target} was niet geblokkeerd; eventuele mislukte pogingen zijn gewist.")
    return HttpResponseRedirect(f"/beheer/gebruikers/{target.pk}")
