"""REST resource `park-lots`: the lots you may see with geometry and residence status; occupancy only if allowed."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import exceptions, generics, serializers
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access import park_access
from regie.access.policy import request_user
from regie.access.subject_access import may_see_bsn
from regie.core.api.conventions import require
from regie.core.api.schema import GEOJSON_GEOMETRY, OPTIONAL
from regie.park.models import ParkLot, ResidenceStatus
from regie.park.selectors import current_occupants, registrations_at, with_current_status
from regie.park.services.brp import lot_brp_refresh, may_refresh_lot
from regie.processing_log.services import log_processing
from regie.subjects.services import RegisterUnavailable


class ParkPermission(BasePermission):
    """Open to users the park door lets in at all (the municipal park team and Province inspectors in a round)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return park_access.may_use_park(request.user)


class OccupantSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    from_date = serializers.DateField()
    to_date = serializers.DateField(allow_null=True)


@extend_schema_serializer(extensions={OPTIONAL: ["occupants", "brp_registrations"]})
class ParkLotSerializer(serializers.ModelSerializer[ParkLot]):
    park = serializers.CharField(source="park.name", read_only=True)
    location_id = serializers.UUIDField(source="location.pk", read_only=True)
    name = serializers.CharField(source="location.name", read_only=True)
    geometry = serializers.SerializerMethodField()
    residence_status = serializers.SerializerMethodField()
    occupants = serializers.SerializerMethodField(
        help_text="Alleen voor wie bewoningsgegevens van deze kavel mag zien; anders ontbreekt het veld."
    )
    brp_registrations = serializers.SerializerMethodField(
        help_text="Aantal BRP-inschrijvingen op het adres; alleen voor wie bewoningsgegevens mag zien."
    )

    class Meta:
        model = ParkLot
        fields = [
            "id",
            "park",
            "number",
            "location_id",
            "name",
            "dwelling",
            "geometry",
            "residence_status",
            "occupants",
            "brp_registrations",
        ]
        read_only_fields = fields

    @extend_schema_field(GEOJSON_GEOMETRY)
    def get_geometry(self, instance: ParkLot) -> Any:
        return instance.location.geometry

    @extend_schema_field(serializers.ChoiceField(choices=ResidenceStatus.choices))
    def get_residence_status(self, instance: ParkLot) -> str:
        return getattr(instance, "current_status", None) or ResidenceStatus.UNKNOWN

    @extend_schema_field(OccupantSerializer(many=True))
    def get_occupants(self, instance: ParkLot) -> Any:
        rows = self.context["occupants"].get(instance.pk, [])
        return [{"name": str(o.person), "from_date": o.from_date, "to_date": o.to_date} for o in rows]

    @extend_schema_field(serializers.IntegerField())
    def get_brp_registrations(self, instance: ParkLot) -> int:
        return int(self.context["registrations"].get(instance.location.address_id, 0))

    def to_representation(self, instance: ParkLot) -> Any:
        data = super().to_representation(instance)
        if instance.pk not in self.context["occupancy_ids"]:
            data.pop("occupants", None)
            data.pop("brp_registrations", None)
        return data


class ParkLotList(generics.ListAPIView[ParkLot]):
    """Park lots you may see, with their GeoJSON polygon and current residence status (derived from history)."""

    permission_classes = [IsAuthenticated, ParkPermission]
    serializer_class = ParkLotSerializer

    def get_queryset(self) -> Any:
        lots = park_access.lots_visible_to(self.request.user)
        return (
            with_current_status(lots)
            .select_related("park", "location")
            .order_by("park__name", "number", "id")
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        allowed = park_access.occupancy_lot_ids(request.user, list(page))
        today = timezone.localdate()
        occupants = current_occupants(allowed, today=today)
        addresses = [lot.location.address_id for lot in page if lot.pk in allowed and lot.location.address_id]
        registrations = registrations_at(addresses)
        log_processing(
            action="park_lot.listed",
            actor=request.user,
            request=request._request,
            object_type="park_lot",
            persons=[o.person_id for rows in occupants.values() for o in rows],
            details={"count": len(page), "via": "api"},
        )
        context = {
            **self.get_serializer_context(),
            "occupancy_ids": allowed,
            "occupants": occupants,
            "registrations": registrations,
        }
        return self.get_paginated_response(ParkLotSerializer(page, many=True, context=context).data)


class BrpResidentSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    birth_year = serializers.IntegerField(allow_null=True)
    bsn = serializers.CharField(required=False, help_text="Alleen voor wie BSN's mag zien.")


class LotBrpRefreshSerializer(serializers.Serializer[Any]):
    lot_id = serializers.UUIDField()
    purpose = serializers.CharField(help_text="De doelbinding waarmee de BRP is bevraagd.")
    retrieved_at = serializers.DateTimeField()
    keep_until = serializers.DateTimeField(help_text="Tot wanneer Regie deze lijst bewaart.")
    residents = BrpResidentSerializer(many=True)


class ParkLotBrpRefreshes(generics.GenericAPIView[ParkLot]):
    """'BRP bijwerken' on a lot: who is registered at the lot's address according to the BRP (issue 21)."""

    permission_classes = [IsAuthenticated, ParkPermission]
    serializer_class = LotBrpRefreshSerializer

    @extend_schema(
        request=None,
        responses={
            201: LotBrpRefreshSerializer,
            502: OpenApiResponse(description="De BRP of de BAG gaf een fout; er is niets gewijzigd."),
        },
    )
    def post(self, request: Request, id: Any) -> Response:
        lot, occupancy = park_access.get_lot_for(
            request.user, id, request=request._request, action="park_lot.viewed_for_change"
        )
        require(
            may_refresh_lot(request.user, occupancy),
            "U mag de BRP-inschrijvingen van deze kavel niet bijwerken.",
        )
        try:
            retrieval = lot_brp_refresh(
                actor=request_user(request._request), lot=lot, occupancy=occupancy, request=request._request
            )
        except RegisterUnavailable as exc:
            failure = exceptions.APIException(exc.message)
            failure.status_code = exc.status
            raise failure from None
        show_bsn = may_see_bsn(request.user)
        residents = [
            {"name": r["name"], "birth_year": r["birth_year"], **({"bsn": r["bsn"]} if show_bsn else {})}
            for r in retrieval.residents
        ]
        body = {
            "lot_id": lot.pk,
            "purpose": retrieval.purpose,
            "retrieved_at": retrieval.retrieved_at,
            "keep_until": retrieval.keep_until,
            "residents": residents,
        }
        return Response(LotBrpRefreshSerializer(body).data, status=201)
