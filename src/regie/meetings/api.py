"""REST resources `meeting-series`, `meetings` (with the agenda items as each caller may see them) and
`meeting-actions` (open agreements): through the meetings door; every read of case data logged."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access import meetings_access
from regie.accounts.models import Organisation, User
from regie.core.ids import uuid_or_404
from regie.meetings import serializers as s
from regie.meetings.services.series import series_create


class MeetingsView(generics.GenericAPIView[Any]):
    required_permission = "meetings.attend"

    @property
    def user(self) -> User:
        user = self.request.user
        assert isinstance(user, User)
        return user


class MeetingSeriesList(MeetingsView):
    """The meeting series you chair, take minutes for, are a covenant partner of or attend; the administrator
    sets one up."""

    required_permission = "meetings.view"
    serializer_class = s.MeetingSeriesSerializer

    @extend_schema(responses=s.MeetingSeriesSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = meetings_access.series_visible_to(self.user).select_related("chair", "secretary")
        page = self.paginate_queryset(qs.prefetch_related("organisations").order_by("name", "id"))
        assert page is not None
        return self.get_paginated_response(s.MeetingSeriesSerializer(page, many=True).data)

    @extend_schema(request=s.MeetingSeriesCreateSerializer, responses={201: s.MeetingSeriesSerializer})
    def post(self, request: Request) -> Response:
        if not meetings_access.is_series_administrator(self.user):
            raise exceptions.PermissionDenied("Alleen de functioneel beheerder stelt een overleg in.")
        body = s.MeetingSeriesCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        municipality = self.user.organisation.municipality  # type: ignore[union-attr]
        people = User.objects.filter(organisation__municipality=municipality)
        organisations = list(Organisation.objects.filter(pk__in=values["organisation_ids"]))
        if len(organisations) != len(set(values["organisation_ids"])):
            raise exceptions.ValidationError({"organisationIds": ["Onbekende organisatie."]})
        series = series_create(
            actor=self.user,
            municipality=municipality,
            name=values["name"],
            purpose=values["purpose"],
            legal_basis=values["legal_basis"],
            covenant=values["covenant"],
            cadence=values["cadence"],
            chair=people.filter(pk=values["chair_id"]).first(),
            secretary=people.filter(pk=values["secretary_id"]).first() if values["secretary_id"] else None,
            organisations=organisations,
            request=request._request,
        )
        return Response(s.MeetingSeriesSerializer(series).data, status=status.HTTP_201_CREATED)


class MeetingSeriesDetail(MeetingsView):
    required_permission = "meetings.view"
    serializer_class = s.MeetingSeriesSerializer

    @extend_schema(responses=s.MeetingSeriesSerializer)
    def get(self, request: Request, id: str) -> Response:
        return Response(s.MeetingSeriesSerializer(meetings_access.get_series_for(self.user, id)).data)


class MeetingList(MeetingsView):
    """The meetings you chair, take minutes for or attend, the next first."""

    serializer_class = s.MeetingSerializer

    @extend_schema(responses=s.MeetingSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = meetings_access.meetings_visible_to(self.user).select_related("series")
        page = self.paginate_queryset(qs.order_by("-starts_at", "id"))
        assert page is not None
        return self.get_paginated_response(s.MeetingSerializer(page, many=True).data)


class MeetingDetail(MeetingsView):
    """One meeting with the agenda items you may see (free items, cases you are party to, items shared with you
    for this meeting); a deelnemer sees the agenda only after confirming the confidentiality statement."""

    serializer_class = s.MeetingDetailSerializer

    @extend_schema(responses=s.MeetingDetailSerializer)
    def get(self, request: Request, id: str) -> Response:
        view = meetings_access.get_meeting_for(self.user, id, request=request._request)
        if view.must_confirm:
            raise exceptions.PermissionDenied(
                "Bevestig eerst de geheimhoudingsverklaring van dit overleg in Regie."
            )
        context = {"items": view.items, "hidden": view.hidden_items}
        return Response(s.MeetingDetailSerializer(view.meeting, context=context).data)


class MeetingActionList(MeetingsView):
    """Agreements from meetings not yet done, on cases you may see: owner, due date and whether it is overdue."""

    serializer_class = s.MeetingActionSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("meeting", OpenApiTypes.UUID, description="Alleen afspraken van dit overleg"),
            OpenApiParameter("overdue", OpenApiTypes.BOOL, description="Alleen afspraken die te laat zijn"),
        ],
        responses=s.MeetingActionSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        today = timezone.localdate()
        qs = meetings_access.open_actions_visible_to(self.user)
        meeting = request.query_params.get("meeting")
        if meeting is not None:
            try:
                qs = qs.filter(item__meeting_id=uuid_or_404(meeting))
            except Exception:
                raise exceptions.ValidationError({"meeting": ["Geef het id van een overleg."]}) from None
        overdue = request.query_params.get("overdue")
        if overdue not in (None, "true", "false"):
            raise exceptions.ValidationError({"overdue": ["Geef true of false."]})
        if overdue == "true":
            qs = qs.filter(task__due_date__lt=today)
        qs = qs.select_related("task", "task__owner", "item", "item__case")
        page = self.paginate_queryset(qs.order_by("task__due_date", "id"))
        assert page is not None
        meetings_access.log_actions_listed(self.user, page, request=request._request, via="api")
        return self.get_paginated_response(
            s.MeetingActionSerializer(page, many=True, context={"today": today}).data
        )
