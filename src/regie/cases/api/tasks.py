"""REST resources `cases/{id}/tasks` and `cases/{id}/tasks/{taskId}/completion`."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.cases.api.base import CaseScopedView, require
from regie.cases.api.serializers import TaskCompletionSerializer, TaskCreateSerializer, TaskSerializer
from regie.cases.services.tasks import task_complete, task_create


class CaseTasks(CaseScopedView):
    """The case's tasks (open ones first, soonest due first); add a task."""

    serializer_class = TaskSerializer
    read_action = "case.tasks_viewed"

    @extend_schema(responses=TaskSerializer(many=True))
    def get(self, request: Request, id: Any) -> Response:
        tasks = self.case_access().case.tasks.select_related("owner")
        return self.paginated(tasks.order_by("done_at", "due_date", "created_at", "id"))

    @extend_schema(request=TaskCreateSerializer, responses={201: TaskSerializer})
    def post(self, request: Request, id: Any) -> Response:
        access = self.case_access(log=False)
        require(access.can_edit)
        values = self.body(request, TaskCreateSerializer)
        # The service refuses an owner who cannot see the case (`may_own_task`), as a 400 on `owner`.
        task = task_create(actor=self.user, case=access.case, request=request._request, **values)
        return Response(TaskSerializer(task).data, status=status.HTTP_201_CREATED)


class TaskCompletion(CaseScopedView):
    """Mark a task done (with the version you read; a stale version is a 409)."""

    serializer_class = TaskSerializer

    @extend_schema(request=TaskCompletionSerializer, responses=TaskSerializer)
    def post(self, request: Request, id: Any, taskId: Any) -> Response:
        access = self.case_access(log=False)
        task = access.case.tasks.filter(pk=taskId).first()
        if task is None:
            raise Http404
        require(access.can_edit)
        values = self.body(request, TaskCompletionSerializer)
        done = task_complete(actor=self.user, task=task, version=values["version"], request=request._request)
        return Response(TaskSerializer(done).data)
