"""Tasks of a case: who does what by when (due dates from the Atw calendar), and marking them done."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_GET, require_POST

from regie.access.case_access import CaseAccess
from regie.access.policy import request_user, requires
from regie.cases.forms.work import TaskCompleteForm, TaskForm
from regie.cases.models import Task
from regie.cases.services.tasks import task_complete, task_create
from regie.cases.views.common import (
    case_url,
    case_workers,
    load_case,
    render_case_page,
    require_write,
)
from regie.core.errors import ConflictError
from regie.core.ids import uuid_or_404
from regie.web.forms import apply_errors


def _page(
    request: HttpRequest,
    access: CaseAccess,
    *,
    form: TaskForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    tasks = access.case.tasks.select_related("owner").order_by(
        F("done_at").asc(nulls_first=True), F("due_date").asc(nulls_last=True), "created_at"
    )
    return render_case_page(
        request,
        access,
        tab="taken",
        template="cases/case_tasks.html",
        context={
            "open_tasks": [t for t in tasks if t.done_at is None],
            "done_tasks": [t for t in tasks if t.done_at is not None],
            "form": form or TaskForm(owners=case_workers(access.case)),
            "error": error,
        },
        status=status,
    )


@requires("case_data.lookup")
@require_GET
def tasks_page(request: HttpRequest, case_id: str) -> HttpResponse:
    return _page(request, load_case(request, case_id))


@requires("case_data.lookup")
@require_POST
def task_add(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    require_write(access)
    form = TaskForm(request.POST, owners=case_workers(access.case))
    if form.is_valid():
        data = form.cleaned_data
        try:
            task_create(
                actor=request_user(request),
                case=access.case,
                title=data["title"],
                owner=data["owner"],
                due_date=data["due_date"],
                working_days=data["working_days"],
                request=request,
            )
            messages.success(request, "De taak is toegevoegd.")
            return HttpResponseRedirect(case_url(access.case, "/taken"))
        except ValidationError as exc:
            apply_errors(form, exc, {"period": "working_days"})
    return _page(request, access, form=form, status=400)


@requires("case_data.lookup")
@require_POST
def task_done(request: HttpRequest, case_id: str, task_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    require_write(access)
    task: Task | None = access.case.tasks.filter(pk=uuid_or_404(task_id)).first()
    if task is None:
        raise Http404
    form = TaskCompleteForm(request.POST)
    if not form.is_valid():
        return _page(request, access, error="Laad de pagina opnieuw en probeer het nog eens.", status=400)
    try:
        task_complete(
            actor=request_user(request), task=task, version=form.cleaned_data["version"], request=request
        )
    except ConflictError as exc:
        return _page(request, access, error=exc.message, status=409)
    except ValidationError as exc:
        return _page(request, access, error=" ".join(exc.messages), status=400)
    messages.success(request, f"Taak afgerond: {task.title}")
    return HttpResponseRedirect(case_url(access.case, "/taken"))
