"""REST resources of the ondermijning theme: areas, location-risks, integral-inspections, kvo-trajectories, trainings.

Every list reads through the ondermijning door; a location risk names who lives there in the processing log;
trainings are counts (attendees per session), never a person's quiz result.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema_field
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access import ondermijning_access as door
from regie.access.subject_access import residents_of
from regie.core.api.schema import GEOJSON_GEOMETRY
from regie.core.ids import uuid_or_404
from regie.ondermijning.models import (
    Area,
    AreaContact,
    AreaKind,
    ContactRole,
    IntegralInspection,
    KvoTrajectory,
    LocationRisk,
    Training,
)
from regie.ondermijning.services import areas, contacts
from regie.processing_log.services import log_processing


class AreaSerializer(serializers.ModelSerializer[Area]):
    kind = serializers.ChoiceField(choices=AreaKind.choices)
    geometry = serializers.JSONField(source="outline.geometry", help_text="GeoJSON Polygon (WGS84).")
    locations = serializers.IntegerField(source="sites.count", read_only=True)

    class Meta:
        model = Area
        fields = ["id", "name", "kind", "geometry", "contacts", "locations"]
        read_only_fields = ["id", "locations"]


class AreaList(generics.ListCreateAPIView[Area]):
    """Industrial estates and rural areas of your municipality; the project leader registers new ones."""

    serializer_class = AreaSerializer
    required_permission = "ondermijning.view"

    def get_queryset(self) -> Any:
        if not door.is_team(self.request.user):
            raise PermissionDenied
        return door.areas_visible_to(self.request.user).select_related("outline").order_by("name", "id")

    def perform_create(self, serializer: Any) -> None:
        data = serializer.validated_data
        serializer.instance = areas.area_create(
            actor=self.request.user,  # type: ignore[arg-type]
            name=data["name"],
            kind=data["kind"],
            geometry=data.get("outline", {}).get("geometry"),
            contacts=data.get("contacts", ""),
            request=self.request._request,
        )


class AreaContactSerializer(serializers.ModelSerializer[AreaContact]):
    role = serializers.ChoiceField(choices=ContactRole.choices)

    class Meta:
        model = AreaContact
        fields = ["id", "role", "organisation", "name", "phone", "email"]
        read_only_fields = ["id"]


class AreaContactList(generics.ListCreateAPIView[AreaContact]):
    """Contact persons of one of your areas (park management, entrepreneurs' association, LTO): personal data for
    the municipal team only, every read logged; the project leader adds them."""

    serializer_class = AreaContactSerializer
    required_permission = "ondermijning.view"
    pagination_class = None

    def area(self) -> Area:
        if not door.is_team(self.request.user):
            raise PermissionDenied
        return door.get_area_for(self.request.user, self.kwargs["area_id"], log=False)

    def get_queryset(self) -> Any:
        return AreaContact.objects.none()

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        found = door.contacts_of(request.user, self.area(), request=request._request)
        return Response(self.get_serializer(found, many=True).data)

    def perform_create(self, serializer: Any) -> None:
        data = serializer.validated_data
        serializer.instance = contacts.contact_save(
            actor=self.request.user,  # type: ignore[arg-type]
            area=self.area(),
            role=data["role"],
            organisation=data.get("organisation", ""),
            name=data.get("name", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            request=self.request._request,
        )


class RiskPartSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()
    points = serializers.IntegerField()


class LocationRiskSerializer(serializers.ModelSerializer[LocationRisk]):
    location_id = serializers.UUIDField(source="site.location_id", read_only=True)
    name = serializers.CharField(source="site.location.name", read_only=True)
    area = serializers.UUIDField(source="site.area_id", read_only=True)
    kind = serializers.CharField(source="site.kind", read_only=True)
    geometry = serializers.SerializerMethodField()
    parts = RiskPartSerializer(many=True, read_only=True)
    policy_version = serializers.IntegerField(source="policy.version", read_only=True)

    class Meta:
        model = LocationRisk
        fields = [
            "id",
            "location_id",
            "name",
            "area",
            "kind",
            "score",
            "parts",
            "policy_version",
            "computed_at",
            "geometry",
        ]
        read_only_fields = fields

    @extend_schema_field(GEOJSON_GEOMETRY)
    def get_geometry(self, instance: LocationRisk) -> Any:
        return instance.site.location.geometry


class LocationRiskList(generics.ListAPIView[LocationRisk]):
    """Computed risk scores of the locations in your areas, highest first, each with its explained parts.
    Filter with `area` (an area id) and `minScore` (0-100)."""

    serializer_class = LocationRiskSerializer
    required_permission = "ondermijning.view"

    def get_queryset(self) -> Any:
        user = self.request.user
        if not door.is_team(user):
            raise PermissionDenied
        qs = door.risks_visible_to(user)
        area = self.request.query_params.get("area")
        if area:
            try:
                qs = qs.filter(site__area_id=uuid_or_404(area))
            except Exception:
                raise ApiValidationError({"area": ["Geef een geldig gebied-id."]}) from None
        minimum = self.request.query_params.get("minScore")
        if minimum is not None:
            if not minimum.isdigit() or int(minimum) > 100:
                raise ApiValidationError({"minScore": ["Een score van 0 tot en met 100."]})
            qs = qs.filter(score__gte=int(minimum))
        return qs.select_related("site", "site__location", "policy").order_by("-score", "id")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        log_processing(
            action="ondermijning_location.listed",
            actor=request.user,
            request=request._request,
            object_type="ondermijning_location",
            persons=residents_of(location_ids=[r.site.location_id for r in page]),
            details={"count": len(page), "via": "api"},
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class InspectionSerializer(serializers.ModelSerializer[IntegralInspection]):
    area = serializers.CharField(source="area.name", read_only=True)
    partners: Any = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    locations = serializers.IntegerField(source="sites.count", read_only=True)

    class Meta:
        model = IntegralInspection
        fields = ["id", "area", "planned_on", "partners", "locations", "random_share"]
        read_only_fields = fields


class IntegralInspectionList(generics.ListAPIView[IntegralInspection]):
    """Integral inspection days you take part in (the municipal team: all of its municipality)."""

    serializer_class = InspectionSerializer
    required_permission = "ondermijning.view"

    def get_queryset(self) -> Any:
        return (
            door.inspections_visible_to(self.request.user)
            .select_related("area")
            .prefetch_related("partners")
            .order_by("-planned_on", "id")
        )


class KvoStepSerializer(serializers.Serializer[Any]):
    step = serializers.CharField()
    done_on = serializers.DateField()


class KvoMeasureSerializer(serializers.Serializer[Any]):
    description = serializers.CharField()
    owner = serializers.CharField()
    due_on = serializers.DateField(allow_null=True)
    status = serializers.CharField()


class KvoDocumentSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    step = serializers.CharField()
    created_at = serializers.DateTimeField()


class KvoSerializer(serializers.ModelSerializer[KvoTrajectory]):
    area = serializers.CharField(source="area.name", read_only=True)
    steps = serializers.SerializerMethodField()
    measures = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()

    class Meta:
        model = KvoTrajectory
        fields = ["id", "area", "started_on", "certified_on", "expires_on", "steps", "measures", "documents"]
        read_only_fields = fields

    @extend_schema_field(KvoStepSerializer(many=True))
    def get_steps(self, instance: KvoTrajectory) -> Any:
        return KvoStepSerializer(instance.steps.all(), many=True).data

    @extend_schema_field(KvoMeasureSerializer(many=True))
    def get_measures(self, instance: KvoTrajectory) -> Any:
        """The measures plan: each measure with its owner, date and status."""
        return KvoMeasureSerializer(instance.measures.all(), many=True).data

    @extend_schema_field(KvoDocumentSerializer(many=True))
    def get_documents(self, instance: KvoTrajectory) -> Any:
        """The trajectory's documents (titles; the file itself on the KVO-B page)."""
        return KvoDocumentSerializer(instance.documents.all(), many=True).data


class KvoList(generics.ListAPIView[KvoTrajectory]):
    """KVO-B trajectories of the estates in your municipality, with their steps and certificate."""

    serializer_class = KvoSerializer
    required_permission = "ondermijning.view"

    def get_queryset(self) -> Any:
        if not door.is_team(self.request.user):
            raise PermissionDenied
        return (
            KvoTrajectory.objects.filter(area__in=door.areas_visible_to(self.request.user))
            .select_related("area")
            .prefetch_related("steps", "measures", "documents")
            .order_by("area__name", "id")
        )


class TrainingSerializer(serializers.ModelSerializer[Training]):
    department = serializers.CharField(source="department.name", read_only=True)
    attendees = serializers.IntegerField(source="attendees.count", read_only=True)

    class Meta:
        model = Training
        fields = ["id", "held_on", "trainer", "department", "attendees"]
        read_only_fields = fields


class TrainingList(generics.ListAPIView[Training]):
    """Training sessions of your municipality with the number of attendees (never who scored what)."""

    serializer_class = TrainingSerializer
    required_permission = "ondermijning.figures"

    def get_queryset(self) -> Any:
        user = self.request.user
        return (
            Training.objects.filter(municipality_id=user.organisation.municipality_id)  # type: ignore[union-attr]
            .select_related("department")
            .order_by("-held_on", "id")
        )
