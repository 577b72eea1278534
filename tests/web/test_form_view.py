"""The one way to write a form view: refused form, refusing service, stale version, denial, success."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from regie.core.errors import ConflictError
from regie.core.html.form_view import Done, handle_form


class NameForm(forms.Form):
    name = forms.CharField(error_messages={"required": "Vul een naam in."})
    version = forms.IntegerField(required=False)


def _request(data: dict[str, str] | None = None) -> HttpRequest:
    factory = RequestFactory()
    request = factory.post("/x", data) if data is not None else factory.get("/x")
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def _shown(request: HttpRequest) -> list[tuple[int, str]]:
    return [(m.level, m.message) for m in messages.get_messages(request)]


class Page:
    """The page the view draws on a refusal: remembers the form and status it was drawn with."""

    def __init__(self, form: forms.Form) -> None:
        self.form = form
        self.statuses: list[int] = []

    def __call__(self, status: int) -> HttpResponse:
        self.statuses.append(status)
        return HttpResponse("page", status=status)


def _handle(request: HttpRequest, action: Any, **kwargs: Any) -> tuple[HttpResponse, NameForm, Page]:
    form = NameForm(request.POST if request.method == "POST" else None)
    page = Page(form)
    response = handle_form(request, form, action=action, render=page, **kwargs)
    return response, form, page


def test_a_get_draws_the_page_and_calls_nothing():
    calls: list[Any] = []
    response, _, page = _handle(_request(), calls.append, success_url="/klaar")
    assert response.status_code == 200 and page.statuses == [200] and calls == []


def test_a_refused_form_shows_its_errors_and_saves_nothing():
    calls: list[Any] = []
    request = _request({"name": ""})
    response, form, _ = _handle(request, calls.append, success_url="/klaar", success_message="Opgeslagen.")
    assert response.status_code == 400
    assert form.errors["name"] == ["Vul een naam in."]
    assert calls == [] and _shown(request) == []


def test_a_refusing_service_shows_its_errors_on_the_fields_with_aliases():
    def refuse(data: dict[str, Any]) -> None:
        raise ValidationError({"naam": "Deze naam is al in gebruik.", "other": "Iets anders klopt niet."})

    request = _request({"name": "Jan"})
    response, form, _ = _handle(request, refuse, success_url="/klaar", aliases={"naam": "name"})
    assert response.status_code == 400
    assert form.errors["name"] == ["Deze naam is al in gebruik."]
    assert form.non_field_errors() == ["Iets anders klopt niet."]
    assert _shown(request) == []


def test_a_stale_version_is_a_409_with_the_message_above_the_form():
    def stale(data: dict[str, Any]) -> None:
        raise ConflictError("Iemand anders heeft dit intussen gewijzigd.")

    response, form, _ = _handle(_request({"name": "Jan", "version": "1"}), stale, success_url="/klaar")
    assert response.status_code == 409
    assert form.non_field_errors() == ["Iemand anders heeft dit intussen gewijzigd."]


def test_a_denial_is_the_plain_403_unless_its_reason_is_to_be_shown():
    def deny(data: dict[str, Any]) -> None:
        raise PermissionDenied("Alleen de coördinator mag dit.")

    with pytest.raises(PermissionDenied):
        _handle(_request({"name": "Jan"}), deny, success_url="/klaar")
    response, form, _ = _handle(
        _request({"name": "Jan"}), deny, success_url="/klaar", refusals={PermissionDenied: 403}
    )
    assert response.status_code == 403
    assert form.non_field_errors() == ["Alleen de coördinator mag dit."]


def test_success_redirects_with_its_message_made_from_the_result():
    request = _request({"name": "Jan"})
    response, _, page = _handle(
        request,
        lambda data: data["name"].upper(),
        success_url=lambda name: f"/personen/{name}",
        success_message=lambda name: f"{name} is opgeslagen.",
    )
    assert response.status_code == 302 and response["Location"] == "/personen/JAN"
    assert _shown(request) == [(messages.SUCCESS, "JAN is opgeslagen.")]
    assert page.statuses == []


def test_an_action_can_give_its_own_answer():
    request = _request({"name": "Jan"})
    response, _, _ = _handle(
        request,
        lambda data: Done("/elders", "Er is niets gewijzigd.", messages.INFO),
        success_url="/klaar",
        success_message="Opgeslagen.",
    )
    assert response.status_code == 302 and response["Location"] == "/elders"
    assert _shown(request) == [(messages.INFO, "Er is niets gewijzigd.")]
