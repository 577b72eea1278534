"""The steps of a destruction list through the API (issue 18): propose, exclude a record, review, approve, destroy.

Each step is its own resource with its own permission, as on the pages: the officer proposes, excludes, reviews and
destroys (`destruction.review`); the archivist approves (`destruction.approve`). Refusals are problem+json: a
step out of turn or a wrong name 400, a stale version 409, a role without the step 403, an unknown list 404."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.privacy.destruction import (
    destruction_item_exclude,
    destruction_list_approve,
    destruction_list_destroy,
    destruction_list_propose,
    destruction_list_review,
)
from regie.privacy.models import DestructionList
from regie.privacy.retention_api import DestructionListList, DestructionListSerializer


def _list(list_id: Any) -> DestructionList:
    return get_object_or_404(DestructionListList.queryset, pk=list_id)


class StepSerializer(serializers.Serializer[Any]):
    version = serializers.IntegerField(
        required=False, min_value=1, help_text="De versie die u las; is de lijst intussen gewijzigd, dan 409."
    )


class ExcludeSerializer(serializers.Serializer[Any]):
    item = serializers.UUIDField(help_text="Het id van het record op de lijst.")
    reason = serializers.CharField(max_length=300, allow_blank=True)


class DestroySerializer(serializers.Serializer[Any]):
    confirm_name = serializers.CharField(max_length=120, allow_blank=True, help_text="De naam van de lijst.")


class DestructionListPropose(APIView):
    """POST: propose a list now (as the nightly job does): 201 with the list, or 204 when no term has ended."""

    required_permission = "destruction.review"

    @extend_schema(request=None, responses={201: DestructionListSerializer, 204: None})
    def post(self, request: Request) -> Response:
        dlist = destruction_list_propose()
        if dlist is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(DestructionListSerializer(_list(dlist.pk)).data, status=status.HTTP_201_CREATED)


class DestructionListReview(APIView):
    """POST: the privacy officer has reviewed the list; it goes to the archivist."""

    required_permission = "destruction.review"

    @extend_schema(request=StepSerializer, responses={200: DestructionListSerializer})
    def post(self, request: Request, id: Any) -> Response:
        data = StepSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        destruction_list_review(
            actor=request.user,
            dlist=_list(id),
            version=data.validated_data.get("version"),
            request=request._request,
        )
        return Response(DestructionListSerializer(_list(id)).data)


class DestructionListApprove(APIView):
    """POST: the archivist approves the list (never who reviewed it); seven days of cooling off start."""

    required_permission = "destruction.approve"

    @extend_schema(request=StepSerializer, responses={200: DestructionListSerializer})
    def post(self, request: Request, id: Any) -> Response:
        data = StepSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        destruction_list_approve(
            actor=request.user,
            dlist=_list(id),
            version=data.validated_data.get("version"),
            request=request._request,
        )
        return Response(DestructionListSerializer(_list(id)).data)


class DestructionListExclude(APIView):
    """POST: take a record off a list under review, with the reason it is kept."""

    required_permission = "destruction.review"

    @extend_schema(request=ExcludeSerializer, responses={200: DestructionListSerializer})
    def post(self, request: Request, id: Any) -> Response:
        dlist = _list(id)
        data = ExcludeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = get_object_or_404(dlist.items.all(), pk=data.validated_data["item"])
        destruction_item_exclude(
            actor=request.user, item=item, reason=data.validated_data["reason"], request=request._request
        )
        return Response(DestructionListSerializer(_list(id)).data)


class DestructionListDestroy(APIView):
    """POST: after the cooling-off period, destroy the list's records; `confirmName` must be the list's name."""

    required_permission = "destruction.review"

    @extend_schema(request=DestroySerializer, responses={200: DestructionListSerializer})
    def post(self, request: Request, id: Any) -> Response:
        data = DestroySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        destruction_list_destroy(
            actor=request.user,
            dlist=_list(id),
            confirm_name=data.validated_data["confirm_name"],
            request=request._request,
        )
        return Response(DestructionListSerializer(_list(id)).data)
