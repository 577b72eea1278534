"""Tasks of a case: who does what by when (due dates from the Atw calendar), and marking them done."""

from __future__ import annotations

from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
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
from regie.core.html.form_view import handle_form
from regie.core.ids import uuid_or_404

RELOAD = "Laad de pagina opnieuw en probeer het nog eens."


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
    return handle_form(
        request,
        form,
        action=lambda data: task_create(
            actor=request_user(request),
            case=access.case,
            title=data["title"],
            owner=data["owner"],
            due_date=data["due_date"],
            working_days=data["working_days"],
            request=request,
        ),
        render=lambda status: _page(request, access, form=form, status=status),
        success_url=case_url(access.case, "/taken"),
        success_message="De taak is toegevoegd.",
        aliases={"period": "working_days"},
    )


@requires("case_data.lookup")
@require_POST
def task_done(request: HttpRequest, case_id: str, task_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    require_write(access)
    task: Task | None = access.case.tasks.filter(pk=uuid_or_404(task_id)).first()
    if task is None:
        raise Http404
    form = TaskCompleteForm(request.POST)
    # The form is one hidden version field: the page shows what went wrong above the list, not on a form.
    return handle_form(
        request,
        form,
        action=lambda data: task_complete(
            actor=request_user(request), task=task, version=data["version"], request=request
        ),
        render=lambda status: _page(request, access, error=_error_of(form), status=status),
        success_url=case_url(access.case, "/taken"),
        success_message=f"Taak afgerond: {task.title}",
    )


def _error_of(form: TaskCompleteForm) -> str:
    """The service's refusal or conflict (above the form); a broken form itself: ask to reload."""
    return " ".join(str(e) for e in form.non_field_errors()) or RELOAD
