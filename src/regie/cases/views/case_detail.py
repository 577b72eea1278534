"""The case overview (with change, close and link) and its timeline."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from regie.access.case_access import CaseAccess, cases_visible_to, documents_for, timeline_for
from regie.access.policy import has_permission, request_user, requires
from regie.cases.extensions import panels_for
from regie.cases.forms.case import CaseCloseForm, CaseEditForm, CaseLinkForm
from regie.cases.models import Case, CaseHandOver, CaseHandOverDocument, ZaakTypeMapping
from regie.cases.services.case import case_close, case_link_create, case_update
from regie.cases.views.common import case_url, load_case, may_write, render_case_page
from regie.core.html.form_view import Done, handle_form

NOT_FOUND = "Geen casus gevonden met dit nummer."


def _overview(
    request: HttpRequest,
    access: CaseAccess,
    *,
    edit_form: CaseEditForm | None = None,
    close_form: CaseCloseForm | None = None,
    link_form: CaseLinkForm | None = None,
    status: int = 200,
) -> HttpResponse:
    case = access.case
    user = request_user(request)
    subjects = case.subjects.select_related("person", "address", "location", "business").order_by(
        "role", "created_at"
    )
    linked = (
        cases_visible_to(user)
        .filter(Q(links_in__from_case=case) | Q(links_out__to_case=case))
        .select_related("case_type")
        .distinct()
        .order_by("number")
    )
    initial = {"title": case.title, "status": case.status, "priority": case.priority, "version": case.version}
    days_left = (case.next_deadline - timezone.localdate()).days if case.next_deadline else None
    hand_over = CaseHandOver.objects.filter(case=case).select_related("handed_over_by").first()
    mapping = ZaakTypeMapping.objects.filter(case_type_id=case.case_type_id).first()
    return render_case_page(
        request,
        access,
        tab="overzicht",
        template="cases/case_overview.html",
        context={
            "subjects": subjects,
            "linked": linked,
            "days_left": days_left,
            "edit_form": edit_form or CaseEditForm(initial=initial),
            "close_form": close_form or CaseCloseForm(initial={"version": case.version}),
            "link_form": link_form or CaseLinkForm(),
            "may_close": access.can_close and may_write(access),
            # Placeholder persons (from a signal, no BSN or birth date) can be completed or merged from here.
            "may_edit_persons": may_write(access) and has_permission(user, "persons.edit"),
            "panels": panels_for(user, case, may_write=may_write(access)),
            # The zaaksysteem (Zaken API): the last hand-over, and the button for who may edit the case.
            "hand_over": hand_over,
            "may_hand_over": access.can_edit,
            "has_zaak_mapping": mapping is not None,
            "documents_may_go": bool(mapping and mapping.informatieobjecttype),
            # The documents this user may see (the door), none chosen; those sent before are marked.
            "hand_over_documents": documents_for(access) if access.can_edit and mapping else [],
            "sent_documents": set(
                CaseHandOverDocument.objects.filter(hand_over=hand_over).values_list("document_id", flat=True)
            )
            if hand_over
            else set(),
        },
        status=status,
    )


@requires("case_data.lookup")
@require_GET
def case_overview(request: HttpRequest, case_id: str) -> HttpResponse:
    return _overview(request, load_case(request, case_id))


@requires("case_data.lookup")
@require_POST
def case_edit(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    if not may_write(access):
        raise PermissionDenied
    case = access.case
    form = CaseEditForm(request.POST)

    def update(cleaned: dict[str, Any]) -> Case | Done:
        data = dict(cleaned)
        version = data.pop("version")
        changes = {key: value for key, value in data.items() if getattr(case, key) != value}
        if not changes:
            return Done(case_url(case), "Er is niets gewijzigd.", messages.INFO)
        return case_update(
            actor=request_user(request), case=case, version=version, request=request, **changes
        )

    return handle_form(
        request,
        form,
        action=update,
        render=lambda status: _overview(request, access, edit_form=form, status=status),
        success_url=case_url(case),
        success_message="De casus is bijgewerkt.",
    )


@requires("case_data.lookup")
@require_POST
def case_close_view(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    if not (access.can_close and may_write(access)):
        raise PermissionDenied
    form = CaseCloseForm(request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: case_close(
            actor=request_user(request),
            case=access.case,
            version=data["version"],
            reason=data["reason"],
            request=request,
        ),
        render=lambda status: _overview(request, access, close_form=form, status=status),
        success_url=case_url(access.case),
        success_message="De casus is gesloten.",
    )


@requires("case_data.lookup")
@require_POST
def case_link(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    if not may_write(access):
        raise PermissionDenied
    user = request_user(request)
    form = CaseLinkForm(request.POST)

    def link(data: dict[str, Any]) -> Case:
        # Only a case the user can see: for any other number the answer is the same "not found".
        other: Case | None = cases_visible_to(user).filter(number=data["other"]).first()
        if other is None:
            raise ValidationError({"other": NOT_FOUND})
        case_link_create(actor=user, case=access.case, other=other, reason=data["reason"], request=request)
        return other

    return handle_form(
        request,
        form,
        action=link,
        render=lambda status: _overview(request, access, link_form=form, status=status),
        success_url=case_url(access.case),
        success_message=lambda other: f"De casus is gekoppeld aan {other.number}.",
    )


@requires("case_data.lookup")
@require_GET
def case_timeline(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    page = Paginator(timeline_for(access), 50).get_page(request.GET.get("pagina"))
    return render_case_page(
        request, access, tab="tijdlijn", template="cases/case_timeline.html", context={"page": page}
    )
