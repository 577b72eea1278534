"""What every case API view shares: the case through the access door, and service errors named as on the wire."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import CaseAccess, get_case_for
from regie.accounts.models import User
from regie.core.api.conventions import require as require_allowed

READ_ONLY = "U mag in deze casus alleen lezen."


class CaseScopedView(generics.GenericAPIView[Any]):
    """A view on one case (path parameter `id`): missing and not-yours are the same 404, reads are logged."""

    required_permission = "case_data.lookup"
    read_action = "case.viewed"

    @property
    def user(self) -> User:
        user = self.request.user
        assert isinstance(user, User)  # IsAuthenticated and RegiePermission ran before any handler
        return user

    def case_access(self, *, log: bool = True) -> CaseAccess:
        """The case with the caller's rights; a read logs `read_action`, a write leaves logging to its service."""
        return get_case_for(
            self.user, self.kwargs["id"], action=self.read_action, request=self.request._request, log=log
        )

    def paginated(self, queryset: QuerySet[Any]) -> Response:
        page = self.paginate_queryset(queryset)
        assert page is not None  # every collection is paginated
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def body(self, request: Request, serializer_class: type[Any]) -> dict[str, Any]:
        """The request body, translated and checked for shape (the service checks the meaning)."""
        serializer = serializer_class(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


def require(allowed: bool, detail: str = READ_ONLY) -> None:
    """A 403 for a user who may see this case but not do this in it (seeing it was already allowed)."""
    require_allowed(allowed, detail)
