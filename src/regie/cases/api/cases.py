"""REST resource `cases`: the list and creation, and one case (read, change, close)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import CaseAccess, get_case_for, subjects_for
from regie.access.case_list import CaseListFilter, CasesByDeadline
from regie.access.policy import has_permission
from regie.access.subject_access import log_read, persons_visible_to
from regie.accounts.models import User
from regie.cases.api.base import CaseScopedView, require
from regie.cases.api.serializers import (
    CaseCreateSerializer,
    CaseDetailSerializer,
    CaseSerializer,
    CaseUpdateSerializer,
)
from regie.cases.models import Case, CaseStatus
from regie.cases.services.case import SubjectRef, case_close, case_create, case_update
from regie.core.api.casing import snakify
from regie.core.api.conventions import wire_names
from regie.core.api.pagination import WindowCountPagination

NOT_COORDINATOR = "Alleen de coördinator kan deze casus sluiten."


class CaseQuery(serializers.Serializer[Any]):
    type = serializers.SlugField(required=False, max_length=60)
    status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)
    coordinator = serializers.CharField(required=False, max_length=150)


def _render(access: CaseAccess, status_code: int = status.HTTP_200_OK) -> Response:
    prefetch_related_objects([access.case], Prefetch("subjects", queryset=subjects_for(access)))
    return Response(CaseDetailSerializer(access.case, context={"access": access}).data, status=status_code)


@extend_schema_view(
    get=extend_schema(
        parameters=[
            OpenApiParameter("type", str, description="Code van het casustype"),
            OpenApiParameter("status", str, enum=CaseStatus.values, description="Status"),
            OpenApiParameter("coordinator", str, description="Gebruikersnaam van de coördinator"),
        ]
    )
)
class CaseList(generics.ListAPIView[Case]):
    """The cases you may see, soonest deadline first; create a case (municipal staff)."""

    serializer_class = CaseSerializer
    required_permission = "cases.view"
    pagination_class = WindowCountPagination  # one pass over the visible cases for the page and its count

    def get_queryset(self) -> QuerySet[Case]:
        query = CaseQuery(data=snakify(dict(self.request.query_params.items())))
        query.is_valid(raise_exception=True)
        filters = query.validated_data
        return CasesByDeadline(  # type: ignore[return-value]  # a list a paginator can slice and count
            self.request.user,
            CaseListFilter(
                status=filters.get("status"),
                case_type_code=filters.get("type") or None,
                coordinator_username=(filters.get("coordinator") or "").strip().lower() or None,
            ),
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        log_read(
            request.user,
            action="case.listed",
            request=request._request,
            object_type="case",
            case_ids=[c.pk for c in page],
            details={"cases": [c.number for c in page], "via": "api"},
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=CaseCreateSerializer, responses={201: CaseDetailSerializer})
    def post(self, request: Request) -> Response:
        user = request.user
        assert isinstance(user, User)
        if not has_permission(user, "cases.create") or user.organisation is None:
            raise exceptions.PermissionDenied
        data = CaseCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        wanted = [s["person"] for s in values["subjects"]]
        visible = {p.pk: p for p in persons_visible_to(user).filter(pk__in=wanted)}
        unknown = {
            f"subjects.{i}.person": "Onbekende persoon." for i, pk in enumerate(wanted) if pk not in visible
        }
        if unknown:
            raise serializers.ValidationError(unknown)
        case = case_create(
            actor=user,
            case_type=values["case_type"],
            title=values["title"],
            coordinator=values["coordinator"],
            municipality=user.organisation.municipality,
            priority=values["priority"],
            subjects=[SubjectRef(role=s["role"], person=visible[s["person"]]) for s in values["subjects"]],
            request=request._request,
        )
        return _render(get_case_for(user, case.pk, log=False), status.HTTP_201_CREATED)


class CaseDetail(CaseScopedView):
    """One case with its subjects and what you may do in it; change it or close it."""

    serializer_class = CaseDetailSerializer

    def get(self, request: Request, id: Any) -> Response:
        return _render(self.case_access())

    @extend_schema(
        request=CaseUpdateSerializer,
        responses={
            200: CaseDetailSerializer,
            204: OpenApiResponse(
                description="Opgeslagen; u ziet de casus niet meer (coördinatie overgedragen)."
            ),
        },
    )
    def patch(self, request: Request, id: Any) -> Response:
        access = self.case_access(log=False)
        values = self.body(request, CaseUpdateSerializer)
        version = values.pop("version")
        if values.get("status") == CaseStatus.CLOSED:
            require(access.can_close, NOT_COORDINATOR)
            with wire_names(reason="closed_reason"):
                case_close(
                    actor=self.user,
                    case=access.case,
                    version=version,
                    reason=values["closed_reason"],
                    request=request._request,
                )
        else:
            require(access.can_edit)
            try:
                case_update(
                    actor=self.user, case=access.case, version=version, request=request._request, **values
                )
            except PermissionDenied as exc:  # a hand-over the caller may not make: say why
                raise exceptions.PermissionDenied(str(exc) or None) from exc
        try:
            return _render(get_case_for(self.user, access.case.pk, log=False))
        except Http404:  # a coordinator who handed the case over and is not on its team no longer sees it
            return Response(status=status.HTTP_204_NO_CONTENT)
