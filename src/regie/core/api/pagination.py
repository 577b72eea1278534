from __future__ import annotations

from typing import Any

from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from regie.core.paging import WindowCountPaginator


class PageNumberPagination(pagination.PageNumberPagination):
    """`page` and `pageSize` (max 100); `{"count", "next", "previous", "results"}`; bad values are a 400."""

    page_size = 20
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = 100

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any] | None:
        errors = []
        for name, maximum in (
            (self.page_query_param, None),
            (self.page_size_query_param, self.max_page_size),
        ):
            raw = request.query_params.get(name)
            if raw is None:
                continue
            if not raw.isdigit() or int(raw) < 1:
                errors.append((name, "Moet een positief geheel getal zijn."))
            elif maximum is not None and int(raw) > maximum:
                errors.append((name, f"Mag hoogstens {maximum} zijn."))
        if errors:
            raise ValidationError({name: [reason] for name, reason in errors})
        try:
            return super().paginate_queryset(queryset, request, view)
        except Exception as exc:
            from rest_framework.exceptions import NotFound

            if isinstance(exc, NotFound):
                raise NotFound("Deze pagina bestaat niet.") from exc
            raise

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["count", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": "Paginanummer.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": "pageSize",
                "required": False,
                "in": "query",
                "description": "Aantal per pagina (max 100).",
                "schema": {"type": "integer", "minimum": 1, "maximum": 100},
            },
        ]


class WindowCountPagination(PageNumberPagination):
    """The same, counting in the page query itself (`regie.core.paging`): for lists over the access door's
    visible cases, where a separate COUNT would be a second pass over thousands of rows."""

    django_paginator_class = WindowCountPaginator
