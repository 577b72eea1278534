"""REST resources `processing-activities` and `data-subject-requests` of the privacy workplace."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access import privacy_access
from regie.accounts.models import User
from regie.privacy.export import access_export
from regie.privacy.models import DataSubjectRequest, ProcessingActivity
from regie.privacy.services import PURPOSE, data_subject_request_create
from regie.processing_log.services import log_processing
from regie.subjects.identity import bsn_error, normalize_bsn


class ProcessingActivitySerializer(serializers.ModelSerializer[ProcessingActivity]):
    class Meta:
        model = ProcessingActivity
        fields = [
            "id",
            "code",
            "name",
            "purpose",
            "legal_basis",
            "special_basis",
            "national_law",
            "data_categories",
            "person_categories",
            "recipients",
            "retention",
            "controller",
            "joint_controllers",
            "version",
        ]


class ProcessingActivityList(generics.ListAPIView[ProcessingActivity]):
    """The register of processing activities (AVG art. 30); every processing-log entry points to one."""

    serializer_class = ProcessingActivitySerializer
    required_permission = "privacy_register.view"
    queryset = ProcessingActivity.objects.all()


class ProcessingActivityDetail(generics.RetrieveAPIView[ProcessingActivity]):
    """One processing activity."""

    serializer_class = ProcessingActivitySerializer
    required_permission = "privacy_register.view"
    queryset = ProcessingActivity.objects.all()
    lookup_field = "pk"
    lookup_url_kwarg = "id"


class DataSubjectRequestSerializer(serializers.ModelSerializer[DataSubjectRequest]):
    person_id = serializers.UUIDField(read_only=True)
    person_name = serializers.CharField(source="person.__str__", read_only=True)
    due = serializers.DateField(
        read_only=True, help_text="De uiterste datum: de termijn, of de verlengde termijn."
    )

    class Meta:
        model = DataSubjectRequest
        fields = [
            "id",
            "reference",
            "kind",
            "person_id",
            "person_name",
            "received_on",
            "deadline",
            "extended_to",
            "extension_reason",
            "identity_check",
            "status",
            "completed_at",
            "due",
            "version",
        ]


class DataSubjectRequestCreateSerializer(serializers.Serializer[Any]):
    person_id = serializers.UUIDField(required=False, help_text="De betrokkene; of geef bsn.")
    bsn = serializers.CharField(required=False, max_length=11)
    received_on = serializers.DateField()
    identity_check = serializers.CharField(max_length=200, help_text="Hoe de identiteit is vastgesteld.")

    def validate_bsn(self, value: str) -> str:
        error = bsn_error(value)
        if error:
            raise serializers.ValidationError(error)
        return normalize_bsn(value) or value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("person_id") and not attrs.get("bsn"):
            raise serializers.ValidationError({"person_id": "Geef de betrokkene: personId of bsn."})
        return attrs


class DataSubjectRequestList(generics.ListAPIView[DataSubjectRequest]):
    """Requests of data subjects (privacy officer); POST registers a request of access with its identity check."""

    serializer_class = DataSubjectRequestSerializer
    required_permission = "data_subject_requests.handle"

    def get_queryset(self) -> Any:
        return privacy_access.requests_for(self.request.user)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        rows = list(page or [])
        log_processing(
            action="data_subject_request.list_viewed",
            actor=request.user,
            request=request._request,
            object_type="data_subject_request",
            persons=[r.person_id for r in rows],
            purpose=PURPOSE,
            details={"via": "api"},
        )
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    @extend_schema(request=DataSubjectRequestCreateSerializer, responses={201: DataSubjectRequestSerializer})
    def post(self, request: Request) -> Response:
        user = request.user
        assert isinstance(user, User)
        data = DataSubjectRequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if values.get("person_id"):
            person = privacy_access.person_for_request(user, values["person_id"])
        else:
            found = privacy_access.find_persons(user, bsn=values["bsn"], request=request._request)
            if not found:
                raise serializers.ValidationError({"bsn": "Regie kent niemand met dit BSN."})
            person = found[0]
        dsr = data_subject_request_create(
            actor=user,
            person=person,
            received_on=values["received_on"],
            identity_check=values["identity_check"],
            request=request._request,
        )
        return Response(DataSubjectRequestSerializer(dsr).data, status=status.HTTP_201_CREATED)


class DataSubjectRequestDetail(generics.GenericAPIView[DataSubjectRequest]):
    """One request with its access export: what Regie holds about the person and every consultation."""

    serializer_class = DataSubjectRequestSerializer
    required_permission = "data_subject_requests.handle"

    def get(self, request: Request, id: Any) -> Response:
        dsr = privacy_access.request_for(request.user, id)
        export = access_export(request.user, dsr)
        log_processing(
            action="data_subject_request.exported",
            actor=request.user,
            request=request._request,
            object_type="data_subject_request",
            object_id=dsr.pk,
            persons=[dsr.person_id],
            purpose=PURPOSE,
            details={"reference": dsr.reference, "via": "api"},
        )
        return Response({**DataSubjectRequestSerializer(dsr).data, "export": export.as_json()})
