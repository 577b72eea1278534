"""Documents of a case: upload (type sniffed from content, size-limited) and download through the door."""

from __future__ import annotations

from typing import IO, cast

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_POST

from regie.access.case_access import CaseAccess, documents_for, get_document_for
from regie.access.policy import request_user, requires
from regie.cases.forms.work import DocumentForm
from regie.cases.services.documents import document_path, document_upload
from regie.cases.views.common import case_url, load_case, render_case_page, require_write
from regie.core.html.form_view import handle_form


def _form(access: CaseAccess, request: HttpRequest | None = None) -> DocumentForm:
    if request is None:
        return DocumentForm(categories=access.categories, max_mb=settings.REGIE_MAX_UPLOAD_MB)
    return DocumentForm(
        request.POST, request.FILES, categories=access.categories, max_mb=settings.REGIE_MAX_UPLOAD_MB
    )


def _page(
    request: HttpRequest, access: CaseAccess, *, form: DocumentForm | None = None, status: int = 200
) -> HttpResponse:
    return render_case_page(
        request,
        access,
        tab="documenten",
        template="cases/case_documents.html",
        context={"documents": documents_for(access), "form": form or _form(access)},
        status=status,
    )


@requires("case_data.lookup")
@require_GET
def documents_page(request: HttpRequest, case_id: str) -> HttpResponse:
    return _page(request, load_case(request, case_id))


@requires("case_data.lookup")
@require_POST
def document_add(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    require_write(access)
    form = _form(access, request)
    return handle_form(
        request,
        form,
        action=lambda data: document_upload(
            actor=request_user(request),
            access=access,
            category=data["category"],
            title=data["title"],
            document_type=data["document_type"],
            filename=data["file"].name or "document",
            content=cast(IO[bytes], data["file"]),
            request=request,
        ),
        render=lambda status: _page(request, access, form=form, status=status),
        success_url=case_url(access.case, "/documenten"),
        success_message="Het document is opgeslagen.",
    )


@requires("case_data.lookup")
@require_GET
def document_download(request: HttpRequest, case_id: str, document_id: str) -> HttpResponse:
    """The file as an attachment, only through its case and category; the download is logged."""
    _, document = get_document_for(request_user(request), case_id, document_id, request=request)
    path = document_path(document)
    if not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=document.filename, content_type=document.content_type
    )
    return cast(HttpResponse, response)  # a streamed file; the view decorators only pass it on
