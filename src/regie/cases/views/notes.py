"""Notes of a case: only the data categories the viewer may see, and only those to write in."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_POST

from regie.access.case_access import CaseAccess, notes_for
from regie.access.policy import request_user, requires
from regie.cases.forms.work import NoteForm
from regie.cases.services.notes import note_create
from regie.cases.views.common import case_url, load_case, render_case_page, require_write
from regie.core.html.form_view import handle_form

PAGE_SIZE = 25


def _page(
    request: HttpRequest, access: CaseAccess, *, form: NoteForm | None = None, status: int = 200
) -> HttpResponse:
    page = Paginator(notes_for(access), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render_case_page(
        request,
        access,
        tab="notities",
        template="cases/case_notes.html",
        context={"page": page, "form": form or NoteForm(categories=access.categories)},
        status=status,
    )


@requires("case_data.lookup")
@require_GET
def notes_page(request: HttpRequest, case_id: str) -> HttpResponse:
    return _page(request, load_case(request, case_id))


@requires("case_data.lookup")
@require_POST
def note_add(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    require_write(access)
    form = NoteForm(request.POST, categories=access.categories)
    return handle_form(
        request,
        form,
        action=lambda data: note_create(
            actor=request_user(request),
            access=access,
            category=data["category"],
            text=data["text"],
            request=request,
        ),
        render=lambda status: _page(request, access, form=form, status=status),
        success_url=case_url(access.case, "/notities"),
        success_message="De notitie is opgeslagen.",
    )
