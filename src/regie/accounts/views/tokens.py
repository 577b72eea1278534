"""Personal API tokens: create (shown once), list, revoke."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from regie.access.policy import request_user, requires
from regie.accounts import selectors, services
from regie.accounts.forms import TokenForm


@requires("api_tokens.own")
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    issued = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            issued = services.api_token_create(
                actor=request_user(request),
                user=request_user(request),
                name=form.cleaned_data["name"],
                request=request,
            )
            form = TokenForm()
        else:
            status = 400
    return render(
        request,
        "accounts/token_list.html",
        {
            "form": form,
            "issued": issued,
            "tokens": selectors.tokens_of(request_user(request)),
            "breadcrumbs": [{"label": "Mijn API-tokens"}],
        },
        status=status,
    )


@requires("api_tokens.own")
@require_POST
def token_revoke(request: HttpRequest, pk: UUID) -> HttpResponse:
    token = selectors.tokens_of(request_user(request)).filter(pk=pk).first()
    if token is None:
        raise Http404
    services.api_token_revoke(actor=request_user(request), token=token, request=request)
    messages.success(request, f"Het token '{token.name}' is ingetrokken.")
    return HttpResponseRedirect("/account/api-tokens")
