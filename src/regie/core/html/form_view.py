"""One way to write a form view: parse the form, call one service, answer.

Every HTML page that writes has the same shape, so it is written once here:

    return handle_form(
        request,
        form,
        action=lambda data: note_create(actor=user, text=data["text"], request=request),
        render=lambda status: _page(request, access, form=form, status=status),
        success_url=case_url(access.case, "/notities"),
        success_message="De notitie is opgeslagen.",
    )

- not a POST: the page with the (unbound) form, 200;
- the form is invalid, or the service refuses it (``ValidationError``): its Dutch errors on the form, 400;
- the service finds a stale version (``ConflictError``): its message above the form, 409;
- otherwise: the success message and a redirect (302).

The action gets the form's cleaned data and returns what it made; ``success_url`` and ``success_message`` may be
callables of that result (``lambda case: f"Casus {case.number} is aangemaakt."``). An action that has a different
answer than the usual one (nothing changed, already allowed …) returns a ``Done`` with its own url, message and level.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from regie.core.errors import ConflictError
from regie.core.html.forms import apply_errors

T = TypeVar("T")


@dataclass(frozen=True)
class Done:
    """An action's own answer: redirect to ``url``, with ``message`` (when any) at ``level``."""

    url: str
    message: str = ""
    level: int = messages.SUCCESS


def handle_form(
    request: HttpRequest,
    form: Form,
    *,
    action: Callable[[dict[str, Any]], T],
    render: Callable[[int], HttpResponse],
    success_url: str | Callable[[T], str] = "",
    success_message: str | Callable[[T], str] = "",
    aliases: Mapping[str, str] | None = None,
    refusals: Mapping[type[Exception], int] | None = None,
) -> HttpResponse:
    """Answer a form page: see the module docstring.

    ``success_url`` may be left out when the action always answers with a ``Done``.
    ``render(status)`` draws the page with this (bound) form; ``aliases`` map a service's error keys to form
    fields; ``refusals`` are further exceptions whose text is shown above the form with their status, e.g.
    ``{PermissionDenied: 403}`` for a rule whose reason the user must read (instead of the plain 403 page) or
    ``{StorageUnavailable: 503}``.
    """
    if request.method != "POST":
        return render(200)
    if not form.is_valid():
        return render(400)
    try:
        result = action(form.cleaned_data)
    except ValidationError as exc:
        apply_errors(form, exc, aliases)
        return render(400)
    except ConflictError as exc:
        form.add_error(None, exc.message)
        return render(409)
    except Exception as exc:
        status = _refusal_status(exc, refusals or {})
        if status is None:
            raise
        form.add_error(None, str(exc))
        return render(status)
    if isinstance(result, Done):
        if result.message:
            messages.add_message(request, result.level, result.message)
        return HttpResponseRedirect(result.url)
    message = success_message(result) if callable(success_message) else success_message
    if message:
        messages.success(request, message)
    url = success_url(result) if callable(success_url) else success_url
    if not url:
        raise ValueError("handle_form: the action returned no Done and there is no success_url")
    return HttpResponseRedirect(url)


def _refusal_status(exc: Exception, refusals: Mapping[type[Exception], int]) -> int | None:
    for kind, status in refusals.items():
        if isinstance(exc, kind):
            return status
    return None
