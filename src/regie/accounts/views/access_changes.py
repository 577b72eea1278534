"""Four eyes on access: a second administrator approves or rejects a change of role or organisation; the privacy
officer follows every such change."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from regie.access.policy import request_user, requires
from regie.accounts import selectors
from regie.accounts.account_changes import account_change_approve, account_change_reject
from regie.accounts.forms import AccessChangeDecisionForm
from regie.accounts.models import AccountChange
from regie.core.html.form_view import handle_form

ADMIN_CRUMB = {"label": "Beheer", "url": "/beheer"}
LIST_URL = "/beheer/toegangswijzigingen"


def _form(change: AccountChange, data: object = None) -> AccessChangeDecisionForm:
    return AccessChangeDecisionForm(data, prefix=f"w{change.pk.hex[:12]}")  # type: ignore[arg-type]


def _page(
    request: HttpRequest,
    *,
    failed: tuple[AccountChange, AccessChangeDecisionForm] | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    user = request_user(request)
    pending = []
    for change in selectors.access_changes(pending=True):
        form: AccessChangeDecisionForm | None = None
        if failed and failed[0].pk == change.pk:
            form = failed[1]
        elif user.pk not in (change.requested_by_id, change.user_id):  # theirs is for another administrator
            form = _form(change)
        pending.append({"change": change, "form": form})
    return render(
        request,
        "accounts/access_changes.html",
        {
            "pending": pending,
            "decided": selectors.access_changes(pending=False),
            "may_decide": True,
            "error": error,
            "breadcrumbs": [ADMIN_CRUMB, {"label": "Wijzigingen van rol of organisatie"}],
        },
        status=status,
    )


@requires("account_changes.decide")
@require_GET
def access_change_list(request: HttpRequest) -> HttpResponse:
    return _page(request)


@requires("account_changes.decide")
@require_POST
def access_change_decide(request: HttpRequest, pk: UUID) -> HttpResponse:
    change = get_object_or_404(AccountChange.objects.select_related("user"), pk=pk)
    if not change.is_pending:
        return _page(request, error="Over deze wijziging is al beslist.", status=400)
    form = _form(change, request.POST)
    actor = request_user(request)

    def decide(data: dict[str, Any]) -> str:
        try:
            if data["decision"] == "goedkeuren":
                account_change_approve(actor=actor, change=change, note=data["note"], request=request)
                return f"De wijziging voor {change.user} is goedgekeurd en doorgevoerd."
            account_change_reject(actor=actor, change=change, note=data["note"], request=request)
            return f"De wijziging voor {change.user} is afgewezen."
        except PermissionDenied as exc:  # the one who asked, or the user it is about: shown with a reason
            raise PermissionDenied(str(exc) or "U mag over deze wijziging niet beslissen.") from exc

    return handle_form(
        request,
        form,
        action=decide,
        render=lambda status: _page(request, failed=(change, form), status=status),
        success_url=LIST_URL,
        success_message=lambda message: message,
        refusals={PermissionDenied: 403},
    )


@requires("account_changes.view")
@require_GET
def access_change_overview(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/access_changes.html",
        {
            "pending": [{"change": c, "form": None} for c in selectors.access_changes(pending=True)],
            "decided": selectors.access_changes(pending=False),
            "may_decide": False,
            "breadcrumbs": [{"label": "Wijzigingen van rol of organisatie"}],
        },
    )
