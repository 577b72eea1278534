from __future__ import annotations

from typing import Any

from django.core.paginator import EmptyPage, PageNotAnInteger
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from regie.core.paging import NO_SUCH_PAGE, WindowCountPaginator, page_number

POSITIVE = "Moet een positief geheel getal zijn."


class PageNumberPagination(pagination.PageNumberPagination):
    """`page` and `pageSize` (max 100); `{"count", "next", "previous", "results"}`; bad values are a 400."""

    page_size = 20
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = 100

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any] | None:
        """A page number that is not one is a 400 naming the parameter; a page that does not exist a 404."""
        errors: dict[str, list[str]] = {}
        beyond_any_page = False
        raw_page = request.query_params.get(self.page_query_param)
        if raw_page is not None:
            try:
                page_number(raw_page)
            except PageNotAnInteger:
                errors[self.page_query_param] = [POSITIVE]
            except EmptyPage:
                beyond_any_page = True  # a number, larger than any page: as past the end
        raw_size = request.query_params.get(self.page_size_query_param)
        if raw_size is not None:
            significant = raw_size.lstrip("0")
            if not (raw_size.isascii() and raw_size.isdigit()) or not significant:
                errors[self.page_size_query_param] = [POSITIVE]
            elif len(significant) > 3 or int(significant) > self.max_page_size:
                errors[self.page_size_query_param] = [f"Mag hoogstens {self.max_page_size} zijn."]
        if errors:
            raise ValidationError(errors)
        if beyond_any_page:
            raise NotFound(NO_SUCH_PAGE)
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            raise NotFound(NO_SUCH_PAGE) from exc

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
