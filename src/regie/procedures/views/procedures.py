"""Procedure pages: list, start, the procedure with its timeline, taking a step, addressees, letters.

Every page fetches through the access door of the case (`get_procedure_for`, `get_case_for`), so "does not
exist" and "not yours" are the same 404; roles without procedures get the Dutch 403.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from regie.access.case_access import cases_visible_to, documents_for, get_case_for, get_document_for
from regie.access.policy import request_user, requires
from regie.access.subject_access import log_read
from regie.cases.services.documents import DOCUMENT_TYPES, document_path
from regie.core.errors import ConflictError
from regie.core.ids import uuid_or_404
from regie.procedures import selectors
from regie.procedures.charts import deadline_css, procedure_timeline
from regie.procedures.models import AddresseeRole, ProcedureStatus
from regie.procedures.services.addressees import case_addresses, procedure_addressee_add
from regie.procedures.services.default import default_states
from regie.procedures.services.definitions import definition_of, shipped_definitions, types_startable_by
from regie.procedures.services.engine import letters_regenerate, procedure_move, procedure_start
from regie.procedures.services.fields import raw_from_post
from regie.procedures.views.forms import errors_of, step_choices, step_fields, step_from_query, upload_from

CRUMB = {"label": "Procedures", "url": "/procedures"}


@requires("procedures.view")
def procedure_list_page(request: HttpRequest) -> HttpResponse:
    types = {d.code: d for d in shipped_definitions()}
    chosen = request.GET.get("soort", "")
    status = request.GET.get("status", ProcedureStatus.RUNNING)
    filters = selectors.ProcedureFilter(
        type_code=chosen if chosen in types else "",
        status=status if status in ProcedureStatus.values else "",
    )
    procedures = list(selectors.procedure_list(request.user, filters)[:200])
    log_read(
        request.user,
        action="procedure.listed",
        request=request,
        object_type="procedure",
        case_ids=[p.case_id for p in procedures],
        details={"cases": [p.case.number for p in procedures]},
    )
    rows = [
        {"procedure": p, "step": definition_of(p).step(p.current_step), "definition": definition_of(p)}
        for p in procedures
    ]
    return render(
        request,
        "procedures/list.html",
        {
            "rows": rows,
            "types": [(d.code, d.label) for d in types.values()],
            "chosen": filters.type_code,
            "status": filters.status,
            "statuses": ProcedureStatus.choices,
            "today": timezone.localdate(),
            "breadcrumbs": [{"label": "Procedures"}],
        },
    )


@requires("procedures.view")
def procedure_page(request: HttpRequest, procedure_id: str) -> HttpResponse:
    user = request_user(request)
    access, procedure = selectors.get_procedure_for(user, procedure_id, request=request)
    definition = definition_of(procedure)
    today = timezone.localdate()
    transitions = list(procedure.transitions.select_related("actor").order_by("seq"))
    deadlines = list(procedure.deadlines.select_related("addressee", "owner").order_by("due_date", "label"))
    defaults = default_states(deadlines, selectors.default_notices([procedure.pk]), today)
    visible_docs = {d.pk: d for d in documents_for(access)}
    history = [
        {
            "transition": t,
            "step": definition.step(t.to_step),
            "documents": [visible_docs[d] for d in t.documents if d in visible_docs],
        }
        for t in transitions
    ]
    letters = list(
        procedure.letters.filter(document__category__in=access.categories).select_related(
            "document", "addressee"
        )
    )
    allowed = (
        definition.allowed_after(procedure.current_step)
        if procedure.status == ProcedureStatus.RUNNING
        else ()
    )
    return render(
        request,
        "procedures/detail.html",
        {
            "procedure": procedure,
            "access": access,
            "definition": definition,
            "current": definition.step(procedure.current_step),
            "history": history,
            "deadlines": [
                {"deadline": d, "css": deadline_css(d, today), "default": defaults.get(d.pk)}
                for d in deadlines
            ],
            "defaults": list(defaults.values()),
            "addressees": list(procedure.addressees.all()),
            "letters": letters,
            "next_steps": step_choices(definition, allowed, user.role),
            "chart": procedure_timeline(definition, transitions, deadlines, today),
            "today": today,
            "breadcrumbs": [CRUMB, {"label": f"{definition.label} — {procedure.case.number}"}],
        },
    )


def _step_form_context(
    request: HttpRequest, procedure: Any, step: Any, errors: dict[str, str]
) -> dict[str, Any]:
    return {
        "fields": step_fields(
            step, procedure=procedure, post=request.POST if request.method == "POST" else None, errors=errors
        ),
        "document_types": DOCUMENT_TYPES,
        "errors": errors,
    }


@requires("procedures.view")
@require_http_methods(["GET", "POST"])
def procedure_move_page(request: HttpRequest, procedure_id: str) -> HttpResponse:
    user = request_user(request)
    access, procedure = selectors.get_procedure_for(user, procedure_id, request=request)
    definition = definition_of(procedure)
    url = f"/procedures/{procedure.pk}"
    allowed = (
        definition.allowed_after(procedure.current_step)
        if procedure.status == ProcedureStatus.RUNNING
        else ()
    )
    asked = (request.POST.get("stap") if request.method == "POST" else request.GET.get("stap", "")) or ""
    code = step_from_query(definition, asked[:100]) or asked
    step = definition.step(code or "") if code in allowed else None
    errors: dict[str, str] = {}
    status = 200
    if code and step is None:
        errors["step"] = "Deze stap kan nu niet worden gezet; kies een van de stappen hieronder."
        status = 400
    if request.method == "POST" and step is not None:
        version = request.POST.get("versie", "")
        try:
            result = procedure_move(
                actor=user,
                access=access,
                procedure=procedure,
                step=step.code,
                on_date=request.POST.get("datum", ""),
                version=int(version) if version.isdigit() else -1,
                data=raw_from_post(step, request.POST),
                documents=request.POST.getlist("documenten"),
                upload=upload_from(request, step),
                request=request,
            )
        except ValidationError as exc:
            errors, status = errors_of(exc), 400
        except ConflictError as exc:
            errors, status = {"step": exc.message}, 409
        else:
            messages.success(request, f"Stap '{step.label}' is vastgelegd.")
            for note in result.notes:
                messages.warning(request, note)
            if result.letters:
                messages.info(
                    request, f"{len(result.letters)} brief/brieven gemaakt en bij de casus opgeslagen."
                )
            return HttpResponseRedirect(url)
    context: dict[str, Any] = (
        _step_form_context(request, procedure, step, errors) if step else {"errors": errors}
    )
    context.update(
        {
            "procedure": procedure,
            "definition": definition,
            "step": step,
            "current": definition.step(procedure.current_step),
            "next_steps": step_choices(definition, allowed, user.role),
            "documents": list(documents_for(access)[:50]),
            "chosen_documents": request.POST.getlist("documenten"),
            "date_value": request.POST.get("datum", timezone.localdate().isoformat()),
            "breadcrumbs": [
                CRUMB,
                {"label": f"{definition.label} — {procedure.case.number}", "url": url},
                {"label": "Stap zetten"},
            ],
        }
    )
    return render(request, "procedures/move.html", context, status=status)


@requires("procedures.view")
@require_http_methods(["GET", "POST"])
def procedure_start_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    types = {
        d.code: d for d in types_startable_by(user.role)
    }  # a BRP officer: the address investigation only
    source = request.POST if request.method == "POST" else request.GET
    type_code = source.get("soort", "")
    number = source.get("casus", "").strip()[:20]
    errors: dict[str, str] = {}
    definition = types.get(type_code)
    access = None
    if type_code and definition is None:
        known = any(d.code == type_code for d in shipped_definitions())
        errors["soort"] = (
            "Deze soort procedure kunt u niet starten; kies er een uit de lijst."
            if known
            else "Kies een bestaande soort procedure."
        )
    if number:
        case = cases_visible_to(user).filter(number=number).only("id").first()
        if case is None:
            errors["casus"] = "Er is geen casus met dit nummer die u mag zien."
        else:
            access = get_case_for(user, case.pk, request=request)
    status = 400 if errors else 200
    step = definition.step(definition.start_step) if definition else None
    if (
        request.method == "POST"
        and access is not None
        and definition is not None
        and step is not None
        and not errors
    ):
        try:
            result = procedure_start(
                actor=user,
                access=access,
                type_code=definition.code,
                on_date=request.POST.get("datum", ""),
                data=raw_from_post(step, request.POST),
                documents=request.POST.getlist("documenten"),
                upload=upload_from(request, step),
                address_id=request.POST.get("adres") or None,
                request=request,
            )
        except ValidationError as exc:
            errors, status = errors_of(exc), 400
        else:
            messages.success(request, f"De {definition.label.lower()} is gestart.")
            return HttpResponseRedirect(f"/procedures/{result.procedure.pk}")
    elif request.method == "POST":
        status = 400
        errors.setdefault("casus", "Kies een soort procedure en een casus.")
    context: dict[str, Any] = {
        "types": list(types.values()),
        "type_code": type_code,
        "number": number,
        "definition": definition,
        "step": step if access is not None else None,
        "access": access,
        "addresses": case_addresses(access.case) if access is not None else [],
        "documents": list(documents_for(access)[:50]) if access is not None else [],
        "date_value": request.POST.get("datum", timezone.localdate().isoformat()),
        "errors": errors,
        "breadcrumbs": [CRUMB, {"label": "Procedure starten"}],
    }
    if step is not None and access is not None:
        context.update(_step_form_context(request, None, step, errors))
    return render(request, "procedures/start.html", context, status=status)


@requires("procedures.view")
@require_http_methods(["GET", "POST"])
def addressee_add_page(request: HttpRequest, procedure_id: str) -> HttpResponse:
    user = request_user(request)
    access, procedure = selectors.get_procedure_for(user, procedure_id, request=request)
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        try:
            procedure_addressee_add(
                actor=user,
                access=access,
                procedure=procedure,
                role=request.POST.get("rol", ""),
                name=request.POST.get("naam", ""),
                address_line=request.POST.get("straat", ""),
                postal_line=request.POST.get("postcode_plaats", ""),
                request=request,
            )
        except ValidationError as exc:
            errors, status = errors_of(exc), 400
        else:
            messages.success(request, "De geadresseerde is toegevoegd.")
            return HttpResponseRedirect(f"/procedures/{procedure.pk}")
    definition = definition_of(procedure)
    return render(
        request,
        "procedures/addressee.html",
        {
            "procedure": procedure,
            "roles": AddresseeRole.choices,
            "values": request.POST,
            "errors": errors,
            "breadcrumbs": [
                CRUMB,
                {
                    "label": f"{definition.label} — {procedure.case.number}",
                    "url": f"/procedures/{procedure.pk}",
                },
                {"label": "Geadresseerde toevoegen"},
            ],
        },
        status=status,
    )


@requires("procedures.view")
def letter_download(request: HttpRequest, procedure_id: str, letter_id: str) -> HttpResponse:
    user = request_user(request)
    _, procedure = selectors.get_procedure_for(user, procedure_id, request=request)
    letter = procedure.letters.filter(pk=uuid_or_404(letter_id)).first()
    if letter is None:
        raise Http404
    _, document = get_document_for(user, procedure.case_id, letter.document_id, request=request)
    path = document_path(document)
    if not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=document.filename, content_type=document.content_type
    )
    return cast(HttpResponse, response)  # a streamed file; the view decorators only pass it on


@requires("procedures.view")
@require_POST
def letter_regenerate_page(request: HttpRequest, procedure_id: str) -> HttpResponse:
    user = request_user(request)
    access, procedure = selectors.get_procedure_for(user, procedure_id, request=request)
    try:
        letters = letters_regenerate(
            actor=user,
            access=access,
            procedure=procedure,
            code=request.POST.get("brief", ""),
            request=request,
        )
    except ValidationError as exc:
        messages.error(request, next(iter(errors_of(exc).values())))
    else:
        messages.success(request, f"{len(letters)} brief/brieven opnieuw gemaakt met het huidige sjabloon.")
    return HttpResponseRedirect(f"/procedures/{procedure.pk}")
